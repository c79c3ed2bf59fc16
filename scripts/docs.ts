// `npm run docs`: rewrites the generated parts of README.md — the failure table (from the code)
// and the benchmark table (from bench/results.md, written by `npm run bench`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { END, failureTableMarkdown, START } from './failureTableMarkdown';

function replaceBetween(text: string, start: string, end: string, content: string): string {
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`README.md lacks the markers ${start} … ${end}`);
	return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

let readme = readFileSync('README.md', 'utf8');
readme = replaceBetween(readme, START, END, failureTableMarkdown());
if (existsSync('bench/results.md')) {
	readme = replaceBetween(readme, '<!-- bench:start -->', '<!-- bench:end -->', readFileSync('bench/results.md', 'utf8').trim());
}
writeFileSync('README.md', readme);
console.log('README.md: failure table and benchmark table regenerated');
