// npm run e2e: this package inside a real n8n (N8N_VERSION, default 2.41.1): single process with
// SQLite, then queue mode (Redis + PostgreSQL, main + 2 workers) with the refresh storm.
//   E2E_ONLY=single|queue   one part only
//   E2E_CACHE=<dir>         where n8n is installed (default ~/.cache/n8n-smartsheet-e2e)
//   E2E_KEEP=1              keep the scratch folder (logs, databases) even when everything passed
// Prints PASS/FAIL lines, ends with "N passed, M failed"; exit code 1 on any failure. Stops every
// process it started (also on failure or Ctrl+C); the scratch folder is kept only after a failure.
import { ensureN8n } from './install.mjs';
import {
	abort,
	n8nVersion,
	removeWorkDir,
	results,
	seconds,
	stopAll,
	stopOnSignals,
	workDir,
} from './lib.mjs';
import { queueMode } from './queueMode.mjs';
import { singleProcess } from './singleProcess.mjs';

const only = process.env.E2E_ONLY;
if (only && !['single', 'queue'].includes(only)) {
	console.error(`E2E_ONLY must be "single" or "queue", not "${only}"`);
	process.exit(2);
}
const timings = [];

async function part(name, fn) {
	const started = Date.now();
	console.log(`\n== ${name}`);
	try {
		await fn();
	} catch (error) {
		abort(name, error);
	} finally {
		await stopAll();
		timings.push(`${name.split(' (')[0]} ${seconds(started)}`);
	}
}

const started = Date.now();
stopOnSignals(() => console.log(`${results.passed} passed, ${results.failed + 1} failed`));
console.log(`== real n8n ${n8nVersion} end to end (scratch folder ${workDir})`);
await part(`install n8n ${n8nVersion} (cached after the first run)`, async () =>
	console.log(await ensureN8n()),
);
if (results.failed === 0) {
	if (only !== 'queue') await part('single process (SQLite)', singleProcess);
	if (only !== 'single') await part('queue mode (Redis + PostgreSQL, main + 2 workers)', queueMode);
}
await stopAll();
console.log(`\ntimings: ${timings.join(', ')}; total ${seconds(started)}`);
if (results.failed > 0 || process.env.E2E_KEEP) {
	console.log(`logs and databases kept in ${workDir}`);
	for (const failed of results.checks.filter((entry) => !entry.ok))
		console.log(`  failed: ${failed.name}`);
} else {
	removeWorkDir();
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
