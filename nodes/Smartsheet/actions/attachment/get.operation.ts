import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	downloadAttachmentFile,
	idOf,
	InvalidInput,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
	WithBinary,
} from '../../../shared';
import { attachmentIdField } from './attachmentFields';

const show = { resource: ['attachment'], operation: ['get'] };

export const description: INodeProperties[] = [
	attachmentIdField('get'),
	{
		displayName: 'Download File',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			"Whether to download an uploaded file into the item's binary data (links to other sites are not downloaded)",
		displayOptions: { show },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { ...show, download: [true] } },
	},
];

/**
 * The attachment with its temporary download `url` (valid for `urlExpiresInMillis`); with
 * Download File, the file itself as binary data.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const attachmentId = idOf(this.getNodeParameter('attachmentId', item), 'Attachment');
		const attachment = await client.request<IDataObject>({
			method: 'GET',
			path: `/sheets/${sheetId}/attachments/${attachmentId}`,
			operation,
		});
		if (this.getNodeParameter('download', item, false) !== true) return attachment;
		if (attachment.attachmentType !== 'FILE' || typeof attachment.url !== 'string') {
			throw new InvalidInput(
				`Attachment ${attachmentId} is a ${String(attachment.attachmentType)} link, not an uploaded file: only files can be downloaded`,
			);
		}
		const file = await downloadAttachmentFile(this, client, attachment.url, operation);
		const field = this.getNodeParameter('binaryPropertyName', item) as string;
		const mimeType = (attachment.mimeType as string | undefined) ?? file.contentType;
		const binary = await this.helpers.prepareBinaryData(
			file.data,
			String(attachment.name ?? attachmentId),
			mimeType,
		);
		return new WithBinary(attachment, { [field]: binary });
	});
}
