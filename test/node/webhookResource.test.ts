// The Smartsheet node's Webhook resource (list, get, create, enable, delete) end to end through
// n8n's engine against the emulator, with the verification request travelling to a subscriber on
// 127.0.0.1, and its failures routed to their outputs.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { CallbackReceiver } from '../support/callbackReceiver';
import { issuedSecrets, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('Webhook resource', () => {
	const suite = useEmulator({ webhooks: { allowInsecureCallbacks: true } });
	let receiver: CallbackReceiver;
	let sheetId: string;
	before(async () => (receiver = await CallbackReceiver.start()));
	after(async () => await receiver.close());
	beforeEach(async () => {
		receiver.clear();
		sheetId = (await suite.fx.sheet('Project Tracker')).id;
	});

	const pat = { authentication: 'accessToken', resource: 'webhook' };
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const create = (extra: Record<string, unknown> = {}) => ({
		...pat,
		operation: 'create',
		sheetId: byId(sheetId),
		name: '={{ $json.name }}',
		callbackUrl: `${receiver.url}`,
		...extra,
	});
	/** Every shared secret the emulator holds, for the secrets scan: none may appear in an output. */
	const rememberSecrets = async () => {
		for (const webhook of await suite.fx.admin('GET', '/webhooks'))
			issuedSecrets.add(webhook.sharedSecret);
	};

	test('the webhook picker (listSearch searchWebhooks) shows name and status and filters by name only', async () => {
		await suite.fx.run(create(), [{ name: 'Orders hook' }, { name: 'Stock hook' }]);
		await rememberSecrets();
		const all = await suite.fx.listSearch('searchWebhooks', { authentication: 'accessToken' });
		assert.deepEqual(all.results.map((entry) => entry.name).sort(), [
			'Orders hook (NEW_NOT_VERIFIED)',
			'Stock hook (NEW_NOT_VERIFIED)',
		]);
		assert.equal(all.paginationToken, undefined, 'a short page is the last');
		const orders = await suite.fx.listSearch(
			'searchWebhooks',
			{ authentication: 'accessToken' },
			'orders',
		);
		assert.deepEqual(
			orders.results.map((entry) => entry.name),
			['Orders hook (NEW_NOT_VERIFIED)'],
		);
		assert.equal(
			(await suite.fx.listSearch('searchWebhooks', { authentication: 'accessToken' }, 'verified'))
				.results.length,
			0,
			'the status is not searched',
		);
	});

	test('create → enable (verified over HTTP) → get → list → delete; the shared secret is never output', async () => {
		const status = (await suite.fx.sheet('Project Tracker')).columns.find(
			(column) => column.title === 'Status',
		)!.id;
		const created = await suite.fx.run(create({ columnIds: [status] }), [
			{ name: 'first' },
			{ name: 'second' },
		]);
		const webhooks = jsonOf(created, OUTPUT.success);
		await rememberSecrets();
		assert.deepEqual(
			webhooks.map((webhook) => [webhook.name, webhook.status, webhook.enabled]),
			[
				['first', 'NEW_NOT_VERIFIED', false],
				['second', 'NEW_NOT_VERIFIED', false],
			],
		);
		assert.deepEqual(
			created.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal(webhooks[0].scopeObjectId, sheetId);
		assert.deepEqual(webhooks[0].subscope, { columnIds: [status] });
		assert.equal(typeof webhooks[0].id, 'string');
		assert.equal('sharedSecret' in webhooks[0], false);
		assert.match(String(webhooks[0].sharedSecretSuffix), /^[a-z0-9]{6}$/);

		const [enabled] = jsonOf(
			await suite.fx.run({ ...pat, operation: 'enable', webhookId: byId(String(webhooks[0].id)) }),
			OUTPUT.success,
		);
		assert.deepEqual([enabled.status, enabled.enabled], ['ENABLED', true]);
		assert.equal(
			receiver.challenges().length,
			1,
			'Smartsheet verified the callback URL during the call',
		);

		const [got] = jsonOf(
			await suite.fx.run({ ...pat, operation: 'get', webhookId: byId(String(webhooks[0].id)) }),
			OUTPUT.success,
		);
		assert.deepEqual(
			[got.id, got.status, got.callbackUrl],
			[webhooks[0].id, 'ENABLED', receiver.url],
		);

		const all = jsonOf(
			await suite.fx.run({ ...pat, operation: 'list', returnAll: true }),
			OUTPUT.success,
		);
		assert.deepEqual(
			all.map((webhook) => webhook.name),
			['second', 'first'],
			'newest first',
		);
		const limited = jsonOf(
			await suite.fx.run({ ...pat, operation: 'list', returnAll: false, limit: 1 }),
			OUTPUT.success,
		);
		assert.deepEqual(
			limited.map((webhook) => webhook.name),
			['second'],
		);

		const deleted = jsonOf(
			await suite.fx.run({ ...pat, operation: 'delete', webhookId: byId(String(webhooks[1].id)) }),
			OUTPUT.success,
		);
		assert.deepEqual(deleted, [{ id: webhooks[1].id, deleted: true }]);
		assert.deepEqual(
			(await suite.fx.admin('GET', '/webhooks')).map((webhook: any) => String(webhook.id)),
			[webhooks[0].id],
		);
	});

	test('create with Enable Now: verified at once; a callback URL that does not answer the challenge ends DISABLED_VERIFICATION_FAILED', async () => {
		const [ok] = jsonOf(
			await suite.fx.run(create({ enable: true }), [{ name: 'now' }]),
			OUTPUT.success,
		);
		assert.equal(ok.status, 'ENABLED');
		receiver.behaviour = () => ({ status: 404, body: 'no such webhook' });
		const [failed] = jsonOf(
			await suite.fx.run(create({ enable: true }), [{ name: 'unanswered' }]),
			OUTPUT.success,
		);
		await rememberSecrets();
		assert.deepEqual([failed.status, failed.enabled], ['DISABLED_VERIFICATION_FAILED', false]);
		assert.match(String(failed.disabledDetails), /HTTP 404/);
	});

	test('create with Enable Now whose enabling fails deletes the webhook it made; if the delete fails too, the failure names it', async () => {
		const fault = async (method: string, count = 1) =>
			await suite.fx.admin('POST', '/faults', {
				match: { method, path: '/2.0/webhooks/*' },
				count,
				response: { kind: 'error', status: 403, errorCode: 1004 },
			});
		await fault('PUT');
		const [cleaned] = jsonOf(
			await suite.fx.run(create({ enable: true }), [{ name: 'refused' }]),
			OUTPUT.permission,
		);
		assert.match(
			(cleaned.smartsheetFailure as any).message,
			/the webhook \d+ created for this item was deleted again/,
		);
		assert.deepEqual(await suite.fx.admin('GET', '/webhooks'), [], 'nothing left behind');

		await fault('PUT');
		await fault('DELETE');
		const [stuck] = jsonOf(
			await suite.fx.run(create({ enable: true }), [{ name: 'refused twice' }]),
			OUTPUT.permission,
		);
		await rememberSecrets();
		const [left] = await suite.fx.admin('GET', '/webhooks');
		const failure = stuck.smartsheetFailure as any;
		assert.equal(failure.createdWebhookId, String(left.id));
		assert.match(failure.action, new RegExp(`delete webhook ${left.id} \\(Webhook → Delete\\)`));
	});

	test('a webhook on a sheet whose IDs exceed 2^53 keeps them exact', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const [webhook] = jsonOf(
			await suite.fx.run({ ...create(), sheetId: byId(big.id) }, [{ name: 'big' }]),
			OUTPUT.success,
		);
		await rememberSecrets();
		assert.equal(webhook.scopeObjectId, '9007199254740993');
	});

	test('failures: unknown webhook → Payload (1006), not a number → Payload without a request, no ADMIN_WEBHOOKS → Permission (1004)', async () => {
		const unknown = await suite.fx.run({ ...pat, operation: 'get', webhookId: byId('12345') }, [
			{ keep: 1 },
		]);
		const [missing] = jsonOf(unknown, OUTPUT.payload);
		assert.deepEqual([(missing.smartsheetFailure as any).errorCode, missing.keep], [1006, 1]);
		const before = (await suite.fx.stats()).requests;
		const notANumber = await suite.fx.run(
			{ ...pat, operation: 'delete', webhookId: byId('={{ $json.id }}') },
			[{ id: 'abc' }],
		);
		assert.match(
			(jsonOf(notANumber, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Webhook ID must be a number/,
		);
		assert.equal((await suite.fx.stats()).requests, before, 'no request sent');
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS', 'WRITE_SHEETS'] }));
		for (const operation of ['list', 'create']) {
			const result = await suite.fx.run(
				{ ...create(), authentication: 'oAuth2', operation, returnAll: true },
				[{ name: 'x' }],
			);
			const failure = jsonOf(result, OUTPUT.permission)[0]?.smartsheetFailure as any;
			assert.deepEqual(
				[failure?.httpStatus, failure?.errorCode, failure?.operation],
				[403, 1004, `webhook:${operation}`],
				operation,
			);
		}
	});

	test("failures: an http:// callback URL under Smartsheet's rules → Payload (1152); enabling a webhook of a revoked app → Permission (1153)", async () => {
		await suite.fx.admin('POST', '/webhooks/config', { allowInsecureCallbacks: false });
		const refused = await suite.fx.run(create(), [{ name: 'insecure' }]);
		const failure = jsonOf(refused, OUTPUT.payload)[0].smartsheetFailure as any;
		assert.deepEqual([failure.httpStatus, failure.errorCode], [400, 1152]);
		assert.match(failure.action, /HTTPS callback URL/);
		await suite.fx.admin('POST', '/webhooks/config', { allowInsecureCallbacks: true });
		const [webhook] = jsonOf(await suite.fx.run(create(), [{ name: 'revoked' }]), OUTPUT.success);
		await rememberSecrets();
		await suite.fx.admin('POST', '/webhooks/status', {
			webhookId: webhook.id,
			status: 'DISABLED_APP_REVOKED',
		});
		const enable = await suite.fx.run({
			...pat,
			operation: 'enable',
			webhookId: byId(String(webhook.id)),
		});
		const revoked = jsonOf(enable, OUTPUT.permission)[0].smartsheetFailure as any;
		assert.deepEqual([revoked.httpStatus, revoked.errorCode], [403, 1153]);
		assert.match(revoked.action, /cannot be re-enabled/);
	});
});
