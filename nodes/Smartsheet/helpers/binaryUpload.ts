import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InvalidInput, type SmartsheetRequest } from '../../shared';

/**
 * An item's binary field as a raw request body (Smartsheet's "simple upload": the bytes, their
 * Content-Type and Content-Disposition: attachment with the file name).
 */
export async function binaryUpload(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	item: number,
	field: string,
	contentType?: string,
): Promise<{
	upload: NonNullable<SmartsheetRequest['upload']>;
	fileName: string;
	mimeType: string;
}> {
	const binary = items[item].binary?.[field];
	if (!binary) throw new InvalidInput(`The item has no binary field "${field}"`);
	const data = await ctx.helpers.getBinaryDataBuffer(item, field);
	const fileName = binary.fileName ?? field;
	const mimeType = contentType ?? (binary.mimeType || 'application/octet-stream');
	return {
		upload: {
			data,
			headers: {
				'Content-Type': mimeType,
				'Content-Disposition': `attachment; filename="${encodeURIComponent(fileName)}"`,
			},
		},
		fileName,
		mimeType: binary.mimeType,
	};
}
