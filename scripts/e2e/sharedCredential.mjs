// Several workflows on one Smartsheet token, executed by several queue-mode workers at once, for
// minutes, against the emulator's 300 requests a minute per token and Smartsheet-like latency: the
// field case where each worker's own pace is not enough. Each worker's node lowers its rate for the
// credential on a 429 and raises it slowly, so the workers settle under the limit together; this run
// measures the aggregate rate, the 429s and the items on Throttled, and checks that no item is lost.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { outputsOf } from './analysis.mjs';
import { EmulatorProcess, PAT } from './emulator.mjs';
import { assert, cacheDir, check, n8nVersion, sleep } from './lib.mjs';
import { NODE_TYPE } from './n8n.mjs';
import { webhookWorkflow } from './storm.mjs';

const SECONDS = Number(process.env.E2E_SHARED_SECONDS ?? 130);
const WORKFLOWS = 3;
/** Webhook calls kept in flight: far more than 300 a minute would need, so the limit, not n8n, binds. */
const IN_FLIGHT = 12;
const LIMIT_PER_MINUTE = 300;
const LATENCY_MS = '150-350';

function workflow(index, credential) {
	const path = `shared-credential-${index}`;
	const smartsheet = {
		name: 'Smartsheet',
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: {
			authentication: 'accessToken',
			resource: 'user',
			operation: 'getCurrent',
			failureRouting: 'outputs',
			options: { summary: 'none' },
		},
		credentials: { smartsheetApi: { id: credential.id, name: credential.name } },
	};
	return {
		path,
		definition: webhookWorkflow(`Shared credential ${index}`, path, smartsheet, 'noData'),
	};
}

/**
 * Keeps IN_FLIGHT webhook calls going, round robin over the workflows, until the deadline; returns
 * how many were sent and how n8n answered them (status, or the error of a call that got no answer).
 */
async function drive(n8n, paths, deadline) {
	let sent = 0;
	const replies = {};
	const count = (key) => (replies[key] = (replies[key] ?? 0) + 1);
	const lane = async () => {
		while (Date.now() < deadline) {
			const path = paths[sent++ % paths.length];
			try {
				const reply = await fetch(`${n8n.url}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
					signal: AbortSignal.timeout(120_000),
				});
				await reply.arrayBuffer();
				count(reply.status);
			} catch (error) {
				count(error.name ?? 'error');
				await sleep(200); // the items are counted from the executions, not the replies
			}
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
	return { sent, replies };
}

async function finishedExecutions(n8n, workflowIds, started) {
	// Executions still queued when the driver stopped finish within the next seconds.
	let previous = -1;
	for (let waited = 0; waited < 60; waited++) {
		const all = (await Promise.all(workflowIds.map((id) => n8n.executions(id)))).flat();
		const running = all.filter(
			(execution) => !execution.stoppedAt || ['running', 'new'].includes(execution.status),
		).length;
		if (running === 0 && all.length === previous) return all;
		previous = all.length;
		await sleep(1000);
	}
	throw new Error(
		`executions still running ${Math.round((Date.now() - started) / 1000)} s after the start`,
	);
}

export async function sharedCredentialChecks(n8n, { mode, workers }) {
	const emulator = await EmulatorProcess.start({
		rateLimit: LIMIT_PER_MINUTE,
		latencyMs: LATENCY_MS,
	});
	const credential = await n8n.createCredential(`Smartsheet (shared, ${mode})`, 'smartsheetApi', {
		region: 'custom',
		apiBaseUrl: emulator.apiBase,
		accessToken: PAT,
		allowedHttpRequestDomains: 'all',
	});
	const flows = [];
	for (let index = 1; index <= WORKFLOWS; index++) {
		const { path, definition } = workflow(index, credential);
		flows.push({ path, created: await n8n.createWorkflow(definition, true) });
	}
	const label = `${WORKFLOWS} workflows on one token over ${workers} workers, ${IN_FLIGHT} calls in flight for ${SECONDS} s, emulator at ${LIMIT_PER_MINUTE}/min with ${LATENCY_MS} ms latency`;
	let result;
	await check(
		`${mode}: one credential shared by ${label}: every item on exactly one output, none on Throttled, at most 2 % of requests answered 429, at least 85 % of the limit used`,
		async () => {
			const before = await emulator.stats();
			const started = Date.now();
			const { sent: calls, replies } = await drive(
				n8n,
				flows.map((flow) => flow.path),
				started + SECONDS * 1000,
			);
			const executions = await finishedExecutions(
				n8n,
				flows.map((flow) => flow.created.id),
				started,
			);
			const after = await emulator.stats();
			const seconds = (Date.now() - started) / 1000;
			const outputs = executions.map((execution) => outputsOf(execution, 'Smartsheet'));
			const onOutput = (index) =>
				outputs.reduce((sum, execution) => sum + (execution[index]?.length ?? 0), 0);
			const requests = after.requests - before.requests;
			const answered429 = after.rateLimited - before.rateLimited;
			const items = outputs.reduce(
				(sum, execution) => sum + execution.reduce((count, items) => count + items.length, 0),
				0,
			);
			result = {
				n8nVersion,
				mode,
				workers,
				workflows: WORKFLOWS,
				seconds: Number(seconds.toFixed(1)),
				calls,
				replies,
				executions: executions.length,
				failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
				items,
				requests,
				requestsPerMinute: Math.round((requests / seconds) * 60),
				ceilingPerMinute: LIMIT_PER_MINUTE,
				answered429,
				successItems: onOutput(0),
				throttledItems: onOutput(4),
			};
			mkdirSync(cacheDir, { recursive: true });
			writeFileSync(
				join(cacheDir, `shared-${n8nVersion}-${mode}.json`),
				JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2),
			);
			console.log(`  shared credential: ${JSON.stringify(result)}`);
			assert(
				result.failedExecutions === 0,
				`every execution succeeded (${result.failedExecutions} failed)`,
			);
			assert(
				items === executions.length,
				`one item per execution on exactly one output (${items} items, ${executions.length} executions)`,
			);
			assert(result.throttledItems === 0, `no item on Throttled (${result.throttledItems})`);
			assert(
				answered429 <= Math.ceil(requests * 0.02),
				`at most 2 % of requests answered 429 (${answered429} of ${requests})`,
			);
			assert(
				result.requestsPerMinute >= LIMIT_PER_MINUTE * 0.85,
				`the workers together use at least 85 % of the token's ${LIMIT_PER_MINUTE} a minute (${result.requestsPerMinute})`,
			);
		},
	);
	return result;
}
