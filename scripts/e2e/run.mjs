// npm run e2e: this package inside a real n8n (N8N_VERSION, default 2.41.1), single process, then
// queue mode with the refresh storm. E2E_ONLY=single|queue runs one part.
// Ends with "N passed, M failed" and a non-zero exit on any failure.
import { project, results, run, stopAll, n8nVersion } from './lib.mjs';
import { queueMode } from './queueMode.mjs';
import { singleProcess } from './singleProcess.mjs';

async function main() {
	console.log(`== real n8n ${n8nVersion}: install (cached after the first run)`);
	console.log((await run('bash', [`${project}/scripts/e2e/install-n8n.sh`])).trim());
	console.log('== single process (SQLite)');
	if (process.env.E2E_ONLY !== 'queue') await singleProcess();
	await stopAll();
	if (process.env.E2E_ONLY !== 'single') {
		console.log('== queue mode (Redis + PostgreSQL, main + 2 workers)');
		await queueMode();
	}
}

let code = 0;
try {
	await main();
} catch (error) {
	results.failed++;
	console.log(`FAIL e2e aborted: ${error.stack ?? error.message}`);
} finally {
	await stopAll();
	console.log(`${results.passed} passed, ${results.failed} failed`);
	code = results.failed > 0 ? 1 : 0;
}
process.exit(code);
