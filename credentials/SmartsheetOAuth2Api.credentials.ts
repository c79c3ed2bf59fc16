import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	apiBaseExpression,
	apiBaseUrlProperty,
	appBaseExpression,
	regionProperty,
} from './regions';
import { usersMeTest } from './usersMeTest';

/** Scopes covering every operation of the Smartsheet node; the README lists which needs which. */
export const DEFAULT_SCOPES = [
	'READ_SHEETS',
	'WRITE_SHEETS',
	'CREATE_SHEETS',
	'ADMIN_SHEETS',
	'DELETE_SHEETS',
	'ADMIN_WORKSPACES',
	'ADMIN_WEBHOOKS',
	'READ_USERS',
	// Share (sheets and reports; dashboards) and dashboard paths.
	'SHARE_SHEETS',
	'SHARE_SIGHTS',
	'READ_SIGHTS',
].join(' ');

/**
 * Smartsheet OAuth2 ("Connect" button). n8n runs the code exchange and every refresh; the node's
 * transport decides *when* to refresh (proactively, and once per expiry) and reads the token from
 * n8n's store on every execution.
 */
export class SmartsheetOAuth2Api implements ICredentialType {
	name = 'smartsheetOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Smartsheet OAuth2 API';

	icon: Icon = { light: 'file:../icons/smartsheet.svg', dark: 'file:../icons/smartsheet.dark.svg' };

	documentationUrl = 'https://developers.smartsheet.com/api/smartsheet/guides/basics/oauth';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		regionProperty,
		{
			displayName: 'App Base URL',
			name: 'appBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://app.test.smartsheet.com',
			description: 'Base URL of the Smartsheet web app that shows the consent page (…/b/authorize)',
			displayOptions: { show: { region: ['custom'] } },
		},
		apiBaseUrlProperty,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: appBaseExpression('$self', '/b/authorize'),
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: apiBaseExpression('$self', '/token'),
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated Smartsheet scopes. The default covers every operation of the Smartsheet node.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// client_id and client_secret go in the form body: Smartsheet accepts client_secret in
			// place of the hash, and never both (1237). Basic auth is not documented by Smartsheet.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		// oAuth2Api marks these `doNotInherit`; without redeclaring them their values would not exist.
		{
			displayName: 'Ignore SSL Issues',
			name: 'ignoreSSLIssues',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'hidden',
			typeOptions: { password: true },
			default: 401,
		},
	];

	// Runs with the connected account's token (n8n refreshes it first when Smartsheet says expired).
	test: ICredentialTestRequest = usersMeTest(
		'Smartsheet refused the connected account (401) even after a token refresh: click Reconnect. A token only works in its own region: check the Region.',
	);
}
