import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty, transportOptions } from '../../shared';
import * as apiCall from './apiCall/apiCall.resource';
import * as attachment from './attachment/attachment.resource';
import * as cell from './cell/cell.resource';
import * as column from './column/column.resource';
import * as comment from './comment/comment.resource';
import * as credential from './credential/credential.resource';
import * as discussion from './discussion/discussion.resource';
import * as folder from './folder/folder.resource';
import * as report from './report/report.resource';
import * as row from './row/row.resource';
import * as search from './search/search.resource';
import * as share from './share/share.resource';
import * as sheet from './sheet/sheet.resource';
import * as sheetSummary from './sheetSummary/sheetSummary.resource';
import * as user from './user/user.resource';
import * as webhook from './webhook/webhook.resource';
import * as workspace from './workspace/workspace.resource';

/** The operations of each resource, for the router. */
export const resources = {
	apiCall,
	row,
	sheet,
	column,
	attachment,
	user,
	credential,
	report,
	workspace,
	folder,
	search,
	cell,
	discussion,
	comment,
	webhook,
	share,
	sheetSummary,
};

/** Every parameter of the Smartsheet node, in the order the editor shows them. */
export const nodeProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'API Call',
				value: 'apiCall',
				description:
					'Any Smartsheet endpoint, through the same token handling, retries and outputs',
			},
			{ name: 'Attachment', value: 'attachment' },
			{ name: 'Cell', value: 'cell' },
			{ name: 'Column', value: 'column' },
			{ name: 'Comment', value: 'comment' },
			{ name: 'Credential', value: 'credential' },
			{ name: 'Discussion', value: 'discussion' },
			{ name: 'Folder', value: 'folder' },
			{ name: 'Report', value: 'report' },
			{ name: 'Row', value: 'row' },
			{ name: 'Search', value: 'search' },
			{ name: 'Share', value: 'share' },
			{ name: 'Sheet', value: 'sheet' },
			{ name: 'Sheet Summary', value: 'sheetSummary' },
			{ name: 'User', value: 'user' },
			{ name: 'Webhook', value: 'webhook' },
			{ name: 'Workspace', value: 'workspace' },
		],
		default: 'row',
	},
	...row.description,
	...sheet.description,
	...column.description,
	...attachment.description,
	...user.description,
	...credential.description,
	...report.description,
	...workspace.description,
	...folder.description,
	...search.description,
	...cell.description,
	...discussion.description,
	...comment.description,
	...webhook.description,
	...apiCall.description,
	...share.description,
	...sheetSummary.description,
	{
		displayName: 'Failure Routing',
		name: 'failureRouting',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Separate Outputs',
				value: 'outputs',
				description:
					'Success, Auth, Permission, Payload and Throttled outputs: every item leaves on exactly one, failures with a diagnosis',
			},
			{
				name: "N8n's Usual Behaviour",
				value: 'n8n',
				description:
					'One output; a failure stops the workflow, or follows the node\'s "On Error" setting',
			},
		],
		default: 'outputs',
	},
	transportOptions,
];
