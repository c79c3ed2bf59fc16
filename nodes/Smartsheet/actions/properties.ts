import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../credentialChoice';
import * as attachment from './attachment/attachment.resource';
import * as column from './column/column.resource';
import * as credential from './credential/credential.resource';
import { sheetLocator, transportOptions } from './common.descriptions';
import * as row from './row/row.resource';
import * as sheet from './sheet/sheet.resource';
import * as user from './user/user.resource';
import * as webhook from './webhook/webhook.resource';

/** The operations of each resource, for the router. */
export const resources = { row, sheet, column, attachment, user, credential, webhook };

/** Every parameter of the Smartsheet node, in the order the editor shows them. */
export const nodeProperties: INodeProperties[] = [
		authenticationProperty,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Attachment', value: 'attachment' },
				{ name: 'Column', value: 'column' },
				{ name: 'Credential', value: 'credential' },
				{ name: 'Row', value: 'row' },
				{ name: 'Sheet', value: 'sheet' },
				{ name: 'User', value: 'user' },
				{ name: 'Webhook', value: 'webhook' },
			],
			default: 'row',
		},
		...row.description,
		...sheet.description,
		...column.description,
	...attachment.description,
		...user.description,
	...credential.description,
	...webhook.description,
		// Two copies with disjoint conditions: `hide` would drop it wherever any one condition holds.
		{ ...sheetLocator, displayOptions: { show: { resource: ['row', 'column', 'attachment'] } } },
		{ ...sheetLocator, displayOptions: { show: { resource: ['sheet'], operation: ['get', 'getVersion', 'rename', 'delete'] } } },
	{ ...sheetLocator, displayOptions: { show: { resource: ['webhook'], operation: ['create'] } } },
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
					description: 'One output; a failure stops the workflow, or follows the node\'s "On Error" setting',
				},
			],
			default: 'outputs',
		},
		transportOptions,
];
