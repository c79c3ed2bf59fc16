// `npm run docs`: rewrites the generated parts of README.md.
import { readFileSync, writeFileSync } from 'node:fs';

import { END, failureTableMarkdown, START } from './failureTableMarkdown';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end === -1) throw new Error('README.md lacks the failure-table markers');
writeFileSync('README.md', `${readme.slice(0, start + START.length)}\n${failureTableMarkdown()}\n${readme.slice(end)}`);
console.log('README.md: failure table regenerated');
