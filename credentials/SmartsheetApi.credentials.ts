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

	// The node's own credential test (Smartsheet node, `testedBy`) turns failures into plain words;
	// this request is the fallback n8n uses where no node test applies.
	test: ICredentialTestRequest = {
		request: {
			baseURL: apiBaseExpression('$credentials'),
			url: '/users/me',
			method: 'GET',
		},
	};
}
