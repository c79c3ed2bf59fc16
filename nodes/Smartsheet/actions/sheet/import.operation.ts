import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { binaryUpload } from '../../helpers/binaryUpload';
import { InvalidInput, type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { destinationFields, sheetsPathOf } from './sheetDestination';

const show = { resource: ['sheet'], operation: ['import'] };

/** The file types Smartsheet imports, by extension (XLS is not supported). */
const FILE_TYPES: Record<string, string> = {
	csv: 'text/csv',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const description: INodeProperties[] = [
	...destinationFields(show),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The CSV or XLSX file to import (formulas and row hierarchy are not imported)',
		displayOptions: { show },
	},
	{
		displayName: 'Sheet Name',
		name: 'sheetName',
		type: 'string',
		default: '',
		description:
			"Name of the new sheet (letters, digits and punctuation of ASCII only). Empty: the file's name without its extension.",
		displayOptions: { show },
	},
	{
		displayName: 'First Row Is Header',
		name: 'firstRowIsHeader',
		type: 'boolean',
		default: true,
		description:
			'Whether the first row holds the column titles. Without it the columns are named Column1, Column2, ….',
		displayOptions: { show },
	},
	{
		displayName: 'Primary Column Index',
		name: 'primaryColumnIndex',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Which column (counting from 0) becomes the primary column',
		displayOptions: { show },
	},
];

/** A new sheet from a CSV or XLSX file of the item, in a workspace or folder. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const field = this.getNodeParameter('binaryPropertyName', item) as string;
		const file = items[item].binary?.[field];
		const extension =
			/\.([a-z]+)$/i.exec(file?.fileName ?? '')?.[1]?.toLowerCase() ??
			file?.fileExtension?.toLowerCase() ??
			'';
		const contentType =
			FILE_TYPES[extension] ?? Object.values(FILE_TYPES).find((type) => type === file?.mimeType);
		if (file && !contentType)
			throw new InvalidInput(
				`Smartsheet imports CSV and XLSX files; "${file.fileName ?? field}" is neither`,
			);
		const { upload, fileName } = await binaryUpload(this, items, item, field, contentType);
		const sheetName =
			String(this.getNodeParameter('sheetName', item, '')).trim() ||
			fileName.replace(/\.[^.]*$/, '');
		if (!/^[\x20-\x7e]+$/.test(sheetName))
			throw new InvalidInput(`Smartsheet needs an ASCII sheet name, got "${sheetName}"`);
		const qs: IDataObject = {
			sheetName,
			primaryColumnIndex: this.getNodeParameter('primaryColumnIndex', item, 0),
		};
		if (this.getNodeParameter('firstRowIsHeader', item, true) === true) qs.headerRowIndex = 0;
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: `${sheetsPathOf(this, item)}/import`,
			qs,
			upload,
			operation,
		});
		return answer.result;
	});
}
