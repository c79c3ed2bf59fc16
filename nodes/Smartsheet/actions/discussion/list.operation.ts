import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';
import { sheetOrRowPath } from '../sheetOrRow';
import { discussionOnFields } from './discussionFields';

export const description: INodeProperties[] = [
	...discussionOnFields('list', 'Discussions Of'),
	{
		displayName: 'Include Comments',
		name: 'includeComments',
		type: 'boolean',
		default: true,
		description: 'Whether to output each discussion with its comments',
		displayOptions: { show: { resource: ['discussion'], operation: ['list'] } },
	},
	...limitFields({ resource: ['discussion'], operation: ['list'] }),
];

/** The discussions of a sheet (on the sheet and on its rows) or of one row, one item each. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const path = sheetOrRowPath(this, item, 'discussionOn', sheetIdOf(this, item), 'discussions');
		const qs =
			this.getNodeParameter('includeComments', item, true) === true ? { include: 'comments' } : {};
		return await collect(offsetPages(client, path, operation, qs), readLimit(this, item));
	});
}
