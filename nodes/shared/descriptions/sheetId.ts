import type { IExecuteFunctions } from 'n8n-workflow';

import { InvalidInput } from '../helpers/perItem';

/** The sheet ID of an item, as a string of digits (IDs exceed JavaScript's safe integers). */
export function sheetIdOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter = 'sheetId',
): string {
	return idOf(ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }), 'Sheet');
}

export function idOf(value: unknown, what: string): string {
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text)) throw new InvalidInput(`${what} ID must be a number, got "${text}"`);
	return text;
}
