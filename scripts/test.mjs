// Runs the whole suite with node's own test runner under the project's Node 24 (node_modules/.bin/node,
// first on PATH inside npm scripts). Test files: test/**/*.test.ts, loaded through tsx, and the e2e's
// own readers of n8n's executions (scripts/e2e/*.test.mjs, no n8n needed).
//
// Loading tsx and n8n-core costs about 3 s of CPU, so files do not get a process each: one worker per
// core (scripts/testShard.mjs) takes files from a shared queue and runs them one after another, each in
// a suite of its own. Each file still starts its own emulator on a free port.
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
	console.error(
		`Tests need Node 24 (n8n-core 2.41); got ${process.version}. Run them with "npm test".`,
	);
	process.exit(1);
}
const pattern = process.argv[2] ?? ['test/**/*.test.ts', 'scripts/e2e/*.test.mjs'];
// Largest first: the files that start last are short, so the workers finish close together.
const files = globSync(pattern)
	.map((file) => ({ file, size: statSync(file).size }))
	.sort((a, b) => b.size - a.size || a.file.localeCompare(b.file))
	.map(({ file }) => file);
if (files.length === 0) {
	console.error(`No test files match ${pattern}`);
	process.exit(1);
}

const queueDir = mkdtempSync(join(tmpdir(), 'smartsheet-tests-'));
writeFileSync(join(queueDir, 'files.json'), JSON.stringify(files));
const workers = Math.min(availableParallelism(), files.length);
const shard = pathToFileURL(join(import.meta.dirname, 'testShard.mjs')).href;
const workerFiles = Array.from({ length: workers }, (_, index) => {
	const entry = join(queueDir, `worker-${index + 1}.mjs`);
	writeFileSync(
		entry,
		`import { runQueue } from ${JSON.stringify(shard)};\nawait runQueue(${JSON.stringify(queueDir)});\n`,
	);
	return entry;
});

const result = spawnSync(
	process.execPath,
	// No --test-force-exit: with it, node's runner ends a worker before all of its tests have run, so
	// a failure could go unreported. A hang fails the test instead (--test-timeout), it never stalls CI.
	[
		'--import',
		'tsx',
		'--test',
		'--test-reporter=spec',
		`--test-concurrency=${workers}`,
		'--test-timeout=180000',
		...workerFiles,
	],
	{
		stdio: 'inherit',
		env: { ...process.env, N8N_USER_FOLDER: process.env.N8N_USER_FOLDER ?? '.test-n8n' },
	},
);
rmSync(queueDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
