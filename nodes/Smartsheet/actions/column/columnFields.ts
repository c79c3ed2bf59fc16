import type { INodeProperties } from 'n8n-workflow';

import { COLUMN_TYPES } from './columnTypes';

/** The column an operation acts on (Column: Update, Delete; Cell: Get History), picked from the sheet. */
export function columnIdField(operation: string, resource = 'column'): INodeProperties {
	return {
		displayName: 'Column Name or ID',
		name: 'columnId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['sheetId.value'] },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	};
}

export function columnDefinitionFields(operation: string, required: boolean): INodeProperties[] {
	const show = { resource: ['column'], operation: [operation] };
	return [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required,
			displayOptions: { show },
		},
		required
			? {
					displayName: 'Type',
					name: 'columnType',
					type: 'options',
					options: COLUMN_TYPES,
					default: 'TEXT_NUMBER',
					displayOptions: { show },
				}
			: {
					displayName: 'Type',
					name: 'columnType',
					type: 'options',
					options: [{ name: 'Keep As It Is', value: '' }, ...COLUMN_TYPES],
					default: '',
					displayOptions: { show },
				},
		{
			displayName: 'Dropdown Options',
			name: 'dropdownOptions',
			type: 'string',
			default: '',
			placeholder: 'Not Started, In Progress, Done',
			description: 'Comma-separated choices, for dropdown columns',
			displayOptions: { show },
		},
	];
}
