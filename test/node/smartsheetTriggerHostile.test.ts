// The Smartsheet Trigger's public URL under hostile callers: unsigned floods, oversized bodies,
// forged IDs aimed at another trigger, replays, hostile challenges, and a seeded fuzz run. Every
// request goes over HTTP to the trigger harness; Smartsheet requests are counted on the emulator.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { beforeEach, describe, test } from 'node:test';

import { MAX_CALLBACK_BYTES } from '../../nodes/SmartsheetTrigger/callback.ts';
import { LOOKUPS_PER_MINUTE } from '../../nodes/SmartsheetTrigger/lookupBudget.ts';
import { SmartsheetTrigger } from '../../nodes/SmartsheetTrigger/SmartsheetTrigger.node.ts';
import type { TriggerHarness } from '../harness/triggerHarness';
import { useTriggers } from '../support/triggerSuite';

const TYPE = 'n8n-nodes-smartsheet-resilient.smartsheetTrigger';
const sign = (text: string, secret: string) =>
	createHmac('sha256', secret).update(text).digest('hex');

describe('Smartsheet Trigger against hostile callers', () => {
	const suite = useTriggers();
	let sheet: { id: string; columns: Array<{ id: string; title: string }> };
	let rowId: string;
	beforeEach(async () => {
		sheet = await suite.fx.sheet('Project Tracker');
		rowId = String((await suite.fx.api('GET', `/sheets/${sheet.id}`)).rows[0].id);
	});

	const start = async () =>
		await suite.start(new SmartsheetTrigger(), TYPE, {
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			events: ['*'],
			includeRowData: false,
		});
	const webhookOf = async (harness: TriggerHarness) =>
		((await suite.fx.admin('GET', '/webhooks')) as any[]).find(
			(webhook) => webhook.callbackUrl === harness.webhookUrl,
		);
	const requestCount = async () => (await suite.fx.stats()).requests as number;
	const post = async (
		harness: TriggerHarness,
		body: string | Buffer,
		headers: Record<string, string> = {},
	) =>
		await fetch(harness.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
	const callback = (webhookId: string, extra: Record<string, unknown> = {}) =>
		JSON.stringify({
			nonce: 'nonce-1',
			timestamp: new Date().toISOString().replace('Z', '+00:00'),
			webhookId: Number(webhookId),
			scope: 'sheet',
			scopeObjectId: Number(sheet.id),
			events: [{ objectType: 'row', eventType: 'updated', id: Number(rowId) }],
			...extra,
		});
	const change = async () =>
		await suite.fx.api('PUT', `/sheets/${sheet.id}/rows`, [
			{ id: rowId, cells: [{ columnId: sheet.columns[0].id, value: `changed ${Math.random()}` }] },
		]);

	test('an unsigned flood costs no Smartsheet request; signature-shaped garbage costs at most a few lookups a minute', async () => {
		const harness = await start();
		harness.holdStaticData = true; // the worst case: the static data names no webhook yet
		await harness.activate();
		const before = await requestCount();
		for (let i = 0; i < 40; i++)
			assert.equal((await post(harness, callback(String(1000 + i)))).status, 401);
		assert.equal(await requestCount(), before, 'no signature header: no request');
		for (let i = 0; i < 40; i++)
			assert.equal(
				(
					await post(harness, callback(String(2000 + i)), {
						'Smartsheet-Hmac-SHA256': 'zz'.repeat(32),
					})
				).status,
				401,
			);
		assert.equal(await requestCount(), before, 'not 64 hex digits: no request');
		for (let i = 0; i < 40; i++)
			assert.equal(
				(
					await post(harness, callback(String(3000 + i)), {
						'Smartsheet-Hmac-SHA256': 'ab'.repeat(32),
					})
				).status,
				401,
			);
		assert.ok(
			(await requestCount()) - before <= LOOKUPS_PER_MINUTE,
			`at most ${LOOKUPS_PER_MINUTE} lookups, saw ${(await requestCount()) - before}`,
		);
		assert.equal(harness.executions.length, 0);
	});

	test('a body over the limit is refused (413) unread, before any request', async () => {
		const harness = await start();
		await harness.activate();
		const webhook = await webhookOf(harness);
		const before = await requestCount();
		const big = callback(webhook.id, { padding: 'x'.repeat(MAX_CALLBACK_BYTES) });
		const response = await post(harness, big, {
			'Smartsheet-Hmac-SHA256': sign(big, webhook.sharedSecret),
		});
		assert.equal(response.status, 413);
		assert.equal(await requestCount(), before);
		assert.equal(harness.executions.length, 0);
	});

	test("a forged callback naming trigger A's webhook, sent to trigger B, does not make A's genuine callbacks fail", async () => {
		const a = await start();
		const b = await start();
		a.holdStaticData = true;
		b.holdStaticData = true;
		await a.activate();
		await b.activate();
		const webhookA = await webhookOf(a);
		const forged = callback(webhookA.id);
		assert.equal(
			(await post(b, forged, { 'Smartsheet-Hmac-SHA256': 'ab'.repeat(32) })).status,
			401,
			'B looks it up: not its webhook',
		);
		await change();
		await suite.idle();
		const deliveries = (
			await suite.fx.admin('GET', `/webhooks/deliveries?webhookId=${webhookA.id}`)
		).filter((record: any) => record.kind === 'event');
		assert.deepEqual(
			deliveries.map((record: any) => record.httpStatus),
			[200],
			"A's genuine callback passed the first time",
		);
		assert.equal(a.executions.length, 1);
	});

	test('a replayed callback starts nothing; neither does one stamped outside the window', async () => {
		const harness = await start();
		await harness.activate();
		const webhook = await webhookOf(harness);
		const body = callback(webhook.id, { nonce: 'replayed-nonce' });
		const headers = { 'Smartsheet-Hmac-SHA256': sign(body, webhook.sharedSecret) };
		assert.equal((await post(harness, body, headers)).status, 200);
		await harness.waitForExecutions(1);
		const again = await post(harness, body, headers);
		assert.equal(again.status, 200, 'acknowledged, so Smartsheet stops retrying');
		assert.match(await again.text(), /already received/);
		for (const timestamp of [
			'2001-09-09T01:46:40.000+00:00',
			'2100-01-01T00:00:00.000+00:00',
			'not a date',
		]) {
			const stale = callback(webhook.id, { nonce: `nonce-${timestamp}`, timestamp });
			const response = await post(harness, stale, {
				'Smartsheet-Hmac-SHA256': sign(stale, webhook.sharedSecret),
			});
			assert.equal(response.status, 200, timestamp);
			assert.match(await response.text(), /outside the accepted window/, timestamp);
		}
		const fresh = callback(webhook.id, { nonce: 'another-nonce' });
		assert.equal(
			(await post(harness, fresh, { 'Smartsheet-Hmac-SHA256': sign(fresh, webhook.sharedSecret) }))
				.status,
			200,
		);
		await harness.waitForExecutions(2);
		assert.equal(harness.executions.length, 2, 'only the two distinct, timely callbacks started');
	});

	test("only challenges shaped like Smartsheet's are echoed; anything else gets 400, never a 500", async () => {
		const harness = await start();
		await harness.activate();
		const good = await post(
			harness,
			JSON.stringify({ challenge: 'd1e6fa5e-2b54_4c1f', webhookId: 1 }),
			{ 'Smartsheet-Hook-Challenge': 'd1e6fa5e-2b54_4c1f' },
		);
		assert.equal(good.status, 200);
		assert.equal(good.headers.get('smartsheet-hook-response'), 'd1e6fa5e-2b54_4c1f');
		const hostile: Array<[string, string, Record<string, string>]> = [
			['script in the header', '{}', { 'Smartsheet-Hook-Challenge': '<script>alert(1)</script>' }],
			['script in the body', JSON.stringify({ challenge: '<script>alert(1)</script>' }), {}],
			['CRLF in the body', JSON.stringify({ challenge: 'a\r\nSet-Cookie: x=1' }), {}],
			['too long', JSON.stringify({ challenge: 'a'.repeat(257) }), {}],
			['empty', JSON.stringify({ challenge: '' }), {}],
			['not a string', JSON.stringify({ challenge: { nested: true } }), {}],
		];
		for (const [name, body, headers] of hostile) {
			const response = await post(harness, body, headers);
			const text = await response.text();
			assert.equal(response.status, 400, name);
			assert.equal(response.headers.get('smartsheet-hook-response'), null, name);
			assert.doesNotMatch(text, /script|Set-Cookie|aaaa|nested/, name);
		}
		assert.equal(harness.executions.length, 0);
	});

	test('fuzz: random and hostile requests never cost a Smartsheet request, start an execution or get a 500', async () => {
		const harness = await start();
		await harness.activate();
		const webhook = await webhookOf(harness);
		const random = prng(0x5eed);
		const pick = <T>(options: T[]): T => options[Math.floor(random() * options.length)];
		const text = (length: number) =>
			Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 0x2fff))).join('');
		const hex = (length: number) =>
			Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
		const ids = [
			webhook.id,
			'0',
			'-1',
			'9007199254740993',
			'1e308',
			'123456789012345678901234',
			'null',
			'"abc"',
		];
		const bodies = [
			() => callback(pick(ids).replace(/[^0-9]/g, '') || '1', { nonce: text(8) }),
			() =>
				`{"webhookId":${pick(ids)},"events":${pick(['[]', 'null', '{}', '[1,2]', '"x"'])},"nonce":${JSON.stringify(text(4))}}`,
			() => `{"challenge":${JSON.stringify(text(Math.floor(random() * 300)))}}`,
			() => `{"newWebhookStatus":"ENABLED","webhookId":${pick(ids)}}`,
			() => `${'['.repeat(2000)}${']'.repeat(2000)}`,
			() => text(Math.floor(random() * 500)),
			() => '',
			() =>
				`{"webhookId":${webhook.id},"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`,
		];
		const headerSets = [
			() => ({}),
			() => ({ 'Smartsheet-Hmac-SHA256': hex(64) }),
			() => ({ 'Smartsheet-Hmac-SHA256': hex(pick([0, 1, 63, 65, 128])) }),
			() => ({ 'Smartsheet-Hmac-SHA256': sign('something else', webhook.sharedSecret) }),
			() => ({ 'Smartsheet-Hook-Challenge': hex(Math.floor(random() * 300)).replace(/a/g, '<') }),
			() => ({
				'content-type': pick([
					'text/plain',
					'application/x-www-form-urlencoded',
					'application/json; charset=utf-16',
				]),
			}),
		];
		const before = await requestCount();
		const statuses = new Map<number, number>();
		for (let i = 0; i < 300; i++) {
			const response = await post(harness, pick(bodies)(), pick(headerSets)());
			await response.arrayBuffer();
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			assert.ok([200, 400, 401].includes(response.status), `request ${i}: HTTP ${response.status}`);
		}
		assert.equal(await requestCount(), before, 'no Smartsheet request');
		assert.equal(harness.executions.length, 0, 'no execution');
		assert.ok(harness.answered.every((answer) => answer.status !== 500 && !answer.started));
		assert.ok(
			(statuses.get(401) ?? 0) > 50 && (statuses.get(400) ?? 0) > 10,
			JSON.stringify([...statuses]),
		);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
	});
});

/** mulberry32: the same sequence on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
