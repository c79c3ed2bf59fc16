import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../../shared';

/** The comment a Get, Update or Delete acts on. */
export function commentIdField(operation: string): INodeProperties {
	return idField({
		name: 'commentId',
		displayName: 'Comment ID',
		show: { resource: ['comment'], operation: [operation] },
		description:
			'ID of the comment. By default the ID that Comment: Add and Get output for the incoming item.',
	});
}
