import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	createSheetWebhook,
	enableWebhook,
	idOf,
	InvalidInput,
	type ItemResult,
	perItem,
	publicWebhook,
	sheetIdOf,
	type SmartsheetClient,
	SmartsheetRequestError,
} from '../../../shared';

const show = { resource: ['webhook'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/smartsheet-changes',
		description:
			'Where Smartsheet sends the callbacks: HTTPS with a certificate from a public authority, on port 443, 8000, 8008, 8080 or 8443, reachable from the internet',
		displayOptions: { show },
	},
	{
		displayName: 'Only Columns Names or IDs',
		name: 'columnIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['sheetId.value'] },
		default: [],
		description:
			'Limit callbacks to changes in these columns (row deletions always come). Empty: every column. Cannot be changed later. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName: 'Enable Now',
		name: 'enable',
		type: 'boolean',
		default: false,
		description:
			'Whether to enable it right away. Smartsheet then sends a verification request to the callback URL, which must already answer it (echo the Smartsheet-Hook-Challenge header).',
		displayOptions: { show },
	},
];

/** A new webhook on a sheet (disabled until enabled: Smartsheet verifies the callback URL first). */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const sheetId = sheetIdOf(this, item);
		const name = String(this.getNodeParameter('name', item)).trim();
		const callbackUrl = String(this.getNodeParameter('callbackUrl', item)).trim();
		if (!name) throw new InvalidInput('The webhook needs a name');
		if (!callbackUrl) throw new InvalidInput('The webhook needs a callback URL');
		const columnIds = (this.getNodeParameter('columnIds', item, []) as string[]).map((id) =>
			idOf(id, 'Column'),
		);
		let webhook = await createSheetWebhook(
			client,
			{ name, callbackUrl, sheetId, columnIds },
			operation,
		);
		if (this.getNodeParameter('enable', item, false) === true) {
			try {
				webhook = await enableWebhook(client, webhook.id, operation);
			} catch (error) {
				throw await withoutCreatedWebhook(client, operation, webhook.id, error);
			}
		}
		return publicWebhook(webhook);
	});
}

/**
 * Enabling failed: the webhook this item created is deleted again, so a retry of the item does not
 * leave a duplicate behind. If that fails too, the failure names it for the builder to delete.
 */
async function withoutCreatedWebhook(
	client: SmartsheetClient,
	operation: string,
	webhookId: string,
	error: unknown,
): Promise<unknown> {
	if (!(error instanceof SmartsheetRequestError)) return error;
	const failure = error.failure;
	try {
		await client.request({ method: 'DELETE', path: `/webhooks/${webhookId}`, operation });
		failure.message = `${failure.message} (the webhook ${webhookId} created for this item was deleted again)`;
	} catch {
		failure.createdWebhookId = webhookId;
		failure.action = `${failure.action} Then delete webhook ${webhookId} (Webhook → Delete): it was created but could not be enabled, and deleting it failed too.`;
	}
	return error;
}
