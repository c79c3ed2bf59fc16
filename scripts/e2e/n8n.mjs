// Starting n8n (single process or queue mode) with this package installed as a community
// package, and driving it headless: owner, API key, credentials, workflows, executions.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, Http, n8nBin, n8nVersion, project, run, start, waitFor, workDir } from './lib.mjs';

export const PACKAGE = 'n8n-nodes-smartsheet-resilient';
export const NODE_TYPE = `${PACKAGE}.smartsheet`;

/** Builds the package, packs it, and unpacks it where n8n installs community packages. */
export async function installPackage(userFolder) {
	await run('npm', ['run', 'build'], { cwd: project });
	const packDir = join(workDir, 'pack');
	mkdirSync(packDir, { recursive: true });
	await run('npm', ['pack', '--pack-destination', packDir], { cwd: project });
	const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'));
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', join(packDir, tarball), '--strip-components=1', '-C', target]);
	return target;
}

function needsNode24() {
	const [major, minor] = n8nVersion.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 36);
}

/** n8n 2.36+ runs on the project's Node 24; older ones on the machine's Node 20. */
function nodePath() {
	const withoutProjectNode = process.env.PATH.split(':').filter((dir) => !dir.startsWith(project)).join(':');
	return needsNode24() ? `${project}/node_modules/.bin:${withoutProjectNode}` : withoutProjectNode;
}

export async function baseEnv(userFolder, port, extra = {}) {
	return {
		...process.env,
		PATH: nodePath(),
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: 'e2e-encryption-key-0123456789',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// 2.41 fetches an MCP server list from api.n8n.io at start; 2.8 does not know the module.
		...(needsNode24() ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_LOG_LEVEL: 'info',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...extra,
	};
}

export class N8n {
	constructor(port, env, processes) {
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.env = env;
		this.processes = processes;
		this.http = new Http(this.url);
		this.apiKey = null;
	}

	static async start({ userFolder, extraEnv = {}, workers = 0, port: wanted }) {
		const port = wanted ?? (await freePort());
		const env = await baseEnv(userFolder, port, extraEnv);
		const main = start(`n8n-main-${port}`, n8nBin, ['start'], { env });
		const n8n = new N8n(port, env, [main]);
		await waitFor('n8n readiness', async () => {
			if (main.exitCode !== null) throw new Error(`n8n exited (${main.exitCode}); see ${main.logFile}`);
			const response = await fetch(`${n8n.url}/healthz/readiness`);
			// 2.8 reports ready before its REST routes exist; wait for those too.
			return response.ok && (await fetch(`${n8n.url}/rest/settings`)).ok;
		}, 180_000);
		// Workers start once main has migrated the database (concurrent migrations collide on 2.8).
		for (let index = 0; index < workers; index++) {
			const workerEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_PORT: String(await freePort()) };
			const worker = start(`n8n-worker-${index + 1}`, n8nBin, ['worker', '--concurrency=10'], { env: workerEnv });
			worker.healthPort = workerEnv.QUEUE_HEALTH_CHECK_PORT;
			n8n.processes.push(worker);
		}
		for (const worker of n8n.processes.slice(1)) {
			await waitFor(`worker ${worker.name}`, async () => (await fetch(`http://127.0.0.1:${worker.healthPort}/healthz`)).ok, 120_000);
		}
		return n8n;
	}

	async setupOwner() {
		await this.http.request('POST', '/rest/owner/setup', {
			body: { email: 'ci@example.com', firstName: 'CI', lastName: 'Bot', password: 'CiPassw0rd!x' },
		});
		const scopes = (await this.http.request('GET', '/rest/api-keys/scopes')).json.data;
		const key = await this.http.request('POST', '/rest/api-keys', { body: { label: 'e2e', scopes, expiresAt: null } });
		this.apiKey = key.json.data.rawApiKey;
	}

	async api(method, path, body) {
		return (await this.http.request(method, `/api/v1${path}`, { body, headers: { 'X-N8N-API-KEY': this.apiKey } })).json;
	}

	async createCredential(name, type, data) {
		// n8n 2.8's public API schema demands fields of flows a credential does not use (dynamic
		// client registration, client-credentials body properties, domain allow-lists): it names
		// one layer at a time, so fill what it asks for, a few rounds at most.
		const filler = { serverUrl: '', sendAdditionalBodyProperties: false, additionalBodyProperties: '', useDynamicClientRegistration: false, allowedHttpRequestDomains: 'all', allowedDomains: '' };
		let body = { ...data };
		for (let round = 0; ; round++) {
			try {
				return await this.api('POST', '/credentials', { name, type, data: body });
			} catch (error) {
				const missing = [...String(error.message).matchAll(/requires property \\?"(\w+)\\?"/g)].map((match) => match[1]);
				if (missing.length === 0 || round >= 5) throw error;
				body = { ...body, ...Object.fromEntries(missing.map((key) => [key, filler[key] ?? ''])) };
			}
		}
	}

	async createWorkflow(workflow, activate = false) {
		const created = await this.api('POST', '/workflows', { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings ?? { executionOrder: 'v1' } });
		if (activate) await this.api('POST', `/workflows/${created.id}/activate`);
		return created;
	}

	/** Runs a workflow from its manual trigger (n8n's internal route) and waits for the execution. */
	async runManually(workflowId, triggerName) {
		const workflowData = (await this.http.request('GET', `/rest/workflows/${workflowId}`)).json.data;
		const started = await this.http.request('POST', `/rest/workflows/${workflowId}/run`, {
			body: { workflowData, triggerToStartFrom: { name: triggerName } },
		});
		const executionId = started.json.data.executionId;
		return await this.waitForExecution(executionId);
	}

	async waitForExecution(executionId, timeoutMs = 120_000) {
		return await waitFor(`execution ${executionId}`, async () => {
			const execution = await this.api('GET', `/executions/${executionId}?includeData=true`);
			return execution && execution.finished !== undefined && execution.status !== 'running' && execution.status !== 'new' && execution.stoppedAt ? execution : null;
		}, timeoutMs, 300);
	}

	/**
	 * The Connect button, headless: n8n's authorize URL → the provider's consent page (the emulator
	 * approves at once) → n8n's callback, which exchanges the code and stores the tokens.
	 */
	async connectOAuth2(credentialId, expectedAuthorizeBase) {
		const callback = `${this.url}/rest/oauth2-credential/callback`;
		const authUrl = (await this.http.request('GET', `/rest/oauth2-credential/auth?id=${credentialId}`)).json.data;
		if (!authUrl.startsWith(expectedAuthorizeBase)) throw new Error(`authorize URL ${authUrl.split('?')[0]} is not ${expectedAuthorizeBase}`);
		if (new URL(authUrl).searchParams.get('redirect_uri') !== callback) throw new Error("redirect_uri is not n8n's callback");
		const consent = await fetch(authUrl, { redirect: 'manual' });
		const back = consent.headers.get('location');
		if (consent.status !== 302 || !back?.startsWith(callback)) throw new Error(`the consent page did not redirect to n8n (${consent.status})`);
		const done = await this.http.request('GET', back.slice(this.url.length), { raw: true });
		if (done.status !== 200) throw new Error(`n8n's callback failed (${done.status}: ${done.text.slice(0, 200)})`);
	}

	async executions(workflowId) {
		const all = [];
		let cursor;
		do {
			const page = await this.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	}
}

/** Items that left each output of a node in an execution. */
export function outputsOf(execution, nodeName) {
	const run = execution.data?.resultData?.runData?.[nodeName]?.[0];
	return (run?.data?.main ?? []).map((items) => (items ?? []).map((item) => item.json));
}

export function errorOf(execution) {
	const error = execution.data?.resultData?.error;
	return error ? `${error.message}${error.description ? ` (${error.description})` : ''} at ${error.node?.name ?? '?'}` : 'no error recorded';
}
