import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type ItemResult, perItem, type SmartsheetClient } from '../../../shared';

export const description: INodeProperties[] = [];

/**
 * Reports on the credential the node runs with: whose it is, where, what kind of token, when it
 * expires, whether it can be refreshed, its scopes, and a live call. An expired but refreshable
 * token is refreshed through the normal lifecycle and reported as such; a dead one takes the
 * Auth output like any other failure.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async () => {
		const before = await client.lifecycle.inspect();
		const refreshesBefore = client.snapshot().refreshes;
		const started = Date.now();
		const user = await client.request<IDataObject>({ method: 'GET', path: '/users/me', operation });
		const after = await client.lifecycle.inspect();
		const refreshed =
			client.snapshot().refreshes > refreshesBefore || after.tokenSuffix !== before.tokenSuffix;
		return {
			healthy: true,
			status: refreshed ? 'refreshed' : 'ok',
			credentialName: client.lifecycle.credentialName,
			user: {
				id: user.id,
				email: user.email,
				name: [user.firstName, user.lastName].filter(Boolean).join(' '),
			},
			...after,
			refreshedDuringCheck: refreshed,
			expiresAtBeforeCheck: before.expiresAt,
			liveCall: { endpoint: 'GET /users/me', ok: true, milliseconds: Date.now() - started },
		};
	});
}
