import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as attachUrl from './attachUrl.operation';
import * as deleteAttachment from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as upload from './upload.operation';

export const operations: Record<string, Operation> = {
	attachUrl,
	delete: deleteAttachment,
	get,
	list,
	upload,
};

export const description: INodeProperties[] = [
	operationPicker(
		'attachment',
		[
			{
				name: 'Attach URL',
				value: 'attachUrl',
				description:
					'Attach a web address (or a Google Drive, Box, Dropbox… file) to a sheet or a row',
				action: 'Attach a URL',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an attachment',
				action: 'Delete an attachment',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an attachment with a temporary download URL, optionally the file itself',
				action: 'Get an attachment',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the attachments of a sheet or a row',
				action: 'List attachments',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: "Attach the item's file to a sheet or a row",
				action: 'Upload an attachment',
			},
		],
		'upload',
	),
	sheetPicker('attachment'),
	...attachUrl.description,
	...deleteAttachment.description,
	...get.description,
	...list.description,
	...upload.description.map((property) =>
		property.displayOptions
			? property
			: {
					...property,
					displayOptions: { show: { resource: ['attachment'], operation: ['upload'] } },
				},
	),
];
