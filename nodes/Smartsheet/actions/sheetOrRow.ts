// "On the sheet or on a row": the choice attachments and discussions share, and the API path it
// leads to (/sheets/{id}/… or /sheets/{id}/rows/{rowId}/…).
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, idOf } from '../../shared';

interface Choice {
	resource: string;
	operation: string;
	/** The parameter holding 'sheet' or 'row'. */
	name: string;
	displayName: string;
	default: 'sheet' | 'row';
	rowDescription: string;
}

export function sheetOrRowFields(choice: Choice): INodeProperties[] {
	const show = { resource: [choice.resource], operation: [choice.operation] };
	const defaultChoice = choice.default;
	return [
		{
			displayName: choice.displayName,
			name: choice.name,
			type: 'options',
			options: [
				{ name: 'Sheet', value: 'sheet' },
				{ name: 'Row', value: 'row' },
			],
			default: defaultChoice,
			displayOptions: { show },
		},
		idField({
			name: 'rowId',
			displayName: 'Row ID',
			show: { ...show, [choice.name]: ['row'] },
			description: choice.rowDescription,
		}),
	];
}

/** `/sheets/{sheetId}/<suffix>`, or `/sheets/{sheetId}/rows/{rowId}/<suffix>` when the item chose a row. */
export function sheetOrRowPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	sheetId: string,
	suffix: string,
): string {
	if (ctx.getNodeParameter(name, itemIndex) !== 'row') return `/sheets/${sheetId}/${suffix}`;
	return `/sheets/${sheetId}/rows/${idOf(ctx.getNodeParameter('rowId', itemIndex), 'Row')}/${suffix}`;
}
