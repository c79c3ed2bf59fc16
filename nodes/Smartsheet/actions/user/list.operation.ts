import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';
import { collect, offsetPages } from '../../helpers/paging';
import { limitFields, readLimit } from '../limitFields';

const show = { resource: ['user'], operation: ['list'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			'Only the users with these email addresses (separate several with commas); empty lists everyone',
		displayOptions: { show },
	},
	...limitFields(show),
];

/** The users of the account (needs the READ_USERS scope), all pages or up to the limit. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const emails = String(this.getNodeParameter('email', item, ''))
			.split(',')
			.map((email) => email.trim())
			.filter(Boolean);
		const qs = emails.length ? { email: emails.join(',') } : {};
		return await collect(offsetPages(client, '/users', operation, qs), readLimit(this, item));
	});
}
