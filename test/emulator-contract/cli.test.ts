// `npm run emulator`: one line with the URL when ready, clear errors (exit 2) for bad flags, a
// clean stop on SIGTERM.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { describe, test } from 'node:test';

import { startEmulator } from '../emulator';

// Node with tsx's loader, not the tsx command: the command relays signals to a child process and
// kills it when the child has not confirmed within 30 ms, which a busy machine can miss.
function run(args: string[]): ChildProcessWithoutNullStreams {
	return spawn(process.execPath, ['--import', 'tsx', 'test/emulator/cli.ts', ...args], {
		stdio: 'pipe',
	});
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('\n')) resolve(out);
		});
		child.on('exit', (code) => reject(new Error(`exited ${code} before printing`)));
	});
}

/** The exit code, once the process has ended and its output is all read. */
function exit(child: ChildProcessWithoutNullStreams): Promise<number | null> {
	return new Promise((resolve) =>
		child.exitCode !== null && child.stdout.closed
			? resolve(child.exitCode)
			: child.on('close', (code) => resolve(code)),
	);
}

describe('command line', () => {
	test('prints exactly one line with its URL, answers there with the given PAT and limits, stops cleanly on SIGTERM', async () => {
		const child = run([
			'--port',
			'0',
			'--rate-limit',
			'2',
			'--pat',
			'cli-pat-0123456789abcdef',
			'--retry-after',
			'4',
			'--no-seed',
		]);
		try {
			const line = await firstLine(child);
			const match =
				/^Smartsheet emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(API http:\/\/127\.0\.0\.1:\2\/2\.0\)\n$/.exec(
					line,
				);
			assert.ok(match, line);
			const url = match[1];
			const headers = { authorization: 'Bearer cli-pat-0123456789abcdef' };
			assert.equal((await fetch(`${url}/2.0/users/me`, { headers })).status, 200);
			const sheets = (await (await fetch(`${url}/2.0/sheets`, { headers })).json()) as any;
			assert.equal(sheets.totalCount, 0, '--no-seed');
			const limited = await fetch(`${url}/2.0/users/me`, { headers });
			assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '4']);
			assert.equal(
				(
					await fetch(`${url}/2.0/users/me`, {
						headers: { authorization: 'Bearer demo-personal-access-token-000001' },
					})
				).status,
				401,
			);
			child.kill('SIGTERM');
			assert.equal(await exit(child), 0);
		} finally {
			child.kill('SIGKILL');
		}
	});

	test('takes --flag=value and the OAuth app flags', async () => {
		const child = run([
			'--port=0',
			'--client-id',
			'cli-app',
			'--client-secret=cli-secret',
			'--redirect-uri',
			'http://127.0.0.1:9/cb',
			'--access-token-ttl',
			'120',
		]);
		try {
			const url = /listening on (\S+) /.exec(await firstLine(child))![1];
			const pair = (await (
				await fetch(`${url}/__admin/tokens`, { method: 'POST', body: '{"clientId":"cli-app"}' })
			).json()) as any;
			assert.equal(pair.expires_in, 120);
			const redirect = await fetch(
				`${url}/b/authorize?response_type=code&client_id=cli-app&scope=READ_SHEETS`,
				{ redirect: 'manual' },
			);
			assert.match(redirect.headers.get('location')!, /^http:\/\/127\.0\.0\.1:9\/cb\?code=/);
		} finally {
			child.kill('SIGINT');
			assert.equal(await exit(child), 0);
		}
	});

	test('a port in use: a clear message and exit code 1', async () => {
		const taken = await startEmulator({ port: 0 });
		try {
			const child = run(['--port', String(taken.port)]);
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			assert.equal(await exit(child), 1);
			assert.match(stderr, new RegExp(`port ${taken.port} is already in use`));
		} finally {
			await taken.close();
		}
	});

	test('bad flags: a clear message and exit code 2', async () => {
		const cases = [
			[['--bogus'], /unknown flag --bogus/],
			[['--port', 'eighty'], /--port needs a whole number/],
			[['--port', '70000'], /--port needs a whole number from 0 to 65535/],
			[['--rate-limit'], /--rate-limit needs a value/],
			[['--client-id', 'x'], /--client-id and --client-secret go together/],
			[['--no-seed=1'], /--no-seed takes no value/],
		] as Array<[string[], RegExp]>;
		await Promise.all(
			cases.map(async ([args, message]) => {
				const child = run(args);
				let stderr = '';
				child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
				assert.equal(await exit(child), 2, args.join(' '));
				assert.match(stderr, message);
			}),
		);
	});
});
