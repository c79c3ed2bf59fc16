import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { SheetColumn } from './mapperFields';
import { COLUMN_QUERY } from '../helpers/sheetSchema';
import { editorRequest } from '../transport';

/** The columns of the sheet chosen in the panel (none until one is chosen), for column pickers and the mapper. */
export async function chosenSheetColumns(ctx: ILoadOptionsFunctions): Promise<SheetColumn[]> {
	const sheetId = ctx.getNodeParameter('sheetId', undefined, { extractValue: true }) as string;
	if (!sheetId) return [];
	const answer = await editorRequest<{ data?: SheetColumn[] }>(
		ctx,
		`/sheets/${sheetId}/columns`,
		COLUMN_QUERY,
	);
	return answer.data ?? [];
}
