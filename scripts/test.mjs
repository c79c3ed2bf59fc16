// Runs the whole suite with node's own test runner under the project's Node 24 (node_modules/.bin/node,
// first on PATH inside npm scripts). Test files: test/**/*.test.ts, loaded through tsx, and the e2e's
// own readers of n8n's executions (scripts/e2e/*.test.mjs, no n8n needed).
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
	console.error(`Tests need Node 24 (n8n-core 2.41); got ${process.version}. Run them with "npm test".`);
	process.exit(1);
}
const pattern = process.argv[2] ?? ['test/**/*.test.ts', 'scripts/e2e/*.test.mjs'];
const files = globSync(pattern).sort();
if (files.length === 0) {
	console.error(`No test files match ${pattern}`);
	process.exit(1);
}
const result = spawnSync(
	process.execPath,
	// No --test-force-exit: with it, node's runner ends a file's process before all of its tests
	// have run (measured: 29 to 39 of one file's 52), so a failure could go unreported. A hang
	// fails the test instead (--test-timeout), it never stalls CI.
	['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=180000', ...files],
	{ stdio: 'inherit', env: { ...process.env, N8N_USER_FOLDER: process.env.N8N_USER_FOLDER ?? '.test-n8n' } },
);
process.exit(result.status ?? 1);
