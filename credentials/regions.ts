// Smartsheet hosts per region (https://developers.smartsheet.com/api/smartsheet/guides/basics/base-url). Credentials are
// separate per region: a token from one region is "invalid" (401/1002) on another's host.
// Kept as n8n expressions because credential fields resolve them at run time from `$self`.

/** The region picker shared by both credential types. */
export const regionProperty = {
	displayName: 'Region',
	name: 'region',
	type: 'options' as const,
	options: [
		{ name: 'US (smartsheet.com)', value: 'us' },
		{ name: 'EU (smartsheet.eu)', value: 'eu' },
		{ name: 'AU (smartsheet.au)', value: 'au' },
		{ name: 'Gov (smartsheetgov.com)', value: 'gov' },
		{ name: 'Custom (test environment, proxy, emulator)', value: 'custom' },
	],
	default: 'us',
	description:
		'Where your Smartsheet account lives. A token only works in its own region: a wrong region shows up as "Your Access Token is invalid" (errorCode 1002).',
};

export const apiBaseUrlProperty = {
	displayName: 'API Base URL',
	name: 'apiBaseUrl',
	type: 'string' as const,
	default: '',
	placeholder: 'https://api.test.smartsheet.com/2.0',
	description:
		'Base URL of the Smartsheet API, ending in /2.0. HTTPS; plain http:// only to this machine (127.0.0.1, localhost), e.g. an emulator.',
	displayOptions: { show: { region: ['custom'] } },
};

const apiHosts: Record<string, string> = {
	us: 'https://api.smartsheet.com/2.0',
	eu: 'https://api.smartsheet.eu/2.0',
	au: 'https://api.smartsheet.au/2.0',
	gov: 'https://api.smartsheetgov.com/2.0',
};

const appHosts: Record<string, string> = {
	us: 'https://app.smartsheet.com',
	eu: 'https://app.smartsheet.eu',
	au: 'https://app.smartsheet.au',
	gov: 'https://app.smartsheetgov.com',
};

/**
 * An n8n expression for the API base (plus `suffix`), read from `$self` (inside the credential)
 * or `$credentials` (in a request that uses it).
 */
export function apiBaseExpression(source: '$self' | '$credentials', suffix = ''): string {
	return `={{ ${ternary(source, apiHosts, `${source}["apiBaseUrl"]`)} + "${suffix}" }}`;
}

/** An n8n expression for the web-app host (plus `suffix`), used for the consent page. */
export function appBaseExpression(source: '$self' | '$credentials', suffix: string): string {
	return `={{ ${ternary(source, appHosts, `${source}["appBaseUrl"]`)} + "${suffix}" }}`;
}

function ternary(source: string, hosts: Record<string, string>, custom: string): string {
	const branches = Object.entries(hosts).map(
		([region, host]) => `${source}["region"] === "${region}" ? "${host}" : `,
	);
	return `(${branches.join('')}${custom})`;
}

/** The same mapping for code (the node's transport), kept beside the expressions it mirrors. */
export function resolveApiBase(credentials: { region?: unknown; apiBaseUrl?: unknown }): string {
	const region = String(credentials.region ?? 'us');
	if (region === 'custom') return String(credentials.apiBaseUrl ?? '').replace(/\/+$/, '');
	return apiHosts[region] ?? apiHosts.us;
}

/**
 * Why a Custom API base URL cannot be used, or null when it can. The token travels with every
 * request, so it must go over HTTPS (plain http:// only to this machine: an emulator, a local
 * proxy), and the path must be the API's, ending in /2.0.
 */
export function customApiBaseProblem(credentials: {
	region?: unknown;
	apiBaseUrl?: unknown;
}): string | null {
	if (String(credentials.region ?? 'us') !== 'custom') return null;
	const text = resolveApiBase(credentials);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return text === ''
			? 'The Custom API Base URL is empty'
			: 'The Custom API Base URL is not a URL';
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		return `The Custom API Base URL must start with https:// (http:// only for 127.0.0.1 or localhost), got ${url.protocol}//${url.hostname}`;
	}
	if (url.username || url.password || url.search || url.hash)
		return 'The Custom API Base URL must not carry a user, password, query or fragment';
	if (!url.pathname.endsWith('/2.0'))
		return `The Custom API Base URL must end in /2.0, got ${url.pathname}`;
	return null;
}

function isLoopback(hostname: string): boolean {
	return (
		hostname === 'localhost' ||
		hostname === '[::1]' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
	);
}
