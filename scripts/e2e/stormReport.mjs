// Prints the refresh-storm results of every n8n version and mode the e2e has run (the
// storm-<version>-<mode>.json files it leaves in $E2E_CACHE) as one Markdown table: the README's;
// then the shared-credential runs (shared-<version>-<mode>.json) as the second.
//   node scripts/e2e/stormReport.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sharedCredentialReport, stormReport } from './analysis.mjs';
import { cacheDir, removeWorkDir } from './lib.mjs';

removeWorkDir(); // lib.mjs made a scratch folder; a report needs none
const files = readdirSync(cacheDir).filter((name) => /^storm-.+-(single|queue)\.json$/.test(name));
const runs = files.map((name) => JSON.parse(readFileSync(join(cacheDir, name), 'utf8')));
console.log(runs.length ? stormReport(runs) : `no storm results in ${cacheDir}`);
for (const run of runs)
	console.log(`  ${run.n8nVersion} ${run.mode}: measured ${run.measuredAt} on Node ${run.node}`);

const shared = readdirSync(cacheDir)
	.filter((name) => /^shared-.+-(single|queue)\.json$/.test(name))
	.map((name) => JSON.parse(readFileSync(join(cacheDir, name), 'utf8')));
console.log(
	`\n${shared.length ? sharedCredentialReport(shared) : `no shared-credential results in ${cacheDir}`}`,
);
for (const run of shared)
	console.log(`  ${run.n8nVersion} ${run.mode}: measured ${run.measuredAt}`);
