// The Smartsheet Trigger in process, driven as n8n's production webhook path drives it: the
// emulator verifies and delivers callbacks over HTTP to a server on 127.0.0.1 that hands them to
// the node's webhook(); executions start through n8n's WorkflowExecute.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { beforeEach, describe, test } from 'node:test';

import { SmartsheetTrigger } from '../../nodes/SmartsheetTrigger/SmartsheetTrigger.node.ts';
import { capturedLines } from '../harness/captureLogger';
import type { TriggerHarness } from '../harness/triggerHarness';
import { jsonOf, OAUTH_CREDENTIAL, OUTPUT } from '../support/smartsheetFixture';
import { useTriggers } from '../support/triggerSuite';

const TYPE = 'n8n-nodes-smartsheet-resilient.smartsheetTrigger';

describe('Smartsheet Trigger (webhooks)', () => {
	const suite = useTriggers();
	let sheet: { id: string; columns: Array<{ id: string; title: string }> };
	let rowIds: string[];
	const column = (title: string) => sheet.columns.find((candidate) => candidate.title === title)!.id;
	beforeEach(async () => {
		sheet = await suite.fx.sheet('Project Tracker');
		rowIds = (await suite.fx.api('GET', `/sheets/${sheet.id}`)).rows.map((row: any) => String(row.id));
	});

	const start = async (parameters: Record<string, unknown> = {}, authentication: 'accessToken' | 'oAuth2' = 'accessToken') =>
		await suite.start(new SmartsheetTrigger(), TYPE, { sheetId: { __rl: true, mode: 'id', value: sheet.id }, events: ['*'], includeRowData: true, ...parameters }, authentication);
	const webhooks = async () => (await suite.fx.admin('GET', '/webhooks')) as any[];
	const setStatus = async (value: string, headers: Record<string, string> = {}) => {
		const response = await fetch(`${suite.fx.emulator.apiBase}/sheets/${sheet.id}/rows`, {
			method: 'PUT',
			headers: { authorization: `Bearer test-personal-access-token-0123456789abcdef`, 'content-type': 'application/json', ...headers },
			body: JSON.stringify([{ id: rowIds[0], cells: [{ columnId: column('Status'), value }] }]),
		});
		assert.equal(response.status, 200, await response.text());
	};
	const post = async (harness: TriggerHarness, body: string, headers: Record<string, string>) =>
		await fetch(harness.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

	test('create → verify → deliver → items: the webhook is made and verified during activation, a change starts an execution with the row', async () => {
		const harness = await start({ events: ['row.created', 'row.updated'] });
		assert.equal(await harness.activate(), 'created');
		const [webhook] = await webhooks();
		assert.deepEqual([webhook.status, webhook.callbackUrl, String(webhook.scopeObjectId)], ['ENABLED', harness.webhookUrl, sheet.id]);
		assert.equal(harness.savedStaticData['node:Smartsheet Trigger'] !== undefined, true);
		assert.equal((harness.savedStaticData['node:Smartsheet Trigger'] as any).webhookId, String(webhook.id));
		const verification = harness.answered[0];
		assert.equal(verification.status, 200);
		assert.equal(verification.started, false, 'the challenge starts nothing');
		assert.ok(verification.headers['smartsheet-hook-response'], 'echoed in the header too');

		const added = await suite.fx.api('POST', `/sheets/${sheet.id}/rows`, [{ toBottom: true, cells: [{ columnId: column('Task'), value: 'From Smartsheet' }, { columnId: column('Status'), value: 'In Progress' }] }]);
		const [execution] = await harness.waitForExecutions(1);
		assert.equal(execution.status, 'success');
		assert.equal(execution.items.length, 1, 'cell events are not selected');
		const [item] = execution.items;
		assert.deepEqual([item.objectType, item.eventType, item.rowId, item.sheetId, item.webhookId], ['row', 'created', added.result[0].id, sheet.id, String(webhook.id)]);
		assert.equal(item.userId, '4856934849340121');
		assert.equal((item.row as any).Task, 'From Smartsheet');
		assert.equal((item.row as any).Status, 'In Progress');
		assert.equal(typeof item.rowId, 'string');
	});
});
