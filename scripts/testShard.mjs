// One worker process of the test run (scripts/test.mjs starts a few). It takes test files from a
// queue shared with the other workers, one at a time, and runs each inside a suite named after the
// file: the file's top-level before/after/beforeEach hooks then stay with its own tests, and tsx
// and n8n-core are loaded once per worker instead of once per file. The project's own modules are
// loaded afresh for each file, so their state (pacing windows, caches, a fixture's run log) starts
// empty as it did with a process per file.
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = resolve(import.meta.dirname, '..') + sep;
const dependencies = `${sep}node_modules${sep}`;

/** Runs files from `queueDir` until the queue is empty. */
export async function runQueue(queueDir) {
	const files = JSON.parse(readFileSync(join(queueDir, 'files.json'), 'utf8'));
	for (let index = 0; index < files.length; index++) {
		if (!claim(queueDir, index)) continue;
		// The next file is taken only when this one is finishing, so a worker never holds files it
		// has not started while another worker is idle.
		await new Promise((finishing) =>
			describe(files[index], () => runFile(files[index], finishing)),
		);
	}
}

async function runFile(file, finishing) {
	after(finishing);
	forgetProjectModules();
	try {
		await import(pathToFileURL(resolve(file)).href);
	} catch (error) {
		// A file that cannot load is a failed test (and counts in the summary), as with one process per file.
		test('loads', () => {
			throw error;
		});
	}
}

/**
 * Drops the project's modules (tsx loads .ts files as CommonJS) from the module cache; dependencies
 * such as n8n-core stay. A file still running its after hooks keeps the instances it has.
 */
function forgetProjectModules() {
	for (const path of Object.keys(require.cache)) {
		if (path.startsWith(projectRoot) && !path.includes(dependencies)) delete require.cache[path];
	}
}

/** Whether this worker got file `index`: creating its marker is atomic, so exactly one worker does. */
function claim(queueDir, index) {
	try {
		closeSync(openSync(join(queueDir, `claimed-${index}`), 'wx'));
		return true;
	} catch (error) {
		if (error.code === 'EEXIST') return false;
		throw error;
	}
}
