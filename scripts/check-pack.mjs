// Checks that `npm pack` ships what n8n needs and nothing else: every file the package.json `n8n`
// field names, the icons and codex files, and no sources, tests or emulator.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [report] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	}),
);
const files = new Set(report.files.map((file) => file.path));
const problems = [];
for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!files.has(entry)) problems.push(`missing ${entry}`);
}
// The codex file beside each node (categories, docs links): tsc emits it only while tsconfig.json includes it.
for (const entry of pkg.n8n.nodes) {
	const codex = entry.replace(/\.js$/, '.json');
	if (existsSync(codex.replace(/^dist\//, '')) && !files.has(codex))
		problems.push(`missing ${codex}`);
}
for (const file of files) {
	const allowed =
		file === 'package.json' ||
		file === 'README.md' ||
		file === 'LICENSE' ||
		file === 'LICENSE.md' ||
		(file.startsWith('dist/') && /\.(js|json|svg|png)$/.test(file));
	if (!allowed) problems.push(`should not ship ${file}`);
	if (/test|emulator/.test(file)) problems.push(`test code shipped: ${file}`);
}
if (problems.length) {
	console.error(`npm pack check failed:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(
	`npm pack: ${files.size} files, ${(report.unpackedSize / 1024).toFixed(0)} KiB unpacked, contents as n8n needs them`,
);
