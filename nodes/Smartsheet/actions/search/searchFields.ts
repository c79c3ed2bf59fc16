// What both searches share: the query, Return All / Limit, and running one search per item.
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { InvalidInput, type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { limitFields, readLimit } from '../limitFields';

/** Said wherever search is offered: builders reach for it to find a row they just wrote. */
export const SEARCH_LAG =
	"Smartsheet's search index lags behind recent changes: rows added or changed a moment ago may not be found yet. Don't use search to look up something your workflow just wrote; use Row: List with a filter instead.";

export function searchFields(operation: string): INodeProperties[] {
	const show = { resource: ['search'], operation: [operation] };
	return [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'budget review',
			description:
				'Words to find (all of them must appear); put a phrase in double quotes to find it exactly',
			displayOptions: { show },
		},
		...limitFields(show),
	];
}

/** Runs `request` for each item with its query and answers one item per search result. */
export async function runSearch(
	ctx: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
	request: (itemIndex: number, query: string) => Promise<{ results?: IDataObject[] }>,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const query = String(ctx.getNodeParameter('query', item, '')).trim();
		if (!query) throw new InvalidInput('The search needs a query');
		const results = (await request(item, query)).results ?? [];
		const limit = readLimit(ctx, item);
		return limit === undefined ? results : results.slice(0, limit);
	});
}
