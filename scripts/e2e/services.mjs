// Redis and PostgreSQL from Debian's packages, started on 127.0.0.1 with private data folders for
// queue mode (https://docs.n8n.io/hosting/scaling/queue-mode/). Installed with apt-get only when missing; stopped by stopAll().
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, run, start, waitFor, workDir } from './lib.mjs';

function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

export async function ensureDebianPackages() {
	const missing = [];
	if (!existsSync('/usr/bin/redis-server') || !existsSync('/usr/bin/redis-cli'))
		missing.push('redis-server');
	if (!postgresBin() || !existsSync('/usr/bin/psql')) missing.push('postgresql');
	if (missing.length === 0)
		return `redis-server and PostgreSQL ${postgresBin().split('/').at(-2)} already installed`;
	if (process.getuid?.() !== 0)
		throw new Error(
			`${missing.join(' and ')} missing; installing them needs root (apt-get install ${missing.join(' ')})`,
		);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update', '-qq'], { env });
	await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
	return `installed ${missing.join(', ')} with apt-get`;
}

export async function startRedis() {
	const port = await freePort();
	const dir = join(workDir, 'redis');
	mkdirSync(dir, { recursive: true });
	const child = start('redis', '/usr/bin/redis-server', [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
	]);
	await waitFor(
		'redis',
		async () => {
			if (child.exitCode !== null) throw new Error(`redis exited; see ${child.logFile}`);
			return (
				await run('/usr/bin/redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'])
			).includes('PONG');
		},
		20_000,
	);
	return port;
}

/** initdb as the postgres user (PostgreSQL refuses to run as root), then the server in the foreground of its own process group. */
export async function startPostgres() {
	const bin = postgresBin();
	const port = await freePort();
	const dir = join(workDir, 'pg');
	const socketDir = join(workDir, 'pgsock');
	mkdirSync(dir, { recursive: true });
	mkdirSync(socketDir, { recursive: true });
	chmodSync(workDir, 0o755);
	await run('chown', ['postgres:', dir, socketDir]);
	await run('runuser', [
		'-u',
		'postgres',
		'--',
		`${bin}/initdb`,
		'-D',
		`${dir}/data`,
		'-U',
		'n8n',
		'--auth=trust',
		'-E',
		'UTF8',
	]);
	// SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients to disconnect).
	const child = start(
		'postgres',
		'runuser',
		[
			'-u',
			'postgres',
			'--',
			`${bin}/postgres`,
			'-D',
			`${dir}/data`,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`port=${port}`,
			'-c',
			`unix_socket_directories=${socketDir}`,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		],
		{ stopSignal: 'SIGINT' },
	);
	const psql = (sql) =>
		run('psql', [
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'n8n',
			'-d',
			'postgres',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		]);
	await waitFor(
		'postgres',
		async () => {
			if (child.exitCode !== null) throw new Error(`postgres exited; see ${child.logFile}`);
			await psql('select 1');
			return true;
		},
		30_000,
	);
	await psql('create database n8n;');
	return port;
}
