// The importable example workflows use the node as it is: real resources and operations, and one
// connection per output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { resources } from '../../nodes/Smartsheet/actions/properties';

for (const file of ['smartsheet-failure-routing.workflow.json', 'smartsheet-auth-monitor.workflow.json']) {
	test(`${file} wires every output of every Smartsheet node to a branch`, () => {
		const workflow = JSON.parse(readFileSync(`examples/${file}`, 'utf8'));
		const nodes = workflow.nodes.filter((node: any) => node.type === 'n8n-nodes-smartsheet-resilient.smartsheet');
		assert.ok(nodes.length > 0);
		for (const node of nodes) {
			const { resource, operation, failureRouting } = node.parameters;
			assert.ok((resources as any)[resource]?.operations[operation], `${resource}:${operation} exists`);
			assert.equal(failureRouting, 'outputs');
			const outputs = workflow.connections[node.name].main;
			assert.equal(outputs.length, 5);
			for (const output of outputs) assert.ok(output.length >= 1, 'each output goes somewhere');
			for (const target of outputs.flat()) assert.ok(workflow.nodes.some((candidate: any) => candidate.name === target.node));
		}
	});
}
