// The credential dialog's Test for both credential types: GET /users/me in the credential's region.
// n8n's credentials tester runs a type's own `test` before anything else, OAuth2 types included
// (n8n 2.8 and 2.41 alike), and turns the response codes below into the dialog's message.
import type { ICredentialTestRequest } from 'n8n-workflow';

import { apiBaseExpression } from './regions';

const wrongAddress =
	'No Smartsheet API at this address: check the Region or the API Base URL (it ends in /2.0).';

/** `refused` is what the dialog says to a 401, in the words that fit the credential type. */
export function usersMeTest(refused: string): ICredentialTestRequest {
	return {
		request: { baseURL: apiBaseExpression('$credentials'), url: '/users/me', method: 'GET' },
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: refused } },
			{ type: 'responseCode', properties: { value: 404, message: wrongAddress } },
		],
	};
}
