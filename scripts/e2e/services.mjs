// Redis and PostgreSQL from Debian's packages, started on 127.0.0.1 with private data folders
// (queue mode). Installed with apt-get only when missing.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, run, start, waitFor, workDir } from './lib.mjs';

const PG_BIN = '/usr/lib/postgresql/15/bin';

export async function ensureDebianPackages() {
	const missing = [];
	if (!existsSync('/usr/bin/redis-server')) missing.push('redis-server');
	if (!existsSync(`${PG_BIN}/initdb`)) missing.push('postgresql');
	if (missing.length === 0) return 'redis-server and postgresql already installed';
	await run('apt-get', ['update', '-qq']);
	await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	return `installed ${missing.join(', ')}`;
}

export async function startRedis() {
	const port = await freePort();
	const dir = join(workDir, 'redis');
	mkdirSync(dir, { recursive: true });
	start('redis', '/usr/bin/redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir]);
	await waitFor('redis', async () => (await run('/usr/bin/redis-cli', ['-p', String(port), 'ping'])).includes('PONG'), 20_000);
	return port;
}

export async function startPostgres() {
	const port = await freePort();
	const dir = join(workDir, 'pg');
	const socketDir = join(workDir, 'pgsock');
	mkdirSync(dir, { recursive: true });
	mkdirSync(socketDir, { recursive: true });
	await run('chmod', ['755', workDir]);
	await run('chown', ['postgres:', dir, socketDir]);
	await run('runuser', ['-u', 'postgres', '--', `${PG_BIN}/initdb`, '-D', `${dir}/data`, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']);
	start('postgres', 'runuser', ['-u', 'postgres', '--', `${PG_BIN}/postgres`, '-D', `${dir}/data`, '-c', 'listen_addresses=127.0.0.1', '-c', `port=${port}`, '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']);
	await waitFor('postgres', async () => {
		await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-c', 'select 1']);
		return true;
	}, 30_000);
	await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-c', 'create database n8n;']);
	return port;
}
