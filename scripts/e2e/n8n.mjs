// Starting n8n (single process or queue mode) with this package installed as a community
// package, and driving it headless: owner, API key, credentials, workflows, executions, and the
// OAuth2 Connect button.
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { join } from 'node:path';

import {
	agreesWithLastRead,
	atLeast,
	fatal,
	freePort,
	Http,
	n8nBin,
	nodeEnv,
	project,
	run,
	start,
	waitFor,
	workDir,
} from './lib.mjs';

export const PACKAGE = 'n8n-nodes-smartsheet-resilient';
export const NODE_TYPE = `${PACKAGE}.smartsheet`;

let tarball;

/**
 * `npm run build` and `npm pack`, in a copy of the package's sources under the run's scratch folder
 * (the project's own dist/ is left alone), once per run. Returns the tarball's path.
 */
export async function packPackage() {
	tarball ??= (async () => {
		const stage = join(workDir, 'package-build');
		rmSync(stage, { recursive: true, force: true });
		mkdirSync(stage, { recursive: true });
		for (const entry of [
			'package.json',
			'tsconfig.json',
			'.npmrc',
			'README.md',
			'LICENSE.md',
			'nodes',
			'credentials',
			'icons',
		]) {
			if (existsSync(join(project, entry)))
				cpSync(join(project, entry), join(stage, entry), { recursive: true });
		}
		symlinkSync(join(project, 'node_modules'), join(stage, 'node_modules'));
		const env = { ...process.env, ...nodeEnv() };
		await run('npm', ['run', 'build'], { cwd: stage, env });
		const packDir = join(workDir, 'pack');
		mkdirSync(packDir, { recursive: true });
		await run('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], {
			cwd: stage,
			env,
		});
		const file = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
		if (!file) throw new Error('npm pack produced no tarball');
		return join(packDir, file);
	})();
	return await tarball;
}

/**
 * Installs the packed package the way n8n's community-package installer leaves it:
 * `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>`, unpacked from the tarball.
 */
export async function installPackage(userFolder) {
	const file = await packPackage();
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', file, '--strip-components=1', '-C', target]);
	const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
	for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!existsSync(join(target, entry))) throw new Error(`the packed package lacks ${entry}`);
	}
	return target;
}

/** The environment n8n runs in here: everything on 127.0.0.1, nothing phoning home. */
export async function baseEnv(userFolder, port, extra = {}) {
	return {
		...process.env,
		...nodeEnv(),
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
		...(atLeast(2, 36) ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL ?? 'info',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		...extra,
	};
}

export class N8n {
	constructor(port, env, processes) {
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.callbackUrl = `${this.url}/rest/oauth2-credential/callback`;
		this.env = env;
		this.processes = processes;
		this.http = new Http(this.url);
		this.apiKey = null;
	}

	get main() {
		return this.processes[0];
	}

	get workers() {
		return this.processes.slice(1);
	}

	/** Starts `n8n start` (and `workers` × `n8n worker` once main has migrated the database) and waits until all are ready. */
	static async start({ userFolder, extraEnv = {}, workers = 0, port: wanted }) {
		const port = wanted ?? (await freePort());
		const env = await baseEnv(userFolder, port, extraEnv);
		const main = start(`n8n-main-${port}`, n8nBin, ['start'], { env, tier: 0 });
		const n8n = new N8n(port, env, [main]);
		const exited = (child) => {
			if (child.exitCode !== null || child.signalCode !== null)
				throw fatal(
					`${child.name} exited (${child.exitCode ?? child.signalCode}); see ${child.logFile}:\n${readFileSync(child.logFile, 'utf8').slice(-2000)}`,
				);
		};
		await waitFor(
			'n8n readiness',
			async () => {
				exited(main);
				const response = await fetch(`${n8n.url}/healthz/readiness`);
				// 2.8 reports ready before its REST routes exist; wait for those too.
				return response.ok && (await fetch(`${n8n.url}/rest/settings`)).ok;
			},
			180_000,
		);
		// Workers start once main has migrated the database (concurrent migrations collide on 2.8).
		for (let index = 0; index < workers; index++) {
			const workerEnv = {
				...env,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			};
			const worker = start(`n8n-worker-${index + 1}`, n8nBin, ['worker', '--concurrency=10'], {
				env: workerEnv,
				tier: 0,
			});
			worker.healthPort = workerEnv.QUEUE_HEALTH_CHECK_PORT;
			n8n.processes.push(worker);
		}
		for (const worker of n8n.workers) {
			await waitFor(
				`${worker.name} readiness`,
				async () => {
					exited(worker);
					return (await fetch(`http://127.0.0.1:${worker.healthPort}/healthz/readiness`)).ok;
				},
				120_000,
			);
		}
		return n8n;
	}

	/** Owner account (the n8n-auth cookie) and an API key with every scope. */
	async setupOwner() {
		await this.http.request('POST', '/rest/owner/setup', {
			body: { email: 'ci@example.com', firstName: 'CI', lastName: 'Bot', password: 'CiPassw0rd!x' },
		});
		const scopes = (await this.http.request('GET', '/rest/api-keys/scopes')).json.data;
		const key = await this.http.request('POST', '/rest/api-keys', {
			body: { label: 'e2e', scopes, expiresAt: null },
		});
		this.apiKey = key.json.data.rawApiKey;
	}

	async api(method, path, body) {
		return (
			await this.http.request(method, `/api/v1${path}`, {
				body,
				headers: { 'X-N8N-API-KEY': this.apiKey },
			})
		).json;
	}

	async createCredential(name, type, data) {
		// n8n 2.8's public API schema demands fields of flows a credential does not use (dynamic
		// client registration, client-credentials body properties, domain allow-lists): it names
		// one layer at a time, so fill what it asks for, a few rounds at most.
		const filler = {
			serverUrl: '',
			sendAdditionalBodyProperties: false,
			additionalBodyProperties: '',
			useDynamicClientRegistration: false,
			allowedHttpRequestDomains: 'all',
			allowedDomains: '',
		};
		let body = { ...data };
		for (let round = 0; ; round++) {
			try {
				return await this.api('POST', '/credentials', { name, type, data: body });
			} catch (error) {
				const missing = [...String(error.message).matchAll(/requires property \\?"(\w+)\\?"/g)].map(
					(match) => match[1],
				);
				if (missing.length === 0 || round >= 5) throw error;
				body = { ...body, ...Object.fromEntries(missing.map((key) => [key, filler[key] ?? ''])) };
			}
		}
	}

	async createWorkflow(workflow, activate = false) {
		const created = await this.api('POST', '/workflows', {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: workflow.settings ?? { executionOrder: 'v1' },
		});
		if (activate) await this.api('POST', `/workflows/${created.id}/activate`);
		return created;
	}

	/** Runs a workflow from its manual trigger (n8n's internal route, as the editor does) and waits for the execution. */
	async runManually(workflowId, triggerName) {
		const workflowData = (await this.http.request('GET', `/rest/workflows/${workflowId}`)).json
			.data;
		const started = await this.http.request('POST', `/rest/workflows/${workflowId}/run`, {
			body: { workflowData, triggerToStartFrom: { name: triggerName } },
		});
		const executionId = started.json.data.executionId;
		if (!executionId) throw new Error(`n8n started no execution: ${started.text.slice(0, 300)}`);
		return await this.waitForExecution(executionId);
	}

	/** The finished execution, once two reads in a row agree (see agreesWithLastRead). */
	async waitForExecution(executionId, timeoutMs = 120_000) {
		const settled = agreesWithLastRead();
		return await waitFor(
			`execution ${executionId}`,
			async () => {
				const execution = await this.api('GET', `/executions/${executionId}?includeData=true`);
				const finished =
					execution &&
					execution.stoppedAt &&
					!['running', 'new', 'waiting'].includes(execution.status);
				return finished && settled(execution) ? execution : null;
			},
			timeoutMs,
			300,
		);
	}

	/**
	 * The Connect button, headless, as a browser does it: n8n's authorize URL (with the session
	 * cookie) → the provider's consent page (the emulator approves at once and redirects) → n8n's
	 * callback with code and state (with the cookie), which exchanges the code and stores the tokens.
	 * Returns the authorize URL n8n built.
	 */
	async connectOAuth2(credentialId, expectedAuthorizeUrl) {
		const authUrl = (
			await this.http.request('GET', `/rest/oauth2-credential/auth?id=${credentialId}`)
		).json.data;
		const parsed = new URL(authUrl);
		if (`${parsed.origin}${parsed.pathname}` !== expectedAuthorizeUrl)
			throw new Error(
				`authorize URL ${parsed.origin}${parsed.pathname} is not ${expectedAuthorizeUrl}`,
			);
		const query = parsed.searchParams;
		if (query.get('redirect_uri') !== this.callbackUrl)
			throw new Error(
				`redirect_uri ${query.get('redirect_uri')} is not n8n's callback ${this.callbackUrl}`,
			);
		if (query.get('response_type') !== 'code' || !query.get('state') || !query.get('client_id'))
			throw new Error(`authorize URL lacks response_type=code, state or client_id: ${authUrl}`);
		const consent = await fetch(authUrl, { redirect: 'manual' });
		const back = consent.headers.get('location');
		if (consent.status !== 302 || !back?.startsWith(`${this.callbackUrl}?`))
			throw new Error(
				`the consent page did not redirect to n8n's callback (${consent.status}, ${back})`,
			);
		const backQuery = new URL(back).searchParams;
		if (!backQuery.get('code') || backQuery.get('state') !== query.get('state'))
			throw new Error(`the redirect lacks the code or the state: ${back}`);
		const done = await this.http.request('GET', back.slice(this.url.length), { raw: true });
		// n8n answers 200 either way: the success page posts 'success', the error page says "Failed to connect".
		if (
			done.status !== 200 ||
			/Failed to connect/.test(done.text) ||
			!/postMessage\('success'/.test(done.text)
		) {
			const reason = /<h4>(.*?)<\/h4>/s.exec(done.text)?.[1] ?? done.text.slice(0, 300);
			throw new Error(`n8n's callback did not connect (${done.status}): ${reason}`);
		}
		return authUrl;
	}

	/** All finished executions of a workflow, with their data. */
	async executions(workflowId) {
		const all = [];
		let cursor;
		do {
			const page = await this.api(
				'GET',
				`/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
			);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	}
}
