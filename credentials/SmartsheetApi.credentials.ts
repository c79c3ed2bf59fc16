import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { apiBaseExpression, apiBaseUrlProperty, regionProperty } from './regions';

/** A Smartsheet personal access token ("API access token"), with the region it belongs to. */
export class SmartsheetApi implements ICredentialType {
	name = 'smartsheetApi';

	displayName = 'Smartsheet Access Token API';

	icon: Icon = { light: 'file:../icons/smartsheet.svg', dark: 'file:../icons/smartsheet.dark.svg' };

	documentationUrl = 'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication';

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
				'Personal API access token, created in Smartsheet under Account > Apps & Integrations > API Access',
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

	// n8n runs this request (before any node's `testedBy`) when the dialog's Test is clicked; the
	// rules turn Smartsheet's refusals into what to do (n8n 2.9+ applies responseCode rules).
	test: ICredentialTestRequest = {
		request: {
			baseURL: apiBaseExpression('$credentials'),
			url: '/users/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Smartsheet refused the token (401: invalid or revoked). Tokens only work in the region where they were created: check the Region, then the token itself.',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Smartsheet API at this address: check the Region or the API Base URL (it ends in /2.0).' },
			},
		],
	};
}
