// npm run bench: the package's performance claims, each measured side by side with a baseline in
// the same run, against the emulator on 127.0.0.1. Medians of several runs where a run is short;
// one run where it takes minutes (said so in the table). Writes bench/results.md and
// bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import { format, resolveConfig } from 'prettier';

import {
	bulkAdd,
	mixedPacing,
	overhead,
	parse,
	perItemAtLatency,
	refreshCost,
	results,
	sharedCredential,
	sheetMemory,
} from './cases';
import { exactlyOnce } from './exactlyOnce';

async function main() {
	const rows: string[] = [];
	const started = Date.now();
	const only = process.argv[2];
	for (const bench of [
		bulkAdd,
		overhead,
		parse,
		sheetMemory,
		refreshCost,
		mixedPacing,
		perItemAtLatency,
		sharedCredential,
		exactlyOnce,
	].filter((candidate) => !only || candidate.name === only)) {
		process.stdout.write(`running ${bench.name}…\n`);
		rows.push(...(await bench()));
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
	const table = [
		`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
		'',
		'| Benchmark | This package | Baseline | Ratio | Target |',
		'|---|---|---|---|---|',
		...rows,
	].join('\n');
	await writeFormatted('bench/results.md', table);
	if (!only)
		await writeFormatted(
			'bench/results.json',
			JSON.stringify({ measured: new Date().toISOString(), machine, ...results }, null, 2),
		);
	process.stdout.write(`\n${table}\n`);
}

/** Written as the project's Prettier would, so `npm run format:check` stays green after a run. */
async function writeFormatted(path: string, text: string) {
	const options = await resolveConfig(path);
	writeFileSync(path, await format(text, { ...options, filepath: path }));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
