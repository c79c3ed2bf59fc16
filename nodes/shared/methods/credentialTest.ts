// The credential dialog's "test": GET /users/me with the token, and on failure Smartsheet's own
// message and errorCode in words a builder can act on (a wrong region is the usual cause of 1002).
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { resolveApiBase } from '../../../credentials/regions';
import { explainTestFailure } from '../helpers/explainTestFailure';

export async function smartsheetCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	const tokenData = (data.oauthTokenData ?? {}) as IDataObject;
	const token = (data.accessToken ?? tokenData.access_token) as string | undefined;
	if (!token) {
		return { status: 'Error', message: 'Not connected yet: click "Connect my account" (OAuth2) or paste an access token.' };
	}
	const apiBase = resolveApiBase(data);
	let response: { statusCode: number; body: unknown };
	try {
		// ICredentialTestFunctions offers only `request`: credential tests get no httpRequest helper.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = (await this.helpers.request({
			method: 'GET',
			uri: `${apiBase}/users/me`,
			headers: { Authorization: `Bearer ${token}` },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		return { status: 'Error', message: `Could not reach Smartsheet at ${apiBase}: ${(error as Error).message}` };
	}
	if (response.statusCode === 200) {
		const user = (response.body ?? {}) as IDataObject;
		return { status: 'OK', message: `Connected as ${String(user.email ?? 'the Smartsheet user')}` };
	}
	return { status: 'Error', message: explainTestFailure(response.statusCode, response.body, String(data.region ?? 'us')) };
}
