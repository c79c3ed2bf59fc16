import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../helpers/interfaces';
import { perItem } from '../../helpers/perItem';
import type { SmartsheetClient } from '../../transport';
import { sheetIdOf } from '../sheetId';
import { sheetOrRowPath } from '../sheetOrRow';
import { commentTextOf } from './commentText';
import { commentTextField, discussionOnFields } from './discussionFields';

export const description: INodeProperties[] = [...discussionOnFields('create', 'Start On'), commentTextField('discussion', 'create')];

/** Starts a discussion on the sheet or a row with its first comment; outputs the discussion. */
export async function execute(this: IExecuteFunctions, client: SmartsheetClient, items: INodeExecutionData[]): Promise<ItemResult[]> {
	return await perItem(this, client, items, 'discussion:create', async (item) => {
		const sheetId = sheetIdOf(this, item);
		const text = commentTextOf(this, item);
		const answer = await client.request<{ result: IDataObject }>({
			method: 'POST',
			path: sheetOrRowPath(this, item, 'discussionOn', sheetId, 'discussions'),
			body: { comment: { text } },
			sheetId,
			operation: 'discussion:create',
		});
		return answer.result;
	});
}
