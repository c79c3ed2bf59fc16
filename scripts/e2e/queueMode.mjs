// Queue mode (Redis + PostgreSQL, main + 2 workers) and the refresh storm: a short access-token
// TTL, rotating refresh tokens, 20 concurrent webhook executions per round just after each expiry,
// 3 rounds. Run once with this package's node and once with n8n's own HTTP Request node and a
// generic OAuth2 credential (the baseline a user would otherwise build), each against its own
// emulator, and report both side by side.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLIENT, EmulatorProcess } from './emulator.mjs';
import { assert, cacheDir, check, n8nVersion, sleep, workDir } from './lib.mjs';
import { installPackage, N8n, NODE_TYPE, outputsOf } from './n8n.mjs';
import { ensureDebianPackages, startPostgres, startRedis } from './services.mjs';

// Long enough that one round of executions fits inside the refresh margin (half of it, by default).
const TTL_SECONDS = 15;

/** n8n coordinates OAuth2 refreshes across processes from 2.30 on. */
function coordinatedRefresh() {
	const [major, minor] = n8nVersion.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 30);
}
const ROUNDS = 3;
const CONCURRENT = 20;
const SCOPE = 'READ_SHEETS WRITE_SHEETS READ_USERS';

function webhookWorkflow(name, path, actionNode) {
	return {
		name,
		nodes: [
			{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{ ...actionNode, id: 'a', position: [300, 0] },
		],
		connections: { Webhook: { main: [[{ node: actionNode.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function storm(n8n, emulator, workflowId, path, actionName) {
	const rounds = [];
	for (let round = 1; round <= ROUNDS; round++) {
		await sleep(TTL_SECONDS * 1000 + 500); // the stored token has now expired
		const replies = await Promise.all(
			Array.from({ length: CONCURRENT }, (_, index) =>
				fetch(`${n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ round, index }) }).then((reply) => reply.status),
			),
		);
		// Let the round finish before the next expiry.
		await waitForExecutions(n8n, workflowId, round * CONCURRENT);
		const refreshes = (await emulator.stats()).tokenRefreshes;
		rounds.push({ accepted: replies.filter((status) => status === 200).length, refreshesSoFar: refreshes });
	}
	const executions = await waitForExecutions(n8n, workflowId, ROUNDS * CONCURRENT);
	const stats = await emulator.stats();
	const failed = executions.filter((execution) => execution.status !== 'success');
	const lost = executions.filter((execution) => execution.status === 'success' && (outputsOf(execution, actionName)[0] ?? []).length !== 1);
	return {
		executions: executions.length,
		failedExecutions: failed.length,
		itemsLost: lost.length + (ROUNDS * CONCURRENT - executions.length),
		tokenRefreshes: stats.tokenRefreshes,
		invalidGrants: stats.invalidGrants,
		requestsWithExpiredToken: stats.expiredTokenRequests,
		rounds,
		sampleError: failed[0]?.data?.resultData?.error?.message ?? null,
	};
}

async function waitForExecutions(n8n, workflowId, count) {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const executions = await n8n.executions(workflowId);
		const done = executions.filter((execution) => execution.stoppedAt);
		if (done.length >= count || Date.now() > deadline) return done;
		await sleep(500);
	}
}

function workerShare(n8n) {
	return n8n.processes.slice(1).map((worker) => (readFileSync(worker.logFile, 'utf8').match(/Worker started execution/g) ?? []).length);
}

export async function queueMode() {
	console.log(await ensureDebianPackages());
	const redisPort = await startRedis();
	const pgPort = await startPostgres();
	const userFolder = join(workDir, 'queue');
	await installPackage(userFolder);
	const ours = await EmulatorProcess.start({ ttlSeconds: TTL_SECONDS, rateLimit: 100_000 });
	const baseline = await EmulatorProcess.start({ ttlSeconds: TTL_SECONDS, rateLimit: 100_000 });
	const n8n = await N8n.start({
		userFolder,
		workers: 2,
		extraEnv: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
		},
	});
	await n8n.setupOwner();
	const results = {};

	await check(`queue mode: the refresh storm with this package (${ROUNDS} expiries × ${CONCURRENT} concurrent webhook executions over 2 workers)`, async () => {
		const credential = await n8n.createCredential('Smartsheet (storm)', 'smartsheetOAuth2Api', {
			region: 'custom', appBaseUrl: ours.url, apiBaseUrl: ours.apiBase, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, scope: SCOPE,
		});
		await n8n.connectOAuth2(credential.id, `${ours.url}/b/authorize`);
		const workflow = await n8n.createWorkflow(
			webhookWorkflow('storm: smartsheet node', 'storm-smartsheet', {
				name: 'Smartsheet',
				type: NODE_TYPE,
				typeVersion: 1,
				parameters: { authentication: 'oAuth2', resource: 'user', operation: 'getCurrent', failureRouting: 'outputs', options: { summary: 'none' } },
				credentials: { smartsheetOAuth2Api: { id: credential.id, name: credential.name } },
			}),
			true,
		);
		const before = workerShare(n8n);
		results.smartsheetNode = await storm(n8n, ours, workflow.id, 'storm-smartsheet', 'Smartsheet');
		const share = workerShare(n8n).map((count, index) => count - before[index]);
		results.smartsheetNode.executionsPerWorker = share;
		const r = results.smartsheetNode;
		assert(r.executions === ROUNDS * CONCURRENT && r.failedExecutions === 0, `every execution succeeded (${r.executions} finished, ${r.failedExecutions} failed: ${r.sampleError})`);
		assert(r.itemsLost === 0, `no item lost (${r.itemsLost})`);
		if (coordinatedRefresh()) {
			// n8n 2.30+ holds a Redis lock around refreshes; with it, one refresh per expiry and no race.
			assert(r.invalidGrants === 0, `zero invalid_grant (${r.invalidGrants})`);
			assert(r.tokenRefreshes === ROUNDS, `exactly one refresh per expiry (${r.tokenRefreshes} for ${ROUNDS}; rounds ${JSON.stringify(r.rounds)})`);
		} else {
			// Older n8n: each worker may refresh once per expiry; the loser's invalid_grant is recovered by re-reading.
			assert(r.tokenRefreshes >= ROUNDS && r.tokenRefreshes <= ROUNDS * 2, `at most one refresh per worker per expiry (${r.tokenRefreshes})`);
		}
		assert(share.every((count) => count > 0), `executions spread over both workers (${share.join(' / ')})`);
	});

	await check('queue mode: the same storm with n8n\'s HTTP Request node and a generic OAuth2 credential (baseline, recorded)', async () => {
		const credential = await n8n.createCredential('Generic OAuth2 (storm)', 'oAuth2Api', {
			grantType: 'authorizationCode', authUrl: `${baseline.url}/b/authorize`, accessTokenUrl: `${baseline.apiBase}/token`,
			clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, scope: SCOPE, authQueryParameters: '', authentication: 'body',
		});
		await n8n.connectOAuth2(credential.id, `${baseline.url}/b/authorize`);
		const workflow = await n8n.createWorkflow(
			webhookWorkflow('storm: http request baseline', 'storm-baseline', {
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: { method: 'GET', url: `${baseline.apiBase}/users/me`, authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api', options: {} },
				credentials: { oAuth2Api: { id: credential.id, name: credential.name } },
			}),
			true,
		);
		results.httpRequestBaseline = await storm(n8n, baseline, workflow.id, 'storm-baseline', 'HTTP Request');
	});

	const file = join(cacheDir, `storm-${n8nVersion}.json`);
	writeFileSync(file, JSON.stringify({ n8nVersion, ttlSeconds: TTL_SECONDS, rounds: ROUNDS, concurrent: CONCURRENT, ...results }, null, 2));
	console.log(`\nRefresh storm, n8n ${n8nVersion}, queue mode (main + 2 workers), ${ROUNDS} expiries × ${CONCURRENT} executions (${file}):`);
	console.log('| | executions | failed | items lost | token refreshes | invalid_grant | requests with an expired token |');
	console.log('|---|---|---|---|---|---|---|');
	for (const [label, r] of [['Smartsheet node (this package)', results.smartsheetNode], ["HTTP Request + generic OAuth2 (n8n's own)", results.httpRequestBaseline]]) {
		if (r) console.log(`| ${label} | ${r.executions} | ${r.failedExecutions} | ${r.itemsLost} | ${r.tokenRefreshes} | ${r.invalidGrants} | ${r.requestsWithExpiredToken} |`);
	}
}
