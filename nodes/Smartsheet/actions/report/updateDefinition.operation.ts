import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	InvalidInput,
	type ItemResult,
	locatedId,
	perItem,
	type SmartsheetClient,
} from '../../../shared';
import { definitionOf } from './create.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Definition (JSON)',
		name: 'definition',
		type: 'json',
		default:
			'{\n  "filters": {\n    "operator": "AND",\n    "criteria": [{ "column": { "title": "Status", "type": "PICKLIST" }, "operator": "EQUAL", "values": ["Done"] }]\n  }\n}',
		required: true,
		description:
			'Replaces the whole definition (filters nest at most 3 levels), as in https://developers.smartsheet.com/api/smartsheet/openapi/reports',
		displayOptions: { show: { resource: ['report'], operation: ['updateDefinition'] } },
	},
];

/** Replaces a report's definition entirely (PUT, as Smartsheet's API and SDKs do). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const reportId = locatedId(this, 'reportId', item, 'Report');
		const definition = definitionOf(this.getNodeParameter('definition', item));
		if (!definition) throw new InvalidInput('Give the definition as a JSON object');
		await client.request({
			method: 'PUT',
			path: `/reports/${reportId}/definition`,
			body: definition,
			operation,
		});
		return { id: reportId, definition };
	});
}
