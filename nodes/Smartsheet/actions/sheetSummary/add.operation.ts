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
import { COLUMN_TYPES } from '../column/columnTypes';
import { fieldContent, valueFields } from './summaryValue';

const show = { resource: ['sheetSummary'], operation: ['add'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'summaryFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Field',
		displayOptions: { show },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Unique within the summary',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: COLUMN_TYPES.filter((type) => type.value !== 'PREDECESSOR'),
						default: 'TEXT_NUMBER',
					},
					{
						displayName: 'Options',
						name: 'options',
						type: 'string',
						default: '',
						description: 'Dropdown choices, separated by commas',
					},
					...valueFields,
				],
			},
		],
	},
	{
		displayName: 'Rename If the Title Is Taken',
		name: 'renameIfConflict',
		type: 'boolean',
		default: false,
		description:
			'Whether Smartsheet appends "(1)" to a title already in the summary instead of failing the item',
		displayOptions: { show },
	},
];

/** New summary fields (the sheet's Admins may add them); one item per field created. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const entries = this.getNodeParameter('summaryFields.field', item, []) as IDataObject[];
		if (entries.length === 0) throw new InvalidInput('Add at least one field');
		const body = entries.map((entry) => {
			const title = String(entry.title ?? '').trim();
			if (!title) throw new InvalidInput('Every summary field needs a title');
			const options = String(entry.options ?? '')
				.split(',')
				.map((option) => option.trim())
				.filter(Boolean);
			return {
				title,
				type: entry.type,
				...(options.length ? { options } : {}),
				...fieldContent(entry),
			};
		});
		const answer = await client.request<{ result: IDataObject[] }>({
			method: 'POST',
			path: `/sheets/${sheetId}/summary/fields`,
			qs:
				this.getNodeParameter('renameIfConflict', item, false) === true
					? { renameIfConflict: true }
					: {},
			body,
			sheetId,
			operation,
		});
		return answer.result;
	});
}
