import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	idOf,
	InvalidInput,
	type ItemResult,
	perItem,
	type SmartsheetClient,
} from '../../../shared';
import { ACCESS_LEVELS, assetQuery } from './shareAsset';

const show = { resource: ['share'], operation: ['share'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Share With',
		name: 'shareWith',
		type: 'options',
		options: [
			{ name: 'People (by Email)', value: 'email' },
			{ name: 'Group', value: 'group' },
		],
		default: 'email',
		displayOptions: { show },
	},
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ann@example.com, bob@example.com',
		description: 'One or more email addresses, separated by commas',
		displayOptions: { show: { ...show, shareWith: ['email'] } },
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...show, shareWith: ['group'] } },
	},
	{
		displayName: 'Access Level',
		name: 'accessLevel',
		type: 'options',
		options: ACCESS_LEVELS,
		default: 'VIEWER',
		displayOptions: { show },
	},
	{
		displayName: 'Share Options',
		name: 'shareOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'CC Me',
				name: 'ccMe',
				type: 'boolean',
				default: false,
				description: 'Whether to send a copy of the email to you',
			},
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
			},
			{
				displayName: 'Send Email',
				name: 'sendEmail',
				type: 'boolean',
				default: false,
				description: 'Whether Smartsheet emails the people it is shared with',
			},
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		],
	},
];

/** Shares the asset with people or a group; one item per share created. */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const accessLevel = this.getNodeParameter('accessLevel', item) as string;
		const { sendEmail, ...message } = this.getNodeParameter(
			'shareOptions',
			item,
			{},
		) as IDataObject;
		const body = recipients(this, item).map((recipient) => ({
			...recipient,
			accessLevel,
			...message,
		}));
		const answer = await client.request<{ result: IDataObject[] }>({
			method: 'POST',
			path: '/shares',
			qs: { ...assetQuery(this, item), ...(sendEmail === true ? { sendEmail: true } : {}) },
			body,
			operation,
		});
		return answer.result;
	});
}

function recipients(ctx: IExecuteFunctions, item: number): IDataObject[] {
	if (ctx.getNodeParameter('shareWith', item) === 'group')
		return [{ groupId: idOf(ctx.getNodeParameter('groupId', item), 'Group') }];
	const emails = String(ctx.getNodeParameter('emails', item))
		.split(',')
		.map((email) => email.trim())
		.filter(Boolean);
	if (emails.length === 0) throw new InvalidInput('Give at least one email address');
	return emails.map((email) => ({ email }));
}
