// The importable example workflows use the node as it is: real resources and operations, and one
// connection per output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { resources } from '../../nodes/Smartsheet/actions/properties';

for (const file of [
	'smartsheet-failure-routing.workflow.json',
	'smartsheet-auth-monitor.workflow.json',
]) {
	test(`${file} wires every output of every Smartsheet node to a branch`, () => {
		const workflow = JSON.parse(readFileSync(`examples/${file}`, 'utf8'));
		const nodes = workflow.nodes.filter(
			(node: any) => node.type === 'n8n-nodes-smartsheet-resilient.smartsheet',
		);
		assert.ok(nodes.length > 0);
		for (const node of nodes) {
			const { resource, operation, failureRouting } = node.parameters;
			assert.ok(
				(resources as any)[resource]?.operations[operation],
				`${resource}:${operation} exists`,
			);
			assert.equal(failureRouting, 'outputs');
			const outputs = workflow.connections[node.name].main;
			assert.equal(outputs.length, 5);
			for (const output of outputs) assert.ok(output.length >= 1, 'each output goes somewhere');
			for (const target of outputs.flat())
				assert.ok(workflow.nodes.some((candidate: any) => candidate.name === target.node));
		}
	});
}

test('the routing example re-sends from Throttled only items whose write is known not to have happened', () => {
	const workflow = JSON.parse(
		readFileSync('examples/smartsheet-failure-routing.workflow.json', 'utf8'),
	);
	const next = (name: string, output?: number): string[] => {
		const outputs: Array<Array<{ node: string }>> = workflow.connections[name]?.main ?? [];
		return (output === undefined ? outputs.flat() : (outputs[output] ?? [])).map(
			(target) => target.node,
		);
	};
	const reaches = (from: string[], goal: string): boolean => {
		const seen = new Set<string>();
		const queue = [...from];
		while (queue.length > 0) {
			const name = queue.shift()!;
			if (name === goal) return true;
			if (!seen.has(name)) queue.push(...next((seen.add(name), name)));
		}
		return false;
	};
	const [gate] = next('Smartsheet', 4);
	const node = workflow.nodes.find((candidate: any) => candidate.name === gate);
	assert.equal(node.type, 'n8n-nodes-base.if', 'Throttled goes through a check first');
	assert.match(
		JSON.stringify(node.parameters.conditions),
		/smartsheetFailure\.outcome !== 'unknown'/,
	);
	assert.ok(reaches(next(gate, 0), 'Smartsheet'), 'known not written: sent again');
	assert.ok(!reaches(next(gate, 1), 'Smartsheet'), 'outcome unknown: never sent again');
	const notes = workflow.nodes.filter(
		(candidate: any) => candidate.type === 'n8n-nodes-base.stickyNote',
	);
	assert.ok(
		notes.some(
			(note: any) =>
				/outcome: "unknown"/.test(note.parameters.content) &&
				/never re-sent/.test(note.parameters.content),
		),
	);
});
