import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	createOnce,
	hasResult,
	type ItemResult,
	madeSince,
	perItem,
	sheetIdOf,
	type SmartsheetClient,
} from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { sheetOrRowPath } from '../sheetOrRow';
import { commentTextOf } from './commentText';
import { commentTextField, discussionOnFields } from './discussionFields';

export const description: INodeProperties[] = [
	...discussionOnFields('create', 'Start On'),
	commentTextField('discussion', 'create'),
];

/** Starts a discussion on the sheet or a row with its first comment; outputs the discussion. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const text = commentTextOf(this, item);
		const path = sheetOrRowPath(this, item, 'discussionOn', sheetId, 'discussions');
		return await createOnce(client, {
			send: async () => {
				const answer = await client.request<{ result: IDataObject }>({
					method: 'POST',
					path,
					body: { comment: { text } },
					sheetId,
					operation,
					expect: hasResult,
				});
				return answer.result;
			},
			// A new discussion is its first comment: the text sent, written after the request began.
			find: async (since) =>
				(await collect(offsetPages(client, path, operation, { include: 'comments' }))).find(
					(discussion) => {
						const [first] = (discussion.comments as IDataObject[] | undefined) ?? [];
						return first !== undefined && first.text === text && madeSince(first, since);
					},
				),
			where: `the discussions of sheet ${sheetId}`,
		});
	});
}
