// The node is usableAsTool: an AI agent sees each operation as "<action> in Smartsheet" (n8n builds
// the tool description from the operation's action), so the action names what the agent must pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { NodeHelpers, type INode } from 'n8n-workflow';

import { Smartsheet } from '../../nodes/Smartsheet/Smartsheet.node.ts';

const nodeType = new Smartsheet();

function toolDescription(resource: string, operation: string): string {
	const node = {
		name: 'Smartsheet',
		type: 'smartsheet',
		typeVersion: 2,
		position: [0, 0],
		parameters: { resource, operation },
	} as unknown as INode;
	return NodeHelpers.getToolDescriptionForNode(node, nodeType);
}

test('the main operations tell an agent what to pass', () => {
	assert.equal(nodeType.description.usableAsTool, true);
	const expected: Array<[string, string, RegExp]> = [
		['row', 'add', /^Add rows to a sheet, cells named by column title in Smartsheet$/],
		['row', 'update', /by row ID, cells named by column title/],
		['row', 'upsert', /matched on a key column value/],
		['row', 'get', /by its row ID/],
		['row', 'delete', /by row ID/],
		['row', 'list', /optionally filtered by column values/],
		['column', 'list', /titles, IDs and types/],
		['sheet', 'list', /names and IDs/],
		['search', 'inSheet', /rows of a sheet for words/],
		['cell', 'getHistory', /by row ID and column/],
	];
	for (const [resource, operation, pattern] of expected)
		assert.match(toolDescription(resource, operation), pattern, `${resource}:${operation}`);
});
