// Queue mode: Redis and PostgreSQL from Debian's packages, n8n main plus two `n8n worker`
// processes, the package loaded in each; then the refresh storm (storm.mjs) spread over both workers,
// and one token shared by several workflows on both workers for minutes (sharedCredential.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { complaintsAbout } from './analysis.mjs';
import { assert, check, freePort, workDir } from './lib.mjs';
import { installPackage, N8n, NODE_TYPE } from './n8n.mjs';
import { ensureDebianPackages, startPostgres, startRedis } from './services.mjs';
import { sharedCredentialChecks } from './sharedCredential.mjs';
import { stormChecks } from './storm.mjs';

const WORKERS = 2;

export async function queueMode() {
	console.log(await ensureDebianPackages());
	const redisPort = await startRedis();
	const pgPort = await startPostgres();
	const userFolder = join(workDir, 'queue');
	await installPackage(userFolder);
	const n8n = await N8n.start({
		userFolder,
		port: await freePort(),
		workers: WORKERS,
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

	await check(
		'queue mode: main and both workers load the package with no error or warning about it',
		async () => {
			for (const child of n8n.processes) {
				const complaints = complaintsAbout(
					readFileSync(child.logFile, 'utf8'),
					/smartsheet|community (node|package)/i,
				);
				assert(complaints.length === 0, `${child.name}: ${complaints.join(' | ')}`);
			}
			const nodes = (await n8n.http.request('GET', '/types/nodes.json')).json;
			assert(
				nodes.some((node) => node.name === NODE_TYPE),
				`${NODE_TYPE} loaded on main`,
			);
		},
	);

	await stormChecks(n8n, { mode: 'queue', workers: WORKERS });
	if (process.env.E2E_SHARED !== '0')
		await sharedCredentialChecks(n8n, { mode: 'queue', workers: WORKERS });
}
