import type { INodeProperties } from 'n8n-workflow';

import { idField, type Operation, operationPicker } from '../../../shared';
import * as list from './list.operation';
import * as remove from './remove.operation';
import * as share from './share.operation';
import { assetFields } from './shareAsset';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { list, remove, share, update };

export const description: INodeProperties[] = [
	operationPicker(
		'share',
		[
			{
				name: 'List',
				value: 'list',
				description: 'List who a sheet, report, dashboard or workspace is shared with',
				action: 'List shares',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Stop sharing with one person or group',
				action: 'Remove a share',
			},
			{
				name: 'Share',
				value: 'share',
				description: 'Share with people (by email) or a group at an access level',
				action: 'Share an asset',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a share's access level",
				action: 'Update a share',
			},
		],
		'list',
	),
	...assetFields,
	idField({
		name: 'shareId',
		displayName: 'Share ID',
		show: { resource: ['share'], operation: ['update', 'remove'] },
		description:
			'ID of the share (letters and digits). By default the ID that List and Share output for the incoming item.',
	}),
	...list.description,
	...share.description,
	...update.description,
];
