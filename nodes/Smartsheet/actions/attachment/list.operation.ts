import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';
import { sheetOrRowFields, sheetOrRowPath } from '../sheetOrRow';

export const description: INodeProperties[] = [
	...sheetOrRowFields({
		resource: 'attachment',
		operation: 'list',
		name: 'attachTo',
		displayName: 'Attachments Of',
		default: 'sheet',
		rowDescription:
			'ID of the row whose attachments to list. By default the row ID of the incoming item.',
	}),
	...limitFields({ resource: ['attachment'], operation: ['list'] }),
];

/** The attachments of a sheet (its own and its rows') or of one row, one item each. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const path = sheetOrRowPath(this, item, 'attachTo', sheetIdOf(this, item), 'attachments');
		return await collect(offsetPages(client, path, operation), readLimit(this, item));
	});
}
