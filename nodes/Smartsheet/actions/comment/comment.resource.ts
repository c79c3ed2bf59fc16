import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as add from './add.operation';
import * as deleteComment from './delete.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { add, delete: deleteComment, get, update };

export const description: INodeProperties[] = [
	operationPicker(
		'comment',
		[
			{ name: 'Add', value: 'add', description: 'Reply to a discussion', action: 'Add a comment' },
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete one of your comments',
				action: 'Delete a comment',
			},
			{ name: 'Get', value: 'get', description: 'Get a comment', action: 'Get a comment' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change the text of one of your comments',
				action: 'Update a comment',
			},
		],
		'add',
	),
	sheetPicker('comment'),
	...add.description,
	...deleteComment.description,
	...get.description,
	...update.description,
];
