import type { IExecuteFunctions } from 'n8n-workflow';

import { idOf } from '../../../shared';

export function webhookIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return idOf(ctx.getNodeParameter('webhookId', itemIndex, '', { extractValue: true }), 'Webhook');
}
