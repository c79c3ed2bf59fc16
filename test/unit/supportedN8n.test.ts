import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { MINIMUM_N8N_VERSION, unsupportedN8nReason } from '../../nodes/shared/supportedN8n';

const NODE_FILES = [
	'nodes/Smartsheet/Smartsheet.node.ts',
	'nodes/SmartsheetTrigger/SmartsheetTrigger.node.ts',
	'nodes/SmartsheetPollingTrigger/SmartsheetPollingTrigger.node.ts',
];

test('an n8n whose n8n-workflow has NodeConnectionTypes (1.85+) runs the package', () => {
	assert.equal(unsupportedN8nReason({ Main: 'main', AiTool: 'ai_tool' }), undefined);
});

test('an older n8n (NodeConnectionTypes undefined at run time) gets a message naming the minimum version', () => {
	for (const old of [undefined, {}]) {
		const reason = unsupportedN8nReason(old);
		assert.ok(reason?.includes(`n8n ${MINIMUM_N8N_VERSION} or later`), String(reason));
	}
});

test('each node, loaded in an n8n without NodeConnectionTypes, fails with that message, not a TypeError', () => {
	// A fresh process whose n8n-workflow lacks NodeConnectionTypes, as n8n before 1.85 ships it.
	const script = `
		const real = require('n8n-workflow');
		require.cache[require.resolve('n8n-workflow')].exports = { ...real, NodeConnectionTypes: undefined };
		for (const file of ${JSON.stringify(NODE_FILES)}) {
			try { require('./' + file); console.log(file + ': loaded'); }
			catch (error) { console.log(file + ': ' + error.message); }
		}`;
	const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
		encoding: 'utf8',
	});
	const lines = output.trim().split('\n');
	assert.equal(lines.length, NODE_FILES.length, output);
	for (const line of lines)
		assert.match(
			line,
			new RegExp(
				`: n8n-nodes-smartsheet-resilient needs n8n ${MINIMUM_N8N_VERSION.replace(/\./g, '\\.')} or later`,
			),
		);
});
