// Issue #4: every failure class reaches its own output, retries help instead of hurt, and every
// input item leaves on exactly one output.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT, PAT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const getCurrentUser = { resource: 'user', operation: 'getCurrent', authentication: 'accessToken' };

describe('failure routing', () => {
	const suite = useEmulator();

	const fault = async (method: string, path: string, count: number, response: object) =>
		await suite.fx.admin('POST', '/faults', { match: { method, path }, count, response });

	const error = (status: number, errorCode: number) => ({
		kind: 'error',
		status,
		errorCode,
		message: `fault ${errorCode}`,
	});

	test('403/1004 → Permission, with the diagnosis', async () => {
		await fault('GET', '/2.0/users/me', 1, error(403, 1004));
		const result = await suite.fx.run(getCurrentUser, [{ keep: 'me' }]);
		const [item] = jsonOf(result, OUTPUT.permission);
		assert.equal(item.keep, 'me', 'the input fields stay on the failure item');
		const failure = item.smartsheetFailure as any;
		assert.equal(failure.class, 'permission');
		assert.equal(failure.httpStatus, 403);
		assert.equal(failure.errorCode, 1004);
		assert.equal(typeof failure.refId, 'string');
		assert.equal(failure.attempts, 1, '4xx is never retried');
		assert.equal(failure.tokenSuffix, PAT.slice(-6));
		assert.equal(failure.credentialName, 'Smartsheet PAT (test)');
		assert.ok(failure.action.length > 10);
		assert.equal('error' in item, false, 'no top-level error key');
	});

	test('400/1012 → Payload, never retried', async () => {
		await fault('GET', '/2.0/users/me', 1, error(400, 1012));
		const result = await suite.fx.run(getCurrentUser);
		assert.equal((jsonOf(result, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1012);
		assert.equal((await suite.fx.stats()).requests, 1);
	});

	test('a 429 storm longer than the retry budget → Throttled, with the first failure kept', async () => {
		await fault('GET', '/2.0/users/me', 50, error(429, 4003));
		const result = await suite.fx.run({
			...getCurrentUser,
			options: { maxRetryWaitSeconds: 0.3, retryInitialDelayMs: 20 },
		});
		const failure = jsonOf(result, OUTPUT.throttled)[0].smartsheetFailure as any;
		assert.equal(failure.firstErrorCode, 4003);
		assert.ok(failure.attempts > 1, 'it did retry');
	});

	test('429 with Retry-After waits as told and then succeeds', async () => {
		await fault('GET', '/2.0/users/me', 1, { ...error(429, 4003), retryAfterSeconds: 1 });
		const result = await suite.fx.run({ ...getCurrentUser, options: { summary: 'item' } });
		const [user, { smartsheetExecutionSummary: summary }] = jsonOf(
			result,
			OUTPUT.success,
		) as Array<{ smartsheetExecutionSummary?: any }>;
		assert.equal(user.smartsheetExecutionSummary, undefined, 'one item, then the summary');
		assert.deepEqual(
			[summary.retries, summary.backoffMs],
			[1, 1000],
			'waited the Retry-After, once',
		);
	});

	test('503/4001 then success → Success', async () => {
		await fault('GET', '/2.0/users/me', 2, error(503, 4001));
		assert.equal(jsonOf(await suite.fx.run(getCurrentUser), OUTPUT.success).length, 1);
	});

	test('a 5xx on a read is retried; after a non-JSON 502 on a POST the row is read back, not blindly sent again', async () => {
		await fault('GET', '/2.0/users/me', 1, {
			kind: 'raw',
			status: 502,
			contentType: 'text/html',
			body: '<html><body>Bad Gateway</body></html>',
		});
		assert.equal(jsonOf(await suite.fx.run(getCurrentUser), OUTPUT.success).length, 1);

		const sheet = await suite.fx.sheet('Project Tracker');
		// The gateway answered before Smartsheet acted: the read-back finds no row, so it is sent once more.
		await fault('POST', '/2.0/sheets/*/rows', 1, {
			kind: 'raw',
			status: 502,
			contentType: 'text/html',
			body: '<html><body>Bad Gateway</body></html>',
		});
		const result = await suite.fx.run(
			{
				resource: 'row',
				operation: 'add',
				authentication: 'accessToken',
				sheetId: { __rl: true, mode: 'id', value: sheet.id },
			},
			[{ Task: 'gateway' }],
		);
		const [row] = jsonOf(result, OUTPUT.success);
		assert.equal(row.Task, 'gateway');
		assert.equal(
			row.reconciled,
			undefined,
			'written by the second send, not found by the read-back',
		);
		const stats = await suite.fx.stats();
		assert.equal(stats.byRoute['POST /2.0/sheets/{sheetId}/rows'], 2);
		assert.equal(stats.byRoute['GET /2.0/sheets/{sheetId}'], 1, 'one read-back');
		const rows = (await suite.fx.api<any>('GET', `/sheets/${sheet.id}`)).rows;
		assert.equal(
			rows.filter((candidate: any) => candidate.cells.some((cell: any) => cell.value === 'gateway'))
				.length,
			1,
		);
	});

	test('a dropped connection is retried on a GET', async () => {
		await fault('GET', '/2.0/users/me', 1, { kind: 'drop' });
		assert.equal(jsonOf(await suite.fx.run(getCurrentUser), OUTPUT.success).length, 1);
	});

	test('4004 with the lock text (sheet busy: nothing was done) is retried and then succeeds', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const lock = `Request failed because sheetId ${sheet.id} is currently being updated by another request that uses the same access token. Please retry your request once the previous request has completed.`;
		await fault('POST', '/2.0/sheets/*/rows', 2, { ...error(500, 4004), message: lock });
		const result = await suite.fx.run(
			{
				resource: 'row',
				operation: 'add',
				authentication: 'accessToken',
				sheetId: { __rl: true, mode: 'id', value: sheet.id },
			},
			[{ Task: 'busy' }],
		);
		assert.equal(jsonOf(result, OUTPUT.success)[0].Task, 'busy');
	});

	test('parallel executions writing one sheet do not collide (writes are serialized per sheet)', async () => {
		await suite.fx.admin('POST', '/config', { writeCollisions: true, writeLatencyMs: 30 });
		const sheet = await suite.fx.sheet('Project Tracker');
		const runs = await Promise.all(
			Array.from({ length: 6 }, (_, run) =>
				suite.fx.run(
					{
						resource: 'row',
						operation: 'add',
						authentication: 'accessToken',
						sheetId: { __rl: true, mode: 'id', value: sheet.id },
					},
					[{ Task: `parallel ${run}` }],
				),
			),
		);
		for (const result of runs) assert.equal(jsonOf(result, OUTPUT.success).length, 1);
		assert.equal(
			(await suite.fx.stats()).byRoute?.['POST /2.0/sheets/{sheetId}/rows'],
			6,
			'no request needed a retry',
		);
	});

	test('partial success: rejected rows go to Payload with their own error, the rest to Success', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const items = [
			{ Task: 'ok 1' },
			{ Task: 'x'.repeat(4001) },
			{ Task: 'ok 2' },
			{ Task: 'y'.repeat(4001) },
		];
		const result = await suite.fx.run(
			{
				resource: 'row',
				operation: 'add',
				authentication: 'accessToken',
				sheetId: { __rl: true, mode: 'id', value: sheet.id },
			},
			items,
		);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((row) => row.Task),
			['ok 1', 'ok 2'],
		);
		const payload = result.outputs[OUTPUT.payload];
		assert.deepEqual(
			payload.map((item) => item.pairedItem),
			[{ item: 1 }, { item: 3 }],
		);
		for (const item of payload) assert.equal((item.json.smartsheetFailure as any).errorCode, 1041);
	});

	test('bad input (a sheet ID that is not a number) goes to Payload without a request', async () => {
		const result = await suite.fx.run({
			resource: 'row',
			operation: 'get',
			authentication: 'accessToken',
			sheetId: { __rl: true, mode: 'id', value: '={{ "abc" }}' },
			rowId: '1',
		});
		assert.match(
			(jsonOf(result, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Sheet ID must be a number/,
		);
		assert.equal((await suite.fx.stats()).requests, 0);
	});
});
