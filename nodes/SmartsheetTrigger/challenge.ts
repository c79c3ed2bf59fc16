// Smartsheet's verification request: a `Smartsheet-Hook-Challenge` header and a body of only
// {challenge, webhookId} (https://developers.smartsheet.com/api/smartsheet/guides/webhooks/webhook-verification).
// The value is echoed back, so only a bounded token of letters, digits, `-` and `_` is accepted:
// nothing else can reach a response header or body.
import type { IDataObject } from 'n8n-workflow';

export const MAX_CHALLENGE_LENGTH = 256;
const CHALLENGE_SHAPE = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_CHALLENGE_LENGTH}}$`);

/** The request is no challenge; or it is one, shaped like Smartsheet's (`value`) or not (null). */
export type Challenge = { value: string | null } | undefined;

export function challengeOf(header: unknown, body: unknown): Challenge {
	if (header !== undefined && header !== '') return { value: shaped(header) };
	const record =
		body !== null && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)
			: undefined;
	if (
		record &&
		'challenge' in record &&
		record.events === undefined &&
		record.newWebhookStatus === undefined
	)
		return { value: shaped(record.challenge) };
	return undefined;
}

function shaped(value: unknown): string | null {
	return typeof value === 'string' && CHALLENGE_SHAPE.test(value) ? value : null;
}
