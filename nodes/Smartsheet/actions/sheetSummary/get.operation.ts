import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Raw Fields',
		name: 'rawFields',
		type: 'boolean',
		default: false,
		description:
			'Whether to output the fields as Smartsheet returns them instead of one flat {field title: value} object',
		displayOptions: { show: { resource: ['sheetSummary'], operation: ['get'] } },
	},
];

/** The sheet summary: by default {sheetId, <field title>: value}; raw: {sheetId, fields: [...]}. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const summary = await readSummary(client, sheetIdOf(this, item), operation);
		if (this.getNodeParameter('rawFields', item, false) === true) return summary;
		const fields = (summary.fields as IDataObject[] | undefined) ?? [];
		return {
			sheetId: summary.sheetId,
			...Object.fromEntries(
				fields.map((field) => [
					String(field.title),
					field.objectValue ?? field.displayValue ?? null,
				]),
			),
		};
	});
}

export async function readSummary(
	client: SmartsheetClient,
	sheetId: string,
	operation: string,
): Promise<IDataObject> {
	return await client.request<IDataObject>({
		method: 'GET',
		path: `/sheets/${sheetId}/summary`,
		operation,
	});
}
