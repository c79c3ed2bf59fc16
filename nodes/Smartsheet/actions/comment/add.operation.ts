import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	createOnce,
	hasResult,
	idOf,
	type ItemResult,
	madeSince,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { commentTextOf } from '../discussion/commentText';
import { commentTextField, discussionIdField } from '../discussion/discussionFields';

export const description: INodeProperties[] = [
	discussionIdField('comment', 'add', false),
	commentTextField('comment', 'add'),
];

/** Replies to a discussion; outputs the new comment. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const discussionId = idOf(this.getNodeParameter('discussionId', item), 'Discussion');
		const text = commentTextOf(this, item);
		return await createOnce(client, {
			send: async () => {
				const answer = await client.request<{ result: IDataObject }>({
					method: 'POST',
					path: `/sheets/${sheetId}/discussions/${discussionId}/comments`,
					body: { text },
					sheetId,
					operation,
					expect: hasResult,
				});
				return answer.result;
			},
			find: async (since) => {
				const discussion = await client.request<{ comments?: IDataObject[] }>({
					method: 'GET',
					path: `/sheets/${sheetId}/discussions/${discussionId}`,
					operation,
				});
				return (discussion.comments ?? []).find(
					(comment) => comment.text === text && madeSince(comment, since),
				);
			},
			where: `discussion ${discussionId} of sheet ${sheetId}`,
		});
	});
}
