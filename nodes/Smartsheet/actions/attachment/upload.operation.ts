import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	hasResult,
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { multipartFile } from '../../helpers/multipart';
import { sheetOrRowPath } from '../sheetOrRow';
import { attachToFields } from './attachmentFields';

const MAX_BYTES = 30 * 1024 * 1024; // Smartsheet's API upload limit

export const description: INodeProperties[] = [
	...attachToFields('upload'),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the file (at most 30 MB)',
	},
];

/** Uploads each item's binary file; counts 10 against the rate limit, survives a token refresh. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const field = this.getNodeParameter('binaryPropertyName', item) as string;
		const binary = items[item].binary?.[field];
		if (!binary) throw new InvalidInput(`The item has no binary field "${field}"`);
		const data = await this.helpers.getBinaryDataBuffer(item, field);
		if (data.length > MAX_BYTES)
			throw new InvalidInput(
				`The file is ${Math.ceil(data.length / 1048576)} MB; Smartsheet accepts at most 30 MB`,
			);
		const { body, contentType } = multipartFile(binary.fileName ?? field, binary.mimeType, data);
		const path = sheetOrRowPath(this, item, 'attachTo', sheetId, 'attachments');
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path,
			upload: { data: body, headers: { 'Content-Type': contentType } },
			sheetId,
			weight: 10,
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}
