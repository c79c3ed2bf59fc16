// Copy or move rows to another sheet. Each item names one row; the rows of items that share a
// source sheet, a destination and the same choices go 500 per request (the add/update rows limit;
// Smartsheet documents none for these calls). A request that fails fails its own items only; a
// row Smartsheet did not find fails alone (Payload), with ignoreRowsNotFound so the rest still go.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	allItems,
	type Entry,
	failureOf,
	idArray,
	idOf,
	invalidInputFailure,
	type ItemResult,
	MAX_ROWS_PER_REQUEST,
	type Operation,
	rowIdField,
	sheetIdOf,
	sheetLocator,
	type SmartsheetClient,
	writeInBatches,
} from '../../../shared';

export type TransferMode = 'copy' | 'move';

/** Row: Copy and Row: Move, one description and execute each. */
export function transferOperation(mode: TransferMode): Operation {
	return {
		description: transferDescription(mode),
		async execute(
			this: IExecuteFunctions,
			client: SmartsheetClient,
			items: INodeExecutionData[],
			operation: string,
		) {
			return await transferRows(this, client, items, mode, operation);
		},
	};
}

export function transferDescription(mode: TransferMode): INodeProperties[] {
	const show = { resource: ['row'], operation: [mode] };
	const include = [
		{ name: 'Attachments', value: 'attachments', description: "The row's attachments" },
		...(mode === 'copy'
			? [
					{
						name: 'Children',
						value: 'children',
						description: 'The rows indented under it (a moved row always takes them)',
					},
				]
			: []),
		{
			name: 'Discussions',
			value: 'discussions',
			description: "The row's discussions and comments",
		},
	];
	return [
		rowIdField(mode),
		{
			...sheetLocator,
			name: 'destinationSheetId',
			displayName: 'To Sheet',
			description: `The sheet the rows are ${mode === 'copy' ? 'copied' : 'moved'} to (at its bottom). Cells go to the columns of the same title; Smartsheet adds columns the sheet lacks.`,
			displayOptions: { show },
		},
		{
			displayName: 'Include',
			name: 'rowInclude',
			type: 'multiOptions',
			options: include,
			default: [],
			description: `What goes along with each ${mode === 'copy' ? 'copied' : 'moved'} row besides its cells`,
			displayOptions: { show },
		},
	];
}

interface TransferGroup {
	sheetId: string;
	destinationId: string;
	include: string;
}

interface CopyOrMoveResult {
	destinationSheetId?: string;
	rowMappings?: Array<{ from?: unknown; to?: unknown }>;
}

export async function transferRows(
	ctx: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	mode: TransferMode,
	operation: string,
): Promise<ItemResult[]> {
	return await writeInBatches<TransferGroup, string>(
		client,
		allItems(items.length),
		operation,
		MAX_ROWS_PER_REQUEST,
		async (item) => {
			const sheetId = sheetIdOf(ctx, item);
			const destinationId = sheetIdOf(ctx, item, 'destinationSheetId');
			const rowId = idOf(ctx.getNodeParameter('rowId', item), 'Row');
			const include = [...(ctx.getNodeParameter('rowInclude', item, []) as string[])]
				.sort()
				.join(',');
			return {
				key: `${sheetId}>${destinationId}?${include}`,
				group: { sheetId, destinationId, include },
				entry: rowId,
			};
		},
		async (group, chunk) => await sendChunk(client, operation, mode, group, chunk),
	);
}

async function sendChunk(
	client: SmartsheetClient,
	operation: string,
	mode: TransferMode,
	group: TransferGroup,
	chunk: Array<Entry<string>>,
): Promise<ItemResult[]> {
	let answer: CopyOrMoveResult;
	try {
		// A lost answer is not sent again: a copy would be made twice (outcome "unknown", Throttled).
		answer = await client.request<CopyOrMoveResult>({
			method: 'POST',
			path: `/sheets/${group.sheetId}/rows/${mode}`,
			qs: { ignoreRowsNotFound: true, ...(group.include ? { include: group.include } : {}) },
			body: {
				rowIds: idArray([...new Set(chunk.map(({ entry }) => entry))]),
				to: { sheetId: group.destinationId },
			},
			sheetId: group.sheetId,
			operation,
		});
	} catch (error) {
		const failure = failureOf(client, operation, error);
		return chunk.map(({ item }) => ({ item, failure }));
	}
	// rowMappings' from/to are IDs under keys the JSON reader does not know as IDs: read them as strings.
	const newIds = new Map(
		(answer.rowMappings ?? []).map((mapping) => [String(mapping.from), String(mapping.to)]),
	);
	const destinationSheetId = String(answer.destinationSheetId ?? group.destinationId);
	return chunk.map(({ item, entry: rowId }) => {
		const newId = newIds.get(rowId);
		if (!newId)
			return {
				item,
				failure: invalidInputFailure(
					client,
					operation,
					`Row ${rowId} was not found in sheet ${group.sheetId}`,
				),
			};
		return {
			item,
			json: [
				{
					id: newId,
					sheetId: destinationSheetId,
					sourceRowId: rowId,
					sourceSheetId: group.sheetId,
				},
			],
		};
	});
}
