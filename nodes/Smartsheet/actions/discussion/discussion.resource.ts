import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker, sheetPicker } from '../../../shared';
import * as create from './create.operation';
import * as deleteDiscussion from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = {
	create,
	delete: deleteDiscussion,
	get,
	list,
};

export const description: INodeProperties[] = [
	operationPicker(
		'discussion',
		[
			{
				name: 'Create',
				value: 'create',
				description: 'Start a discussion on a sheet or a row with a first comment',
				action: 'Create a discussion',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a discussion and all its comments',
				action: 'Delete a discussion',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a discussion with its comments',
				action: 'Get a discussion',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the discussions of a sheet or a row',
				action: 'List discussions',
			},
		],
		'list',
	),
	sheetPicker('discussion'),
	...create.description,
	...deleteDiscussion.description,
	...get.description,
	...list.description,
];
