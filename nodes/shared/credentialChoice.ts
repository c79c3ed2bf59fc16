// The Authentication choice and the two credential types it picks between, shared by the
// Smartsheet node and both trigger nodes.
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2', value: 'oAuth2' },
		{ name: 'Access Token', value: 'accessToken' },
	],
	default: 'oAuth2',
};

export const smartsheetCredentials: INodeCredentialDescription[] = [
	{
		name: 'smartsheetOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: 'smartsheetApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
];
