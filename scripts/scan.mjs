// npm run scan: the two ESLint legs of n8n's community-package scanner
// (@n8n/scan-community-package, the gate for verified community nodes), run here without network
// beyond the npm registry. The scanner itself first checks the npm provenance of a published
// version and lints the GitHub commit that provenance names; neither exists before publishing, so
// this runs its own `analyzePackage` on the same two inputs instead:
//   - the source tree: package.json and {nodes,credentials}/**/*.{js,ts,json};
//   - the `npm pack` tarball: every .js file and package.json (run `npm run build` first).
// Inline eslint-disable comments are ignored there, as in the real scan.
// The scanner is installed once per version (scripts skipped) in $SCAN_CACHE
// (default ~/.cache/n8n-smartsheet-scan), outside the project and its lockfile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCANNER_VERSION = '0.32.0';
const project = new URL('..', import.meta.url).pathname;
const cacheDir = process.env.SCAN_CACHE ?? `${process.env.HOME}/.cache/n8n-smartsheet-scan`;
const scannerDir = join(cacheDir, `scan-community-package-${SCANNER_VERSION}`);
const scannerModule = join(
	scannerDir,
	'node_modules/@n8n/scan-community-package/scanner/scanner.mjs',
);

function installScanner() {
	if (existsSync(scannerModule)) return;
	const partial = `${scannerDir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(
		join(partial, 'package.json'),
		JSON.stringify({ name: 'scanner-host', private: true }),
	);
	console.log(`installing @n8n/scan-community-package@${SCANNER_VERSION} into ${scannerDir}`);
	// Scripts skipped: one of its dependencies' preinstall insists on pnpm.
	const args = [
		'install',
		`@n8n/scan-community-package@${SCANNER_VERSION}`,
		'--ignore-scripts',
		'--no-audit',
		'--no-fund',
		'--loglevel=error',
	];
	execFileSync('npm', args, { cwd: partial, stdio: 'inherit' });
	rmSync(scannerDir, { recursive: true, force: true });
	renameSync(partial, scannerDir);
}

/** The tarball `npm pack` makes from the current build, unpacked into a scratch folder. */
function unpackedTarball(scratch) {
	if (!existsSync(join(project, 'dist'))) throw new Error('no dist/: run `npm run build` first');
	const output = execFileSync(
		'npm',
		['pack', '--json', '--pack-destination', scratch, '--loglevel=error'],
		{ cwd: project, encoding: 'utf8' },
	);
	const [{ filename }] = JSON.parse(output);
	const unpacked = join(scratch, 'package');
	execFileSync('tar', ['-xzf', join(scratch, filename), '-C', scratch]);
	return unpacked;
}

installScanner();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerModule);
const scratch = mkdtempSync(join(tmpdir(), 'smartsheet-scan-'));
try {
	const legs = [
		['source tree', await analyzePackage(project, SOURCE_FILE_PATTERNS)],
		[
			'npm pack tarball',
			await analyzePackage(unpackedTarball(scratch), ['**/*.js', 'package.json']),
		],
	];
	for (const [name, result] of legs) {
		console.log(
			`${result.passed ? 'PASS' : 'FAIL'} scanner lint, ${name}${result.message ? `: ${result.message}` : ''}`,
		);
		if (result.details) console.log(result.details);
	}
	process.exitCode = legs.every(([, result]) => result.passed) ? 0 : 1;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
