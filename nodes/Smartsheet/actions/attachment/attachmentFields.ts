// Fields several attachment operations share.
import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../../shared';
import { sheetOrRowFields } from '../sheetOrRow';

/** Attach to the sheet or to a row (Upload, Attach URL). */
export function attachToFields(operation: string): INodeProperties[] {
	return sheetOrRowFields({
		resource: 'attachment',
		operation,
		name: 'attachTo',
		displayName: 'Attach To',
		default: 'row',
		rowDescription:
			'ID of the row to attach to. By default the row ID of the incoming item (as Row: Get and Add output it).',
	});
}

/** The attachment a Get or Delete acts on. */
export function attachmentIdField(operation: string): INodeProperties {
	return idField({
		name: 'attachmentId',
		displayName: 'Attachment ID',
		show: { resource: ['attachment'], operation: [operation] },
		description:
			'ID of the attachment. By default the ID that Attachment: List and Upload output for the incoming item.',
	});
}
