import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { readSummary } from './get.operation';
import { fieldContent, valueFields } from './summaryValue';

export const description: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'summaryValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Field',
		displayOptions: { show: { resource: ['sheetSummary'], operation: ['update'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Title or ID',
						name: 'field',
						type: 'string',
						default: '',
						description: 'The title of a summary field, or its ID',
					},
					...valueFields,
				],
			},
		],
	},
];

/** New values (or formulas) for summary fields named by title or ID; Editors may change values. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const entries = this.getNodeParameter('summaryValues.field', item, []) as IDataObject[];
		if (entries.length === 0) throw new InvalidInput('Add at least one field');
		const idOf = await fieldIds(client, operation, sheetId, entries);
		const body = entries.map((entry) => ({
			id: idOf(String(entry.field ?? '').trim()),
			...fieldContent(entry),
		}));
		const answer = await client.request<{ result: IDataObject[] }>({
			method: 'PUT',
			path: `/sheets/${sheetId}/summary/fields`,
			body,
			sheetId,
			operation,
		});
		return answer.result;
	});
}

/** Resolves titles to IDs (reading the summary only when a title is used); an ID passes as it is. */
async function fieldIds(
	client: SmartsheetClient,
	operation: string,
	sheetId: string,
	entries: IDataObject[],
): Promise<(field: string) => string> {
	const needsTitles = entries.some((entry) => !/^\d+$/.test(String(entry.field ?? '').trim()));
	const fields = needsTitles
		? (((await readSummary(client, sheetId, operation)).fields as IDataObject[] | undefined) ?? [])
		: [];
	return (field) => {
		if (/^\d+$/.test(field)) return field;
		const found =
			fields.find((candidate) => String(candidate.title) === field) ??
			fields.find((candidate) => String(candidate.title).toLowerCase() === field.toLowerCase());
		if (!found) throw new InvalidInput(`The sheet summary has no field "${field}"`);
		return String(found.id);
	};
}
