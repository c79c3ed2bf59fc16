import type { IExecuteFunctions } from 'n8n-workflow';

import { InvalidInput } from '../../../shared';

/** The item's comment text; an empty one never reaches Smartsheet. */
export function commentTextOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const text = String(ctx.getNodeParameter('text', itemIndex) ?? '').trim();
	if (!text) throw new InvalidInput('The comment is empty');
	return text;
}
