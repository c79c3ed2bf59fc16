import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { editorRequest } from '../transport/editorRequest';

/** The chosen sheet's columns, for column pickers. */
export async function getColumns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sheetId = this.getNodeParameter('sheetId', undefined, { extractValue: true }) as string;
	if (!sheetId) return [];
	const answer = await editorRequest<{ data?: IDataObject[] }>(this, `/sheets/${sheetId}/columns`, { includeAll: true });
	return (answer.data ?? []).map((column) => ({
		name: String(column.title),
		value: String(column.id),
		description: String(column.type ?? ''),
	}));
}
