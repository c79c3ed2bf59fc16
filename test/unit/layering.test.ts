// The import rules of the shared API layer (README, Development): a node folder imports shared code
// only through nodes/shared/index.ts and never another node folder's files; nothing in nodes/shared
// imports a node folder; outside transport/, only transport/index.ts is imported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../..');
const nodesDir = join(root, 'nodes');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
	});
}

function target(from: string, specifier: string): string {
	const base = resolve(dirname(from), specifier);
	for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
		try {
			if (statSync(candidate).isFile()) return relative(root, candidate);
		} catch {
			// not this one
		}
	}
	return relative(root, base);
}

/** Every relative import of the node folders and the shared folder: [importing file, imported file]. */
function imports(): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	for (const file of sources(nodesDir)) {
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
			found.push([relative(root, file), target(file, match[1])]);
		}
	}
	return found;
}

const folderOf = (file: string) => file.split('/')[1];

test('node folders import shared code only through nodes/shared/index.ts, and no other node folder', () => {
	const deep = imports().filter(([from, to]) => {
		if (!from.startsWith('nodes/') || folderOf(from) === 'shared' || !to.startsWith('nodes/'))
			return false;
		if (folderOf(to) === folderOf(from)) return false;
		return to !== 'nodes/shared/index.ts';
	});
	assert.deepEqual(deep, []);
});

test('nothing in nodes/shared imports a node folder', () => {
	const upward = imports().filter(
		([from, to]) =>
			folderOf(from) === 'shared' && to.startsWith('nodes/') && folderOf(to) !== 'shared',
	);
	assert.deepEqual(upward, []);
});

test('outside transport/, only transport/index.ts is imported', () => {
	const internal = imports().filter(
		([from, to]) =>
			to.startsWith('nodes/shared/transport/') &&
			to !== 'nodes/shared/transport/index.ts' &&
			!from.startsWith('nodes/shared/transport/'),
	);
	assert.deepEqual(internal, []);
});
