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
	const column = (title: string) =>
		sheet.columns.find((candidate) => candidate.title === title)!.id;
	beforeEach(async () => {
		sheet = await suite.fx.sheet('Project Tracker');
		rowIds = (await suite.fx.api('GET', `/sheets/${sheet.id}`)).rows.map((row: any) =>
			String(row.id),
		);
	});

	const start = async (
		parameters: Record<string, unknown> = {},
		authentication: 'accessToken' | 'oAuth2' = 'accessToken',
	) =>
		await suite.start(
			new SmartsheetTrigger(),
			TYPE,
			{
				sheetId: { __rl: true, mode: 'id', value: sheet.id },
				events: ['*'],
				includeRowData: true,
				...parameters,
			},
			authentication,
		);
	const webhooks = async () => (await suite.fx.admin('GET', '/webhooks')) as any[];
	const setStatus = async (value: string, headers: Record<string, string> = {}) => {
		const response = await fetch(`${suite.fx.emulator.apiBase}/sheets/${sheet.id}/rows`, {
			method: 'PUT',
			headers: {
				authorization: `Bearer test-personal-access-token-0123456789abcdef`,
				'content-type': 'application/json',
				...headers,
			},
			body: JSON.stringify([{ id: rowIds[0], cells: [{ columnId: column('Status'), value }] }]),
		});
		assert.equal(response.status, 200, await response.text());
	};
	const post = async (harness: TriggerHarness, body: string, headers: Record<string, string>) =>
		await fetch(harness.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});

	test('create → verify → deliver → items: the webhook is made and verified during activation, a change starts an execution with the row', async () => {
		const harness = await start({ events: ['row.created', 'row.updated'] });
		assert.equal(await harness.activate(), 'created');
		const [webhook] = await webhooks();
		assert.deepEqual(
			[webhook.status, webhook.callbackUrl, String(webhook.scopeObjectId)],
			['ENABLED', harness.webhookUrl, sheet.id],
		);
		assert.equal(harness.savedStaticData['node:Smartsheet Trigger'] !== undefined, true);
		assert.equal(
			(harness.savedStaticData['node:Smartsheet Trigger'] as any).webhookId,
			String(webhook.id),
		);
		const verification = harness.answered[0];
		assert.equal(verification.status, 200);
		assert.equal(verification.started, false, 'the challenge starts nothing');
		assert.ok(verification.headers['smartsheet-hook-response'], 'echoed in the header too');

		const added = await suite.fx.api('POST', `/sheets/${sheet.id}/rows`, [
			{
				toBottom: true,
				cells: [
					{ columnId: column('Task'), value: 'From Smartsheet' },
					{ columnId: column('Status'), value: 'In Progress' },
				],
			},
		]);
		const [execution] = await harness.waitForExecutions(1);
		assert.equal(execution.status, 'success');
		assert.equal(execution.items.length, 1, 'cell events are not selected');
		const [item] = execution.items;
		assert.deepEqual(
			[item.objectType, item.eventType, item.rowId, item.sheetId, item.webhookId],
			['row', 'created', added.result[0].id, sheet.id, String(webhook.id)],
		);
		assert.equal(item.userId, '4856934849340121');
		assert.equal((item.row as any).Task, 'From Smartsheet');
		assert.equal((item.row as any).Status, 'In Progress');
		assert.equal(typeof item.rowId, 'string');
	});

	test('a bad or missing signature is rejected with 401 and starts nothing; so is a forged callback for a webhook that is not ours', async () => {
		const harness = await start();
		await harness.activate();
		const [webhook] = await webhooks();
		const body = JSON.stringify({
			nonce: 'n',
			timestamp: new Date().toISOString(),
			webhookId: Number(webhook.id),
			scope: 'sheet',
			scopeObjectId: Number(sheet.id),
			events: [{ objectType: 'row', eventType: 'updated', id: Number(rowIds[0]) }],
		});
		const sign = (text: string, secret: string) =>
			createHmac('sha256', secret).update(text).digest('hex');
		const attempts: Array<[string, Record<string, string>, string]> = [
			['no signature', {}, body],
			['wrong signature', { 'Smartsheet-Hmac-SHA256': 'ab'.repeat(32) }, body],
			[
				'signed with another secret',
				{ 'Smartsheet-Hmac-SHA256': sign(body, 'someone-elses-secret-0123') },
				body,
			],
			[
				'body changed after signing',
				{ 'Smartsheet-Hmac-SHA256': sign(body, webhook.sharedSecret) },
				body.replace('updated', 'deleted'),
			],
			[
				'a webhook that does not exist',
				{ 'Smartsheet-Hmac-SHA256': sign(body.replace(webhook.id, '12345'), webhook.sharedSecret) },
				body.replace(webhook.id, '12345'),
			],
		];
		for (const [name, headers, text] of attempts) {
			const response = await post(harness, text, headers);
			assert.equal(response.status, 401, name);
			assert.match(await response.text(), /signature/, name);
		}
		const notJson = await post(harness, 'nope', {
			'Smartsheet-Hmac-SHA256': sign('nope', webhook.sharedSecret),
		});
		assert.equal(notJson.status, 400, 'signed but not a JSON object');
		const good = await post(harness, body, {
			'Smartsheet-Hmac-SHA256': sign(body, webhook.sharedSecret).toUpperCase(),
		});
		assert.equal(good.status, 200, 'the genuine callback (hex in upper case) passes');
		await harness.waitForExecutions(1);
		assert.equal(
			harness.answered.filter((answer) => answer.started).length,
			1,
			'only the genuine callback started an execution',
		);
		assert.equal(harness.executions.length, 1);
		assert.equal(
			harness.answered.filter((answer) => answer.status === 401 && !answer.started).length,
			attempts.length,
		);
		assert.equal(harness.answered.filter((answer) => answer.started).length, 1);
	});

	test('the order problem: a change before n8n saved the static data still verifies (the secret is looked up from Smartsheet, once)', async () => {
		const harness = await start();
		harness.holdStaticData = true;
		await harness.activate();
		assert.deepEqual(
			harness.savedStaticData,
			{},
			'nothing saved yet, as in n8n while create() has not returned',
		);
		await setStatus('Not Started');
		await setStatus('In Progress');
		await harness.waitForExecutions(2);
		const lookups = (await suite.fx.admin('GET', '/requests?limit=500')).filter(
			(entry: any) => entry.route === 'GET /2.0/webhooks/{webhookId}',
		);
		assert.equal(lookups.length, 1, 'looked up once, then remembered');
		harness.commitStaticData();
		await setStatus('Done');
		await harness.waitForExecutions(3);
	});

	test('challenge mid-stream: Smartsheet re-verifies every N callbacks and the trigger answers without starting anything', async () => {
		await suite.fx.admin('POST', '/webhooks/config', { reverifyEvery: 2 });
		const harness = await start({ events: ['row.updated'] });
		await harness.activate();
		for (const value of ['Not Started', 'In Progress', 'Done', 'Not Started', 'In Progress'])
			await setStatus(value);
		await suite.idle();
		const [webhook] = await webhooks();
		const deliveries = await suite.fx.admin('GET', `/webhooks/deliveries?webhookId=${webhook.id}`);
		assert.deepEqual(
			deliveries.map((record: any) => `${record.kind}:${record.outcome}`),
			[
				'verification:verified',
				'event:delivered',
				'event:delivered',
				'verification:verified',
				'event:delivered',
				'event:delivered',
				'verification:verified',
				'event:delivered',
			],
		);
		assert.equal(webhook.status, 'ENABLED');
		assert.equal(harness.executions.length, 5);
		assert.equal(
			harness.answered.filter((answer) => answer.headers['smartsheet-hook-response']).length,
			3,
		);
	});

	test('duplicates: an identical webhook is reused (re-enabled if disabled), extra copies are removed, nothing new is made', async () => {
		const harness = await start();
		const create = async () =>
			(
				await suite.fx.api('POST', '/webhooks', {
					name: 'made earlier',
					callbackUrl: harness.webhookUrl,
					scope: 'sheet',
					scopeObjectId: sheet.id,
					events: ['*.*'],
					version: 1,
				})
			).result;
		const oldest = await create();
		const copy = await create();
		const otherSheet = (await suite.fx.sheet('Big IDs')).id;
		const unrelated = (
			await suite.fx.api('POST', '/webhooks', {
				name: 'other sheet',
				callbackUrl: harness.webhookUrl,
				scope: 'sheet',
				scopeObjectId: otherSheet,
				events: ['*.*'],
				version: 1,
			})
		).result;
		await harness.activate();
		const after = await webhooks();
		assert.deepEqual(
			after.map((webhook) => String(webhook.id)).sort(),
			[oldest.id, unrelated.id].sort(),
			"the copy is gone, the other sheet's webhook stays",
		);
		assert.equal(after.find((webhook) => String(webhook.id) === oldest.id).status, 'ENABLED');
		assert.equal((harness.savedStaticData['node:Smartsheet Trigger'] as any).webhookId, oldest.id);
		assert.ok(!after.some((webhook) => String(webhook.id) === copy.id));
		await setStatus('Not Started');
		await harness.waitForExecutions(1);
		assert.equal(harness.executions[0].items[0].webhookId, oldest.id);
	});

	test('an activation of an active trigger finds its webhook (checkExists) and changes nothing', async () => {
		const harness = await start();
		assert.equal(await harness.activate(), 'created');
		const before = await webhooks();
		assert.equal(await harness.activate(), 'existed');
		assert.deepEqual(
			(await webhooks()).map((webhook) => webhook.id),
			before.map((webhook) => webhook.id),
		);
	});

	test('"Listen for test event" on an active workflow makes its own webhook at the test URL and leaves the production one alone', async () => {
		const harness = await start({ events: ['row.updated'] });
		await harness.activate();
		const [production] = await webhooks();
		await harness.listenForTestEvent();
		const both = await webhooks();
		assert.deepEqual(
			both.map((webhook) => webhook.callbackUrl).sort(),
			[harness.webhookUrl, harness.testWebhookUrl].sort(),
		);
		assert.ok(both.every((webhook) => webhook.status === 'ENABLED'));
		await setStatus('Not Started');
		await harness.waitForExecutions(2);
		assert.deepEqual(
			harness.executions.map((execution) => execution.items[0].webhookId).sort(),
			both.map((webhook) => String(webhook.id)).sort(),
			'each URL got the change',
		);
		assert.equal(await harness.stopListening(), true);
		assert.deepEqual(
			(await webhooks()).map((webhook) => webhook.id),
			[production.id],
			'only the test webhook is gone',
		);
		assert.equal(await harness.activate(), 'existed');
	});

	test('a credential without ADMIN_WEBHOOKS fails activation, naming the missing permission', async () => {
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS', 'WRITE_SHEETS'] }));
		const harness = await start({}, 'oAuth2');
		await assert.rejects(harness.activate(), (error: Error & { description?: string }) => {
			assert.match(
				error.message,
				/Smartsheet refused to list the webhooks: You are not authorized/,
			);
			assert.match(error.description ?? '', /add the missing scope .* \(HTTP 403, errorCode 1004/);
			return true;
		});
	});

	test('changed columns replace the webhook (its subscope is fixed); deactivation deletes it', async () => {
		const harness = await start();
		await harness.activate();
		const [first] = await webhooks();
		harness.setParameters({
			authentication: 'accessToken',
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			events: ['*'],
			includeRowData: false,
			columnIds: [column('Status')],
		});
		assert.equal(await harness.activate(), 'created');
		const [second, ...rest] = await webhooks();
		assert.equal(rest.length, 0);
		assert.notEqual(second.id, first.id);
		assert.deepEqual(second.subscope.columnIds.map(String), [column('Status')]);
		assert.equal(await harness.deactivate(), true);
		assert.deepEqual(await webhooks(), []);
		assert.deepEqual(harness.savedStaticData['node:Smartsheet Trigger'], {});
	});

	test('disabled by Smartsheet after failed callbacks (DISABLED_CALLBACK_FAILED): activation reports it and re-enables it, events flow again', async () => {
		const harness = await start({ events: ['row.updated'] });
		await harness.activate();
		harness.registered = false; // n8n is away: the callbacks get 404, Smartsheet retries, then gives up
		await setStatus('Not Started');
		await suite.idle();
		const [failed] = await webhooks();
		assert.equal(failed.status, 'DISABLED_CALLBACK_FAILED');
		const logged = capturedLines.length;
		assert.equal(await harness.activate(), 'created');
		assert.equal((await webhooks())[0].status, 'ENABLED');
		assert.equal((await webhooks())[0].id, failed.id, 'the same webhook, enabled again');
		const report = capturedLines
			.slice(logged)
			.find((line) => line.level === 'warn' && line.message.includes(String(failed.id)));
		assert.match(report?.message ?? '', /DISABLED_CALLBACK_FAILED.*enabled it again/);
		await setStatus('In Progress');
		await harness.waitForExecutions(1);
		assert.equal(harness.executions[0].items[0].eventType, 'updated');
	});

	test('disabled for good: app revoked is replaced by a new webhook; administrative and an inaccessible sheet fail activation with a clear message', async () => {
		const harness = await start();
		await harness.activate();
		const [original] = await webhooks();
		await suite.fx.admin('POST', '/webhooks/status', {
			webhookId: original.id,
			status: 'DISABLED_APP_REVOKED',
		});
		const logged = capturedLines.length;
		await harness.activate();
		const [replacement, ...others] = await webhooks();
		assert.deepEqual([others.length, replacement.status], [0, 'ENABLED']);
		assert.notEqual(replacement.id, original.id);
		assert.ok(
			capturedLines
				.slice(logged)
				.some((line) => line.level === 'warn' && /DISABLED_APP_REVOKED/.test(line.message)),
		);

		await suite.fx.admin('POST', '/webhooks/status', {
			webhookId: replacement.id,
			status: 'DISABLED_ADMINISTRATIVE',
			disabledDetails: 'Disabled by support.',
		});
		await assert.rejects(harness.activate(), (error: Error & { description?: string }) => {
			assert.match(
				error.message,
				/Smartsheet support disabled the trigger's webhook .*DISABLED_ADMINISTRATIVE: Disabled by support/,
			);
			assert.match(error.description ?? '', /Only Smartsheet support can enable it again/);
			return true;
		});

		await suite.fx.admin('POST', '/webhooks/status', {
			webhookId: replacement.id,
			status: 'DISABLED_SCOPE_INACCESSIBLE',
			disabledDetails: 'The sheet is no longer shared.',
		});
		await suite.fx.admin('POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		await assert.rejects(harness.activate(), (error: Error & { description?: string }) => {
			assert.match(
				error.message,
				/not accessible to the credential's user \(DISABLED_SCOPE_INACCESSIBLE: The sheet is no longer shared\.\)/,
			);
			assert.match(error.description ?? '', /Share the sheet/);
			return true;
		});
		await suite.fx.admin('POST', '/access', { sheetId: sheet.id, accessLevel: 'OWNER' });
		await harness.activate();
		assert.equal(
			(await webhooks())[0].status,
			'ENABLED',
			're-enabled once the sheet is accessible again',
		);
	});

	test("an unreachable n8n (a proxy answering 502) fails activation with what Smartsheet needs; http:// under Smartsheet's rules fails with 1152", async () => {
		const harness = await start();
		harness.answerWith = { status: 502, body: 'Bad Gateway' };
		await assert.rejects(harness.activate(), (error: Error & { description?: string }) => {
			assert.match(
				error.message,
				/Smartsheet could not verify the trigger's URL http:\/\/127\.0\.0\.1:\d+\/webhook\/.* \(DISABLED_VERIFICATION_FAILED: .*HTTP 502/,
			);
			assert.match(
				error.description ?? '',
				/HTTPS with a certificate from a public authority, on port 443, 8000, 8008, 8080 or 8443/,
			);
			return true;
		});
		harness.answerWith = null;
		await harness.activate();
		assert.equal((await webhooks()).length, 1, 'the next activation enables the same webhook');
		assert.equal((await webhooks())[0].status, 'ENABLED');

		await harness.deactivate();
		await suite.fx.admin('POST', '/webhooks/config', { allowInsecureCallbacks: false });
		await assert.rejects(harness.activate(), (error: Error & { description?: string }) => {
			assert.match(
				error.message,
				/Smartsheet refused to create the webhook: Only URLs with a protocol of 'https' are supported/,
			);
			assert.match(error.description ?? '', /errorCode 1152/);
			return true;
		});
	});

	test("change-agent loop guard: the Smartsheet node's own writes start nothing, other writers do; the list is configurable", async () => {
		const harness = await start({ events: ['row.updated'] });
		await harness.activate();
		const update = async (value: string, options: Record<string, string> = {}) =>
			jsonOf(
				await suite.fx.run(
					{
						authentication: 'accessToken',
						resource: 'row',
						operation: 'update',
						sheetId: { __rl: true, mode: 'id', value: sheet.id },
						rowId: rowIds[0],
						options,
					},
					[{ Status: value }],
				),
				OUTPUT.success,
			);
		await update('Not Started');
		await setStatus('In Progress', {
			'Smartsheet-Change-Agent': 'zapier,n8n-smartsheet-resilient',
		});
		await setStatus('Done', { 'Smartsheet-Change-Agent': 'someone-else' });
		await suite.idle();
		await harness.waitForExecutions(1);
		assert.equal(harness.executions.length, 1);
		assert.equal(harness.executions[0].items[0].changeAgent, 'someone-else');
		const delivered = (await suite.fx.admin('GET', '/webhooks/deliveries')).filter(
			(record: any) => record.kind === 'event',
		);
		assert.equal(
			delivered.length,
			3,
			'every callback was acknowledged (200), so Smartsheet keeps the webhook enabled',
		);
		assert.ok(delivered.every((record: any) => record.httpStatus === 200));

		harness.setParameters({
			authentication: 'accessToken',
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			events: ['row.updated'],
			includeRowData: false,
			options: { ignoreChangeAgents: 'my-writer' },
		});
		await update('Not Started', { changeAgent: 'my-writer' });
		await update('In Progress');
		await harness.waitForExecutions(2);
		await suite.idle();
		assert.equal(harness.executions.length, 2);
		assert.equal(harness.executions[1].items[0].changeAgent, 'n8n-smartsheet-resilient');
	});

	test('event filters and subscope: cells, columns, comments; only the chosen columns reach the trigger; a deleted row has row null', async () => {
		const harness = await start({
			events: ['cell.*', 'column.created', 'comment.created', 'row.deleted'],
			columnIds: [column('Status')],
		});
		await harness.activate();
		await suite.fx.api('PUT', `/sheets/${sheet.id}/rows`, [
			{ id: rowIds[0], cells: [{ columnId: column('Task'), value: 'renamed' }] },
		]);
		await setStatus('Not Started');
		await suite.fx.admin('POST', '/webhooks/events', {
			sheetId: sheet.id,
			events: [{ objectType: 'comment', eventType: 'created', id: '42' }],
		});
		await suite.fx.api('DELETE', `/sheets/${sheet.id}/rows?ids=${rowIds[1]}`);
		await suite.idle();
		const items = harness.items();
		assert.deepEqual(
			items.map((item) => `${item.objectType}.${item.eventType}`),
			['cell.updated', 'row.deleted'],
		);
		assert.deepEqual(
			[items[0].rowId, items[0].columnId, (items[0].row as any).Status],
			[rowIds[0], column('Status'), 'Not Started'],
		);
		assert.deepEqual([items[1].rowId, items[1].row], [rowIds[1], null]);

		harness.setParameters({
			authentication: 'accessToken',
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			events: ['comment.created', 'column.created'],
			includeRowData: false,
		});
		await harness.activate();
		await suite.fx.admin('POST', '/webhooks/events', {
			sheetId: sheet.id,
			events: [
				{ objectType: 'comment', eventType: 'created', id: '42' },
				{ objectType: 'attachment', eventType: 'created', id: '43' },
			],
		});
		await suite.fx.api('POST', `/sheets/${sheet.id}/columns`, [
			{ title: 'Notes', type: 'TEXT_NUMBER', index: 5 },
		]);
		await suite.idle();
		assert.deepEqual(
			harness
				.items()
				.slice(2)
				.map((item) => `${item.objectType}.${item.eventType}:${item.id}`)
				.slice(0, 1),
			['comment.created:42'],
		);
		assert.equal(harness.items().slice(3)[0].objectType, 'column');
		assert.equal(harness.items().length, 4);
	});

	test('status changes are logged; with "Emit Webhook Status Changes" they start the workflow', async () => {
		const harness = await start({ options: { statusChanges: true } });
		await harness.activate();
		const [webhook] = await webhooks();
		const logged = capturedLines.length;
		await suite.fx.admin('POST', '/webhooks/status', {
			webhookId: webhook.id,
			status: 'DISABLED_SCOPE_INACCESSIBLE',
			notify: true,
		});
		const [execution] = await harness.waitForExecutions(1);
		assert.deepEqual(
			[execution.items[0].webhookStatus, execution.items[0].webhookId],
			['DISABLED_SCOPE_INACCESSIBLE', String(webhook.id)],
		);
		assert.ok(
			capturedLines
				.slice(logged)
				.some((line) => line.level === 'warn' && /DISABLED_SCOPE_INACCESSIBLE/.test(line.message)),
		);
	});

	test('OAuth2: a dead access token during create goes through the token lifecycle (one refresh), then the webhook is made', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair); // the store believes it has a week left
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		const harness = await start({}, 'oAuth2');
		await harness.activate();
		const stats = await suite.fx.stats();
		assert.equal(stats.tokenRefreshes, 1);
		assert.notEqual(
			suite.fx.store.tokenData(OAUTH_CREDENTIAL.id).access_token,
			pair.access_token,
			'the new token is stored',
		);
		assert.equal((await webhooks())[0].status, 'ENABLED');
		await setStatus('Not Started');
		await harness.waitForExecutions(1);
	});

	test('OAuth2: a refresh token that is dead fails activation with "Reconnect the credential"', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair, { expiresAtMs: Date.now() - 1000 });
		await suite.fx.admin('POST', '/tokens/revoke', { token: pair.refresh_token });
		const harness = await start({}, 'oAuth2');
		await assert.rejects(harness.activate(), (error: Error & { description?: string }) => {
			assert.match(error.message, /Smartsheet refused to list the webhooks/);
			assert.match(error.description ?? '', /Reconnect the credential/);
			return true;
		});
		assert.deepEqual(await webhooks(), []);
	});

	test('without Include Row Data no row is read; IDs above 2^53 stay exact', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const bigRow = String((await suite.fx.api('GET', `/sheets/${big.id}`)).rows[0].id);
		const harness = await suite.start(new SmartsheetTrigger(), TYPE, {
			sheetId: { __rl: true, mode: 'id', value: big.id },
			events: ['row.updated'],
			includeRowData: false,
		});
		await harness.activate();
		await suite.fx.api('PUT', `/sheets/${big.id}/rows`, [
			{ id: bigRow, cells: [{ columnId: big.columns[0].id, value: 'changed' }] },
		]);
		const [execution] = await harness.waitForExecutions(1);
		assert.deepEqual(
			[execution.items[0].rowId, execution.items[0].sheetId],
			[bigRow, '9007199254740993'],
		);
		assert.equal('row' in execution.items[0], false);
		const reads = (await suite.fx.admin('GET', '/requests?limit=500')).filter(
			(entry: any) => entry.route === 'GET /2.0/sheets/{sheetId}',
		);
		assert.equal(
			reads.filter((entry: any) => entry.path.includes(big.id)).length,
			1,
			"only the test's own read",
		);
	});
});
