// API Call: any endpoint through the node's transport — query, JSON body, offset and token paging,
// the five outputs, token refresh, no blind re-send of a POST, and a path that cannot leave the API base.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };
const apiCall = (httpMethod: string, apiPath: string, extra: object = {}) => ({
	...pat,
	resource: 'apiCall',
	operation: 'send',
	httpMethod,
	apiPath,
	...extra,
});
const query = (pairs: Record<string, string>) => ({
	parameter: Object.entries(pairs).map(([name, value]) => ({ name, value })),
});

describe('API Call', () => {
	const suite = useEmulator();

	const requests = async (route: string) =>
		((await suite.fx.stats()).byRoute[route] ?? 0) as number;

	test('GET with query parameters: the answer is one item, IDs above 2^53 exact; a query in the path works too', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const [sheet] = jsonOf(
			await suite.fx.run(
				apiCall('GET', `/sheets/${big.id}`, {
					queryParameters: query({ columnIds: big.columns[0].id }),
				}),
				[{ n: 1 }],
			),
			OUTPUT.success,
		);
		assert.deepEqual(
			[sheet.id, (sheet.columns as any[]).length, (sheet.columns as any[])[0].id],
			[big.id, 1, big.columns[0].id],
		);
		const tracker = await suite.fx.sheet('Project Tracker');
		const { version } = await suite.fx.api('GET', `/sheets/${tracker.id}/version`);
		const [unchanged] = jsonOf(
			await suite.fx.run(apiCall('GET', `2.0/sheets/${tracker.id}?ifVersionAfter=${version}`)),
			OUTPUT.success,
		);
		assert.deepEqual(
			unchanged,
			{ version },
			'ifVersionAfter from the path reached Smartsheet; /2.0 is not doubled',
		);
	});

	test('POST with a JSON body adds a row; the column ID above 2^53 is sent exactly; each input item is its own call', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const body = `={{ JSON.stringify([{ toBottom: true, cells: [{ columnId: ${big.columns[0].id}, value: $json.name }] }]) }}`;
		const result = await suite.fx.run(
			apiCall('POST', `/sheets/${big.id}/rows`, { bodyContent: 'json', jsonBody: body }),
			[{ name: 'Ada' }, { name: 'Grace' }],
		);
		const added = jsonOf(result, OUTPUT.success);
		assert.deepEqual(
			added.map((answer) => [answer.message, (answer.result as any[])[0].cells[0].value]),
			[
				['SUCCESS', 'Ada'],
				['SUCCESS', 'Grace'],
			],
		);
		assert.deepEqual(
			result.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		const rows = (await suite.fx.api('GET', `/sheets/${big.id}`)).rows as any[];
		assert.deepEqual(
			rows.slice(-2).map((row) => row.cells[0].value),
			['Ada', 'Grace'],
		);
	});

	test('paging: offset (page/pageSize) and token (lastKey/maxItems) collect every entry, one item each', async () => {
		await suite.fx.admin('POST', '/users', { count: 150 });
		const users = jsonOf(
			await suite.fx.run(apiCall('GET', '/users', { paging: 'offset' })),
			OUTPUT.success,
		);
		assert.equal(users.length, 151);
		assert.equal(await requests('GET /2.0/users'), 2);
		await suite.fx.admin('POST', '/workspaces', { count: 120 });
		const workspaces = jsonOf(
			await suite.fx.run(
				apiCall('GET', '/workspaces', {
					paging: 'token',
					queryParameters: query({ paginationType: 'token' }),
				}),
			),
			OUTPUT.success,
		);
		assert.equal(workspaces.length, 121);
		assert.equal(new Set(workspaces.map((workspace) => workspace.id)).size, 121);
		assert.equal(await requests('GET /2.0/workspaces'), 2);
	});

	test('failures take their outputs: unknown path → Payload, no scope → Permission, an expired OAuth token is refreshed, 429 → Throttled after retries', async () => {
		const [missing] = jsonOf(
			await suite.fx.run(apiCall('GET', '/no/such/thing'), [{ keep: 1 }]),
			OUTPUT.payload,
		);
		assert.deepEqual(
			[
				missing.keep,
				(missing.smartsheetFailure as any).errorCode,
				(missing.smartsheetFailure as any).operation,
			],
			[1, 1006, 'apiCall:send'],
		);

		const pair = await suite.fx.issueTokens({ scopes: ['READ_USERS'] });
		suite.fx.putOAuth(pair);
		const [denied] = jsonOf(
			await suite.fx.run({ ...apiCall('GET', '/sheets'), authentication: 'oAuth2' }),
			OUTPUT.permission,
		);
		assert.equal((denied.smartsheetFailure as any).errorCode, 1004);
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const [me] = jsonOf(
			await suite.fx.run({ ...apiCall('GET', '/users/me'), authentication: 'oAuth2' }),
			OUTPUT.success,
		);
		assert.equal(me.email, 'demo.user@example.com');
		assert.equal((await suite.fx.stats()).tokenRefreshes, 1);

		await suite.fx.admin('POST', '/faults', {
			match: { method: 'GET', path: '/2.0/users/me' },
			count: 50,
			response: { kind: 'error', errorCode: 4003 },
		});
		const [throttled] = jsonOf(
			await suite.fx.run(apiCall('GET', '/users/me', { options: { maxRetryWaitSeconds: 0.1 } })),
			OUTPUT.throttled,
		);
		assert.ok((throttled.smartsheetFailure as any).attempts > 1, 'retried before giving up');
	});

	test('a write is not re-sent after an ambiguous 500 (POST or PUT): its outcome is unknown; a refused 4004 lock answer is retried', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		await suite.fx.admin('POST', '/faults', {
			match: { method: 'POST', path: '/2.0/sheets/*/rows' },
			count: 1,
			response: { kind: 'error', errorCode: 4000 },
		});
		const [post] = jsonOf(
			await suite.fx.run(
				apiCall('POST', `/sheets/${tracker.id}/rows`, { jsonBody: '{"cells": []}' }),
			),
			OUTPUT.throttled,
		);
		assert.equal((post.smartsheetFailure as any).attempts, 1);
		assert.equal((post.smartsheetFailure as any).outcome, 'unknown');
		await suite.fx.admin('POST', '/faults', {
			match: { method: 'PUT', path: '/2.0/sheets/*' },
			count: 1,
			response: { kind: 'error', errorCode: 4000 },
		});
		const [put] = jsonOf(
			await suite.fx.run(
				apiCall('PUT', `/sheets/${tracker.id}`, { jsonBody: '{"name": "Renamed"}' }),
			),
			OUTPUT.throttled,
		);
		assert.equal((put.smartsheetFailure as any).attempts, 1);
		assert.equal((put.smartsheetFailure as any).outcome, 'unknown');
		const lock =
			'Request failed because sheetId 1 is currently being updated by another request that uses the same access token. Please retry your request once the previous request has completed.';
		await suite.fx.admin('POST', '/faults', {
			match: { method: 'PUT', path: '/2.0/sheets/*' },
			count: 1,
			response: { kind: 'error', errorCode: 4004, message: lock },
		});
		const [renamed] = jsonOf(
			await suite.fx.run(
				apiCall('PUT', `/sheets/${tracker.id}`, { jsonBody: '{"name": "Renamed"}' }),
			),
			OUTPUT.success,
		);
		assert.equal((renamed.result as any).name, 'Renamed');
	});

	test('a path that names a host or leaves the API base, or a body that is not JSON, goes to Payload without a request', async () => {
		const before = (await suite.fx.stats()).requests;
		const paths = [
			'https://evil.example/2.0/users/me',
			'//evil.example/users/me',
			'/sheets/../users/me',
			'/sheets/%2e%2e/users',
			'/users/me#x',
			'',
		];
		const result = await suite.fx.run(
			apiCall('GET', '={{ $json.path }}'),
			paths.map((path) => ({ path })),
		);
		const failed = jsonOf(result, OUTPUT.payload);
		assert.equal(failed.length, paths.length);
		assert.ok(
			failed.every(
				(item) =>
					(item.smartsheetFailure as any).httpStatus === null &&
					/path/i.test((item.smartsheetFailure as any).message),
			),
		);
		const [notJson] = jsonOf(
			await suite.fx.run(apiCall('POST', '/sheets', { jsonBody: '{"name": ' })),
			OUTPUT.payload,
		);
		assert.match((notJson.smartsheetFailure as any).message, /not valid JSON/);
		assert.equal((await suite.fx.stats()).requests, before, 'nothing was sent');
	});
});
