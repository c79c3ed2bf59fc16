// Requests the editor makes to fill pickers (sheet list, column options). No pacing or routing:
// a failure here is shown in the picker. n8n's own refresh-on-401 applies.
import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { customApiBaseProblem, resolveApiBase } from '../../../credentials/regions';
import { parseSmartsheetJson } from './smartsheetJson';
import { credentialTypeOf, type AuthKind } from './tokenLifecycle';

export async function editorRequest<T>(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<T> {
	const kind = ctx.getNodeParameter('authentication', 'oAuth2') as AuthKind;
	const credentialType = credentialTypeOf(kind);
	const credentials = await ctx.getCredentials(credentialType);
	// The token goes with the request: a bad Custom URL is refused before anything is sent.
	const problem = customApiBaseProblem(credentials);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem);
	const text = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
		method: 'GET',
		url: `${resolveApiBase(credentials)}${path}`,
		qs,
		json: false,
		encoding: 'text',
	})) as string;
	return parseSmartsheetJson(typeof text === 'string' ? text : JSON.stringify(text)) as T;
}
