// Attachments: a file (multipart, file part "file") or a URL (JSON {name, url,
// attachmentType}) on a sheet or a row; list a sheet's or a row's; get one with a temporary URL
// that really serves the file from the emulator; delete. Attaching weighs 10 against the rate
// limit, as Smartsheet counts file uploads.
import { createHmac, randomBytes } from 'node:crypto';

import type { Answer, RequestContext, Route } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import { isoSeconds, type Attachment, type Sheet } from '../state';
import { paged } from './paging';
import { caller, idsFor, rowOf } from './sheetParts';
import { objectBody, sheetOf } from './sheets';

const MAX_BYTES = 30 * 1024 * 1024;
/** How long a download URL works (Smartsheet's lifetime is not documented; the emulator's is 2 minutes). */
const URL_LIFETIME_MS = 120_000;
/** Where the emulator serves files, outside /2.0 and without a token, like a presigned storage URL. */
export const FILES_PATH = '/attachment-files/';
const URL_TYPES = ['LINK', 'BOX_COM', 'DROPBOX', 'EGNYTE', 'EVERNOTE', 'GOOGLE_DRIVE', 'ONEDRIVE'];
const SUB_TYPES: Record<string, string[]> = {
	GOOGLE_DRIVE: ['DOCUMENT', 'DRAWING', 'PDF', 'PRESENTATION', 'SPREADSHEET'],
	EGNYTE: ['FOLDER'],
};
const signingKey = randomBytes(32);

function signature(id: string, expires: number): string {
	return createHmac('sha256', signingKey).update(`${id}:${expires}`).digest('hex').slice(0, 32);
}

function attachmentOut(attachment: Attachment, downloadBase?: string) {
	const file = attachment.attachmentType === 'FILE';
	const expires = Date.now() + URL_LIFETIME_MS;
	return {
		id: attachment.id,
		name: attachment.name,
		attachmentType: attachment.attachmentType,
		...(attachment.attachmentSubType ? { attachmentSubType: attachment.attachmentSubType } : {}),
		...(attachment.mimeType ? { mimeType: attachment.mimeType } : {}),
		...(attachment.sizeInKb !== undefined ? { sizeInKb: attachment.sizeInKb } : {}),
		parentType: attachment.parentType,
		parentId: attachment.parentId,
		createdAt: attachment.createdAt,
		...(attachment.createdBy ? { createdBy: attachment.createdBy } : {}),
		...(!file && attachment.url ? { url: attachment.url } : {}),
		...(file && downloadBase
			? {
					url: `${downloadBase}${FILES_PATH}${attachment.id}?expires=${expires}&signature=${signature(attachment.id, expires)}`,
					urlExpiresInMillis: URL_LIFETIME_MS,
				}
			: {}),
	};
}

/** The file part of a multipart/form-data body. */
function filePart(
	ctx: RequestContext,
	type: string,
): { name: string; type: string; bytes: Buffer } {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!boundary) throw new ApiError(1124);
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
			const partType =
				/content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
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

type NewAttachment = Pick<
	Attachment,
	'name' | 'attachmentType' | 'attachmentSubType' | 'mimeType' | 'sizeInKb' | 'bytes' | 'url'
>;

function fileAttachment(ctx: RequestContext, type: string): NewAttachment {
	if (ctx.bodyBuffer.length > MAX_BYTES) throw new ApiError(1128);
	const file = filePart(ctx, type);
	return {
		name: file.name,
		attachmentType: 'FILE',
		mimeType: file.type,
		sizeInKb: Math.ceil(file.bytes.length / 1024),
		bytes: Buffer.from(file.bytes),
	};
}

/** A URL attachment: attachmentType and url required; FILE needs a file (1051). */
function urlAttachment(ctx: RequestContext): NewAttachment {
	const body = objectBody(ctx);
	const { attachmentType, attachmentSubType, url, name } = body;
	if (attachmentType === undefined || attachmentType === null)
		throw new ApiError(1012, ['attachmentType']);
	if (attachmentType === 'FILE') throw new ApiError(1051);
	if (typeof attachmentType !== 'string' || !URL_TYPES.includes(attachmentType))
		throw new ApiError(1008, [`attachmentType must be one of ${URL_TYPES.join(', ')}`]);
	if (url === undefined || url === null || url === '') throw new ApiError(1012, ['url']);
	if (typeof url !== 'string') throw new ApiError(1008, ['url must be a string']);
	if (!/^https?:\/\/\S+$/i.test(url)) throw new ApiError(1031, [url, 'url']);
	if (name !== undefined && typeof name !== 'string')
		throw new ApiError(1008, ['name must be a string']);
	if (
		attachmentSubType !== undefined &&
		!(SUB_TYPES[attachmentType] ?? []).includes(attachmentSubType as string)
	) {
		throw new ApiError(1031, [String(attachmentSubType), 'attachmentSubType']);
	}
	return {
		name: (name as string | undefined) || url,
		attachmentType,
		url,
		...(attachmentSubType ? { attachmentSubType: attachmentSubType as string } : {}),
	};
}

/** Attaches a file or a URL to the sheet or to one of its rows. */
function attach(ctx: RequestContext, parentType: 'SHEET' | 'ROW'): Answer {
	const sheet = sheetOf(ctx);
	const parentId = parentType === 'ROW' ? rowOf(sheet, ctx.params.rowId).id : sheet.id;
	const type = String(ctx.request.headers['content-type'] ?? ''); // as sent: the boundary is case-sensitive
	const made = /^multipart\/form-data/i.test(type) ? fileAttachment(ctx, type) : urlAttachment(ctx);
	const attachment: Attachment = {
		...made,
		id: idsFor(ctx.emulator, sheet).id(),
		parentType,
		parentId,
		createdAt: isoSeconds(Date.now()),
		createdBy: caller(ctx.emulator),
	};
	(sheet.attachments ??= []).push(attachment);
	ctx.emulator.state.touch(sheet);
	return {
		body: {
			message: 'SUCCESS',
			resultCode: 0,
			version: sheet.version,
			result: attachmentOut(attachment),
		},
	};
}

function attachmentIn(sheet: Sheet, attachmentId: string): Attachment {
	const attachment = (sheet.attachments ?? []).find((candidate) => candidate.id === attachmentId);
	if (!attachment) throw new ApiError(1006);
	return attachment;
}

function listAttachments(ctx: RequestContext, rowId?: string): Answer {
	const sheet = sheetOf(ctx);
	if (rowId !== undefined) rowOf(sheet, rowId);
	const attachments = (sheet.attachments ?? []).filter(
		(attachment) =>
			rowId === undefined || (attachment.parentType === 'ROW' && attachment.parentId === rowId),
	);
	return {
		body: paged(
			attachments.map((attachment) => attachmentOut(attachment)),
			ctx.query,
		),
	};
}

function getAttachment(ctx: RequestContext): Answer {
	const attachment = attachmentIn(sheetOf(ctx), ctx.params.attachmentId);
	return { body: attachmentOut(attachment, `http://${ctx.request.headers.host ?? '127.0.0.1'}`) };
}

function deleteAttachment(ctx: RequestContext): Answer {
	const sheet = sheetOf(ctx);
	const attachment = attachmentIn(sheet, ctx.params.attachmentId);
	sheet.attachments = sheet.attachments!.filter((candidate) => candidate !== attachment);
	ctx.emulator.state.touch(sheet);
	return { body: { message: 'SUCCESS', resultCode: 0 } };
}

/** GET /attachment-files/{id}?expires&signature: the bytes, while the URL is valid. */
export function serveAttachmentFile(emulator: Emulator, url: URL): Answer {
	const id = decodeName(url.pathname.slice(FILES_PATH.length));
	const expires = Number(url.searchParams.get('expires'));
	const text = (status: number, body: string): Answer => ({
		status,
		body,
		headers: { 'Content-Type': 'text/plain' },
	});
	if (url.searchParams.get('signature') !== signature(id, expires))
		return text(403, 'The request signature does not match.');
	if (!(expires > Date.now())) return text(403, 'Request has expired.');
	for (const sheet of emulator.state.sheets.values()) {
		const attachment = sheet.attachments?.find((candidate) => candidate.id === id);
		if (!attachment?.bytes) continue;
		return {
			body: attachment.bytes,
			headers: {
				'Content-Type': attachment.mimeType ?? 'application/octet-stream',
				'Content-Disposition': `attachment; filename="${encodeURIComponent(attachment.name)}"`,
			},
		};
	}
	return text(404, 'The specified key does not exist.');
}

export const attachmentRoutes: Route[] = [
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/attachments',
		scope: 'WRITE_SHEETS',
		weight: 10,
		write: true,
		handler: (ctx) => attach(ctx, 'SHEET'),
	},
	{
		method: 'POST',
		path: '/2.0/sheets/{sheetId}/rows/{rowId}/attachments',
		scope: 'WRITE_SHEETS',
		weight: 10,
		write: true,
		handler: (ctx) => attach(ctx, 'ROW'),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/attachments',
		scope: 'READ_SHEETS',
		handler: (ctx) => listAttachments(ctx),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/rows/{rowId}/attachments',
		scope: 'READ_SHEETS',
		handler: (ctx) => listAttachments(ctx, ctx.params.rowId),
	},
	{
		method: 'GET',
		path: '/2.0/sheets/{sheetId}/attachments/{attachmentId}',
		scope: 'READ_SHEETS',
		handler: getAttachment,
	},
	{
		method: 'DELETE',
		path: '/2.0/sheets/{sheetId}/attachments/{attachmentId}',
		scope: 'WRITE_SHEETS',
		write: true,
		handler: deleteAttachment,
	},
];
