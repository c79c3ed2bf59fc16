// Tests of the e2e's own judgement (no n8n needed): node --test scripts/e2e/
// The real-n8n checks are only as good as these readers of executions and logs; each case below
// is a way the storm or the routing could go wrong that must not pass unnoticed.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
	accountDeadToken,
	accountStorm,
	complaintsAbout,
	countsOf,
	outputsOf,
	phaseOf,
	ran,
	sharedCredentialReport,
	stormReport,
	stormTable,
} from './analysis.mjs';

const EMAIL = 'demo.user@example.com';

/** An execution as n8n's public API returns it with includeData=true. */
function execution({
	status = 'success',
	round = 1,
	index = 0,
	phase,
	outputs = [[{ email: EMAIL }], [], [], [], []],
	action = 'Smartsheet',
} = {}) {
	const main = (items) => items.map((json) => ({ json, pairedItem: { item: 0 } }));
	return {
		status,
		data: {
			resultData: {
				runData: {
					Webhook: [
						{
							data: {
								main: [main([{ body: phase ? { phase, index } : { round, index }, headers: {} }])],
							},
						},
					],
					[action]: [{ data: { main: outputs.map(main) } }],
				},
				...(status === 'success'
					? {}
					: { error: { message: 'invalid_grant', node: { name: action } } }),
			},
		},
	};
}

test('outputsOf reads each output of a node; ran tells which nodes ran', () => {
	const e = execution({ outputs: [[], [{ smartsheetFailure: { class: 'auth' } }], [], [], []] });
	assert.deepEqual(
		outputsOf(e, 'Smartsheet').map((items) => items.length),
		[0, 1, 0, 0, 0],
	);
	assert.equal(
		countsOf(outputsOf(e, 'Smartsheet')),
		'{"Success":0,"Auth":1,"Permission":0,"Payload":0,"Throttled":0}',
	);
	assert.equal(ran(e, 'Smartsheet'), true);
	assert.equal(ran(e, 'On Auth'), false);
	assert.deepEqual(outputsOf(e, 'Not there'), []);
});

test('a storm where every call arrived once counts nothing lost', () => {
	const executions = [0, 1, 2].map((index) => execution({ index }));
	assert.deepEqual(accountStorm(executions, { actionName: 'Smartsheet', calls: 3, email: EMAIL }), {
		executions: 3,
		failedExecutions: 0,
		itemsLost: 0,
		duplicates: 0,
		sampleError: null,
	});
});

test('a failed execution, an item on a failure output, a missing execution and a duplicate are all caught', () => {
	const executions = [
		execution({ index: 0 }),
		execution({ index: 1, status: 'error', outputs: [] }),
		execution({ index: 2, outputs: [[], [{ smartsheetFailure: { class: 'auth' } }], [], [], []] }),
		execution({ index: 0 }),
		// index 3 never ran
	];
	const r = accountStorm(executions, { actionName: 'Smartsheet', calls: 4, email: EMAIL });
	assert.equal(r.failedExecutions, 1);
	assert.equal(r.itemsLost, 3); // 1 failed, 2 went to Auth, 3 missing
	assert.equal(r.duplicates, 1);
	assert.match(r.sampleError, /invalid_grant at Smartsheet/);
});

test('a Success item without the user (e.g. an empty answer) is not counted as delivered', () => {
	const r = accountStorm([execution({ outputs: [[{}], [], [], [], []] })], {
		actionName: 'Smartsheet',
		calls: 1,
		email: EMAIL,
	});
	assert.equal(r.itemsLost, 1);
});

test('the HTTP Request baseline (one output) is read the same way', () => {
	const r = accountStorm([execution({ action: 'HTTP Request', outputs: [[{ email: EMAIL }]] })], {
		actionName: 'HTTP Request',
		calls: 1,
		email: EMAIL,
	});
	assert.equal(r.itemsLost, 0);
});

test('log complaints: load errors about the package are caught, ordinary lines are not', () => {
	const log = [
		'Editor is now accessible via:',
		'Failed to load community package "n8n-nodes-smartsheet-resilient": Cannot find module \'n8n-workflow\'',
		'Error loading package "n8n-nodes-smartsheet-resilient" :Class could not be found.',
		'[n8n-nodes-smartsheet-resilient] node type smartsheet: deprecated property',
		'Workflow "Smartsheet: route every failure" activated',
		'Python task runner failed to start: venv missing',
	].join('\n');
	assert.equal(complaintsAbout(log).length, 3);
	assert.equal(complaintsAbout(log, /n8n-nodes-smartsheet-resilient/).length, 3);
	assert.equal(complaintsAbout('Workflow "Smartsheet" started\n').length, 0);
});

test('the dead-token round: only items on Auth with the reconnect action count; failures and other outputs are told apart', () => {
	const reconnect = {
		smartsheetFailure: { class: 'auth', action: "Reconnect the credential 'x' in n8n" },
	};
	const executions = [
		execution({ phase: 'dead', outputs: [[], [reconnect], [], [], []] }),
		execution({
			phase: 'dead',
			outputs: [
				[],
				[{ smartsheetFailure: { class: 'auth', action: 'Check the Region' } }],
				[],
				[],
				[],
			],
		}),
		execution({ phase: 'dead', outputs: [[{ email: EMAIL }], [], [], [], []] }),
		execution({ phase: 'dead', status: 'error', outputs: [] }),
	];
	assert.equal(phaseOf(executions[0]), 'dead');
	assert.equal(phaseOf(execution()), undefined);
	const r = accountDeadToken(executions, { actionName: 'Smartsheet' });
	assert.deepEqual(
		{ ...r, sampleError: Boolean(r.sampleError) },
		{ executions: 4, failedExecutions: 1, onAuthWithReconnect: 1, elsewhere: 2, sampleError: true },
	);
});

test('the storm table has one row per run, with per-expiry refreshes, the worker split and the dead-token failures', () => {
	const r = {
		executions: 60,
		failedExecutions: 0,
		itemsLost: 0,
		tokenRefreshes: 3,
		invalidGrants: 0,
		requestsWithExpiredToken: 0,
		executionsPerWorker: [31, 29],
		rounds: [1, 1, 1].map((tokenRefreshes) => ({ tokenRefreshes })),
		deadToken: { failedExecutions: 0, calls: 20 },
	};
	const table = stormTable([
		['ours', r],
		['single', { ...r, executionsPerWorker: [], deadToken: { failedExecutions: 20, calls: 20 } }],
	]).split('\n');
	assert.equal(table.length, 4);
	assert.equal(table[2], '| ours | 60 | 0 | 0 | 3 (1, 1, 1) | 0 | 0 | 31 / 29 | 0 of 20 |');
	assert.equal(table[3], '| single | 60 | 0 | 0 | 3 (1, 1, 1) | 0 | 0 | — | 20 of 20 |');
});

test('the README table: newest n8n first, single process before queue mode, both contestants per run', () => {
	const r = (failed) => ({
		executions: 60,
		failedExecutions: failed,
		itemsLost: failed,
		tokenRefreshes: 3,
		invalidGrants: failed,
		requestsWithExpiredToken: 12,
		rounds: [1, 1, 1].map((tokenRefreshes) => ({ tokenRefreshes })),
		deadToken: { failedExecutions: failed ? 20 : 0, calls: 20 },
	});
	const run = (n8nVersion, mode) => ({
		n8nVersion,
		node: n8nVersion === '2.8.4' ? 'v20.20.2' : 'v24.21.0',
		mode,
		workers: mode === 'queue' ? 2 : 1,
		smartsheetNode: r(0),
		httpRequestBaseline: r(33),
	});
	const lines = stormReport([
		run('2.8.4', 'queue'),
		run('2.41.1', 'queue'),
		run('2.8.4', 'single'),
		run('2.41.1', 'single'),
	]).split('\n');
	assert.equal(lines.length, 2 + 8);
	assert.deepEqual(
		lines.slice(2).map((line) => line.split(' | ').slice(0, 4).join(' | ')),
		[
			'| 2.41.1 | 24 | single process | **Smartsheet node (this package)**',
			'| 2.41.1 | 24 | single process | HTTP Request + generic OAuth2',
			'| 2.41.1 | 24 | queue, 2 workers | **Smartsheet node (this package)**',
			'| 2.41.1 | 24 | queue, 2 workers | HTTP Request + generic OAuth2',
			'| 2.8.4 | 20 | single process | **Smartsheet node (this package)**',
			'| 2.8.4 | 20 | single process | HTTP Request + generic OAuth2',
			'| 2.8.4 | 20 | queue, 2 workers | **Smartsheet node (this package)**',
			'| 2.8.4 | 20 | queue, 2 workers | HTTP Request + generic OAuth2',
		],
	);
	assert.match(lines[3], /\| 60 \| 33 \| 33 \| 3 \(1, 1, 1\) \| 33 \| 12 \| 20 of 20 \|$/);
	const stuck = run('2.8.4', 'queue');
	stuck.httpRequestBaseline.deadToken = { failedExecutions: 18, executions: 18, calls: 20 };
	assert.match(stormReport([stuck]).split('\n')[3], /\| 18 of 20 \(\+2 never finished\) \|$/);
});

test('the shared-credential table: newest n8n first, the rate as a share of the ceiling, 429s as a share of requests', () => {
	const run = (n8nVersion, requestsPerMinute, answered429) => ({
		n8nVersion,
		mode: 'queue',
		workers: 2,
		workflows: 3,
		seconds: 130,
		executions: 600,
		failedExecutions: 0,
		requests: 650,
		requestsPerMinute,
		ceilingPerMinute: 300,
		answered429,
		throttledItems: 0,
	});
	const lines = sharedCredentialReport([run('2.8.4', 240, 0), run('2.41.1', 285, 13)]).split('\n');
	assert.equal(lines.length, 4);
	assert.match(
		lines[2],
		/^\| 2\.41\.1 \| queue, 2 workers \| 3 \| 130 \| 600 \(0\) \| 285 \(95 %\) \| 13 of 650 \(2\.0 %\) \| 0 \|$/,
	);
	assert.match(lines[3], /^\| 2\.8\.4 \|.*\| 240 \(80 %\) \| 0 of 650 \(0\.0 %\) \|/);
});
