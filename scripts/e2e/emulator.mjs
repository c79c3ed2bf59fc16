// The Smartsheet emulator as a separate process (as users run it), plus its admin API.
import { readFileSync } from 'node:fs';

import { fatal, freePort, project, start, waitFor } from './lib.mjs';

export const CLIENT = { clientId: 'e2e-client-id', clientSecret: 'e2e-client-secret-0123456789' };
export const PAT = 'e2e-personal-access-token-0123456789';

export class EmulatorProcess {
	static async start({ ttlSeconds = 604799, redirectUri, rateLimit = 300, latencyMs } = {}) {
		const port = await freePort();
		const args = [
			'test/emulator/cli.ts',
			'--port',
			String(port),
			'--access-token-ttl',
			String(ttlSeconds),
			'--rate-limit',
			String(rateLimit),
			'--pat',
			PAT,
			'--client-id',
			CLIENT.clientId,
			'--client-secret',
			CLIENT.clientSecret,
		];
		if (redirectUri) args.push('--redirect-uri', redirectUri);
		if (latencyMs) args.push('--latency-ms', String(latencyMs));
		const child = start(`emulator-${port}`, `${project}/node_modules/.bin/tsx`, args, {
			cwd: project,
			env: { ...process.env, PATH: `${project}/node_modules/.bin:${process.env.PATH}` },
		});
		const emulator = new EmulatorProcess(port, child);
		await waitFor(
			'the emulator',
			async () => {
				if (child.exitCode !== null)
					throw fatal(
						`the emulator exited (${child.exitCode}):\n${readFileSync(child.logFile, 'utf8').slice(0, 1500)}`,
					);
				return (await fetch(`${emulator.url}/__admin/stats`)).ok;
			},
			30_000,
		);
		return emulator;
	}

	constructor(port, child) {
		this.port = port;
		this.child = child;
		this.url = `http://127.0.0.1:${port}`;
		this.apiBase = `${this.url}/2.0`;
	}

	async admin(method, path, body) {
		const response = await fetch(`${this.url}/__admin${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`emulator admin ${path}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	}

	async stats() {
		return await this.admin('GET', '/stats');
	}
}
