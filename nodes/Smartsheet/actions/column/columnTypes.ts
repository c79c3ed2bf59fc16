import type { INodePropertyOptions } from 'n8n-workflow';

/** Smartsheet's column types a builder can create. */
export const COLUMN_TYPES: INodePropertyOptions[] = [
	{ name: 'Checkbox', value: 'CHECKBOX' },
	{ name: 'Contact List', value: 'CONTACT_LIST' },
	{ name: 'Date', value: 'DATE' },
	{ name: 'Dropdown (Multi Select)', value: 'MULTI_PICKLIST' },
	{ name: 'Dropdown (Single Select)', value: 'PICKLIST' },
	{ name: 'Duration', value: 'DURATION' },
	{ name: 'Text/Number', value: 'TEXT_NUMBER' },
];
