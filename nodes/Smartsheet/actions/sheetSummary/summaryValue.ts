import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Value and formula of a summary field, as the Add and Update lists offer them. */
export const valueFields: INodeProperties[] = [
	{ displayName: 'Value', name: 'value', type: 'string', default: '' },
	{
		displayName: 'Formula',
		name: 'formula',
		type: 'string',
		default: '',
		placeholder: 'COUNT(Task:Task)',
		description:
			'A Smartsheet formula, used instead of the value. Leave out the leading "=": n8n reads a field starting with "=" as an expression.',
	},
];

/** What Smartsheet expects of a field's content: `objectValue`, or a `formula` starting with "=". */
export function fieldContent(entry: IDataObject): IDataObject {
	const formula = String(entry.formula ?? '').trim();
	if (formula) return { formula: formula.startsWith('=') ? formula : `=${formula}` };
	return entry.value === undefined || entry.value === '' ? {} : { objectValue: entry.value };
}
