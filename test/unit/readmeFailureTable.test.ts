import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { END, failureTableMarkdown, START } from '../../scripts/failureTableMarkdown';

test('the README shows the failure table exactly as the code has it (run `npm run docs` after a change)', () => {
	const readme = readFileSync('README.md', 'utf8');
	const inReadme = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
	assert.equal(inReadme, failureTableMarkdown());
});
