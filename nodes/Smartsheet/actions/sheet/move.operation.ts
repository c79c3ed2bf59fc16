import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, sheetIdOf, type SmartsheetClient } from '../../../shared';
import { destinationFields, destinationOf } from './sheetDestination';

const show = { resource: ['sheet'], operation: ['move'] };
const names = { destination: 'moveDestination', container: 'moveContainerId' };

export const description: INodeProperties[] = [
	...destinationFields(show, { names, withHome: false, label: 'Move To' }),
];

/** Moves a sheet into a workspace or folder; it keeps its ID, rows and shares. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const { type, id } = destinationOf(this, item, names);
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: `/sheets/${sheetId}/move`,
			body: { destinationType: type, destinationId: id },
			operation,
		});
		return answer.result;
	});
}
