import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	hasResult,
	idOf,
	type ItemResult,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { commentTextOf } from '../discussion/commentText';
import { commentTextField } from '../discussion/discussionFields';
import { commentIdField } from './commentIdField';

export const description: INodeProperties[] = [
	commentIdField('update'),
	commentTextField('comment', 'update'),
];

/** Replaces a comment's text; only its author may (others get the Permission output). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const commentId = idOf(this.getNodeParameter('commentId', item), 'Comment');
		const answer = await client.request<{ result: IDataObject }>({
			method: 'PUT',
			path: `/sheets/${sheetId}/comments/${commentId}`,
			body: { text: commentTextOf(this, item) },
			sheetId,
			operation,
			expect: hasResult,
		});
		return answer.result;
	});
}
