// Attachments: multipart upload (file part named "file") to a sheet or a row, list, get with a
// temporary URL. Uploads weigh 10 against the rate limit, as Smartsheet counts them.
import type { Answer, RequestContext, Route } from '../context';
import { ApiError } from '../errors';
import { isoSeconds, type Attachment } from '../state';
import { paged } from './paging';
import { sheetOf } from './sheets';

const MAX_BYTES = 30 * 1024 * 1024;

function attachmentOut(attachment: Attachment, withUrl = false) {
	return {
		id: attachment.id,
		name: attachment.name,
		attachmentType: 'FILE',
		mimeType: attachment.mimeType,
		sizeInKb: attachment.sizeInKb,
		parentType: attachment.parentType,
		parentId: attachment.parentId,
		createdAt: attachment.createdAt,
		...(withUrl ? { url: `https://emulator.invalid/attachments/${attachment.id}?expires=${Date.now() + 120_000}`, urlExpiresInMillis: 120_000 } : {}),
	};
}

/** The file part of a multipart/form-data body. */
function filePart(ctx: RequestContext): { name: string; type: string; bytes: Buffer } {
	const type = String(ctx.request.headers['content-type'] ?? '');
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!type.startsWith('multipart/form-data') || !boundary) throw new ApiError(1124);
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const body = ctx.bodyBuffer;
	for (let start = body.indexOf(delimiter); start !== -1; ) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLFs around the part
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd === -1) {
			start = next;
			continue;
		}
		const headers = part.subarray(0, headerEnd).toString('utf8');
		if (/name="file"/i.test(headers)) {
			const filename = /filename="([^"]*)"/i.exec(headers)?.[1] ?? 'file';
			const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
			return { name: decodeName(filename), type: partType, bytes: part.subarray(headerEnd + 4) };
		}
		start = next;
	}
	throw new ApiError(1012, ['file']);
}

function decodeName(name: string): string {
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

function upload(ctx: RequestContext, parentType: 'SHEET' | 'ROW'): Answer {
	const sheet = sheetOf(ctx);
	if (parentType === 'ROW' && !sheet.rowsById.has(ctx.params.rowId)) throw new ApiError(1006);
	if (ctx.bodyBuffer.length > MAX_BYTES) throw new ApiError(1128);
	const file = filePart(ctx);
	const attachment: Attachment = {
		id: ctx.emulator.state.ids.id(),
		name: file.name,
		mimeType: file.type,
		sizeInKb: Math.ceil(file.bytes.length / 1024),
		parentType,
		parentId: parentType === 'ROW' ? ctx.params.rowId : sheet.id,
		createdAt: isoSeconds(Date.now()),
		bytes: Buffer.from(file.bytes),
	};
	(sheet.attachments ??= []).push(attachment);
	ctx.emulator.state.touch(sheet);
	return { body: { message: 'SUCCESS', resultCode: 0, version: sheet.version, result: attachmentOut(attachment) } };
}

export const attachmentRoutes: Route[] = [
	{ method: 'POST', path: '/2.0/sheets/{sheetId}/attachments', scope: 'WRITE_SHEETS', weight: 10, write: true, handler: (ctx) => upload(ctx, 'SHEET') },
	{ method: 'POST', path: '/2.0/sheets/{sheetId}/rows/{rowId}/attachments', scope: 'WRITE_SHEETS', weight: 10, write: true, handler: (ctx) => upload(ctx, 'ROW') },
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/attachments',
		scope: 'READ_SHEETS',
		handler: (ctx) => ({ body: paged((sheetOf(ctx).attachments ?? []).map((attachment) => attachmentOut(attachment)), ctx.query) }),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/attachments/{attachmentId}',
		scope: 'READ_SHEETS',
		handler: (ctx) => {
			const attachment = (sheetOf(ctx).attachments ?? []).find((candidate) => candidate.id === ctx.params.attachmentId);
			if (!attachment) throw new ApiError(1006);
			return { body: attachmentOut(attachment, true) };
		},
	},
];
