import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { apiBaseUrlProperty, regionProperty } from './regions';
import { usersMeTest } from './usersMeTest';

/** A Smartsheet personal access token ("API access token"), with the region it belongs to. */
export class SmartsheetApi implements ICredentialType {
	name = 'smartsheetApi';

	displayName = 'Smartsheet Access Token API';

	icon: Icon = { light: 'file:../icons/smartsheet.svg', dark: 'file:../icons/smartsheet.dark.svg' };

	documentationUrl =
		'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication';

	properties: INodeProperties[] = [
		regionProperty,
		apiBaseUrlProperty,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Personal API access token, created in Smartsheet under Account > Apps & Integrations > API Access. It lasts until revoked, or until the expiry a Smartsheet admin may set for API tokens in your plan.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Measured: n8n 2.41 shows the rule's message; 2.33 and 2.8 show their own "Authorization failed".
	test: ICredentialTestRequest = usersMeTest(
		'Smartsheet refused the token (401): it is wrong, revoked, or past the expiry your Smartsheet admin set for API tokens. Tokens only work in the region where they were created: check the Region, then create a new token.',
	);
}
