// Fields the discussion and comment operations share.
import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../../shared';
import { sheetOrRowFields } from '../sheetOrRow';

/** A discussion on the sheet itself or on one of its rows (Create, List). */
export function discussionOnFields(operation: string, displayName: string): INodeProperties[] {
	return sheetOrRowFields({
		resource: 'discussion',
		operation,
		name: 'discussionOn',
		displayName,
		default: 'sheet',
		rowDescription:
			'ID of the row. By default the row ID of the incoming item (as Row: Get and Add output it).',
	});
}

export function discussionIdField(
	resource: string,
	operation: string,
	fromItem: boolean,
): INodeProperties {
	return idField({
		name: 'discussionId',
		displayName: 'Discussion ID',
		show: { resource: [resource], operation: [operation] },
		description: fromItem
			? 'ID of the discussion. By default the ID that Discussion: Create and List output for the incoming item.'
			: 'ID of the discussion (the "id" of Discussion: Create or List, or the "discussionId" of a comment)',
		default: fromItem ? undefined : '',
	});
}

export function commentTextField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Comment',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	};
}
