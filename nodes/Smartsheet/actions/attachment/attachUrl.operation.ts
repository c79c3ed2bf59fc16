import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	createOnce,
	hasResult,
	InvalidInput,
	type ItemResult,
	madeSince,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { sheetOrRowPath } from '../sheetOrRow';
import { attachToFields } from './attachmentFields';

const show = { resource: ['attachment'], operation: ['attachUrl'] };

export const description: INodeProperties[] = [
	...attachToFields('attachUrl'),
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/spec.pdf',
		displayOptions: { show },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Shown in Smartsheet; empty uses the URL',
		displayOptions: { show },
	},
	{
		displayName: 'Link Type',
		name: 'attachmentType',
		type: 'options',
		options: [
			{ name: 'Box', value: 'BOX_COM' },
			{ name: 'Dropbox', value: 'DROPBOX' },
			{ name: 'Egnyte', value: 'EGNYTE' },
			{ name: 'Evernote', value: 'EVERNOTE' },
			{ name: 'Google Drive', value: 'GOOGLE_DRIVE' },
			{ name: 'Link (Any Web Address)', value: 'LINK' },
			{ name: 'OneDrive', value: 'ONEDRIVE' },
		],
		default: 'LINK',
		description:
			'Where the URL points. Smartsheet Gov accepts only Box, Google Drive, Link and OneDrive.',
		displayOptions: { show },
	},
	{
		displayName: 'Google Drive File Type',
		name: 'attachmentSubType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'DOCUMENT' },
			{ name: 'Drawing', value: 'DRAWING' },
			{ name: 'Not Set', value: '' },
			{ name: 'PDF', value: 'PDF' },
			{ name: 'Presentation', value: 'PRESENTATION' },
			{ name: 'Spreadsheet', value: 'SPREADSHEET' },
		],
		default: '',
		displayOptions: { show: { ...show, attachmentType: ['GOOGLE_DRIVE'] } },
	},
];

/** Attaches a web address (a link, or a file in Google Drive, Box, Dropbox…) to a sheet or a row. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const url = String(this.getNodeParameter('url', item)).trim();
		if (!url) throw new InvalidInput('Give the URL to attach');
		const attachmentType = this.getNodeParameter('attachmentType', item) as string;
		const subType =
			attachmentType === 'GOOGLE_DRIVE'
				? (this.getNodeParameter('attachmentSubType', item, '') as string)
				: '';
		const name = String(this.getNodeParameter('name', item, '')).trim();
		const body: IDataObject = {
			url,
			attachmentType,
			...(name ? { name } : {}),
			...(subType ? { attachmentSubType: subType } : {}),
		};
		const path = sheetOrRowPath(this, item, 'attachTo', sheetId, 'attachments');
		return await createOnce(client, {
			send: async () => {
				const answer = await client.request<{ result: IDataObject }>({
					method: 'POST',
					path,
					body,
					sheetId,
					// The route is the file upload's; it is paced as one (10), the safe side.
					weight: 10,
					operation,
					expect: hasResult,
				});
				return answer.result;
			},
			find: async (since) =>
				(await collect(offsetPages(client, path, operation))).find(
					(attachment) =>
						attachment.url === url &&
						(!name || attachment.name === name) &&
						madeSince(attachment, since),
				),
			where: `the attachments of sheet ${sheetId}`,
		});
	});
}
