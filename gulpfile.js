// gulp owns what surrounds `n8n-node build` (which compiles and copies icons and codex files):
// keeping README.md's generated parts in step with their sources.
//   npx gulp docs   (npm run docs): the failure table from the code, the benchmark table from
//                   bench/results.md (written by `npm run bench`)
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const tsx = require('tsx/cjs/api');

function replaceBetween(text, start, end, content) {
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`README.md lacks the markers ${start} … ${end}`);
	return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

async function docs() {
	// The failure table is rendered by TypeScript shared with the README test; tsx loads it.
	const { END, failureTableMarkdown, START } = tsx.require(
		'./scripts/failureTableMarkdown.ts',
		__filename,
	);
	let readme = readFileSync('README.md', 'utf8');
	readme = replaceBetween(readme, START, END, failureTableMarkdown());
	if (existsSync('bench/results.md')) {
		const bench = readFileSync('bench/results.md', 'utf8').trim();
		readme = replaceBetween(readme, '<!-- bench:start -->', '<!-- bench:end -->', bench);
	}
	writeFileSync('README.md', readme);
}

exports.docs = docs;
