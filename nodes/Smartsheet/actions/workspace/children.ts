// "Get Children" of a workspace or a folder: their immediate folders, sheets, reports, dashboards
// and templates, token-paged (Smartsheet's replacement for GET /workspaces/{id} and /folders/{id}).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, locatedId, perItem, type SmartsheetClient } from '../../../shared';
import { collect, tokenPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';

export function childrenFields(resource: 'workspace' | 'folder'): INodeProperties[] {
	const show = { resource: [resource], operation: ['getChildren'] };
	return [
		{
			displayName: 'Types',
			name: 'childrenResourceTypes',
			type: 'multiOptions',
			options: [
				{ name: 'Dashboards', value: 'sights' },
				{ name: 'Folders', value: 'folders' },
				{ name: 'Reports', value: 'reports' },
				{ name: 'Sheets', value: 'sheets' },
				{
					name: 'Templates',
					value: 'templates',
					description: 'Smartsheet lists templates only together with sheets',
				},
			],
			default: [],
			description: 'Which kinds of children to list; none chosen lists every kind',
			displayOptions: { show },
		},
		...limitFields(show),
	];
}

/** One item per child (each has `resourceType`: folder, sheet, report, sight or template). */
export function childrenExecute(resource: 'workspace' | 'folder') {
	return async function (
		this: IExecuteFunctions,
		client: SmartsheetClient,
		items: INodeExecutionData[],
		operation: string,
	): Promise<ItemResult[]> {
		return await perItem(client, items, operation, async (item) => {
			const id = locatedId(
				this,
				`${resource}Id`,
				item,
				resource === 'workspace' ? 'Workspace' : 'Folder',
			);
			const types = this.getNodeParameter('childrenResourceTypes', item, []) as string[];
			const qs = types.length ? { childrenResourceTypes: types.join(',') } : {};
			return await collect(
				tokenPages(client, `/${resource}s/${id}/children`, operation, qs),
				readLimit(this, item),
			);
		});
	};
}
