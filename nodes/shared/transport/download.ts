// Downloads an attachment's file from the temporary URL Smartsheet hands out with Get Attachment.
// That URL is presigned storage, not the API: it is fetched through n8n's HTTP helper without the
// credential (sending the token there would leak it), and a failure is classified like any other
// answer so the item still leaves on the right output.
import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartsheetClient } from './index';
import { answerFromResponse, networkAnswer, type FailureAnswer } from './failure';

export interface DownloadedFile {
	data: Buffer;
	contentType?: string;
}

export async function downloadAttachmentFile(
	ctx: IExecuteFunctions,
	client: SmartsheetClient,
	url: string,
	operation: string,
): Promise<DownloadedFile> {
	let answer: FailureAnswer;
	client.countDownload();
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: client.settings.timeoutMs,
		})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		const data = Buffer.from(response.body as ArrayBuffer);
		const headers = Object.fromEntries(
			Object.entries(response.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
		);
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return {
				data,
				contentType:
					typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined,
			};
		}
		answer = answerFromResponse(response.statusCode, undefined, data.toString('utf8'), headers);
	} catch (error) {
		answer = networkAnswer(error);
	}
	throw client.failure({ operation }, answer, answer, 1, answer.retryAfterSeconds ?? null, null);
}
