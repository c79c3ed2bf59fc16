// The Smartsheet Polling Trigger against the emulator: the version check first (no row read when
// nothing changed), then every added or updated row exactly once, also when changes fall in the
// same second as the watermark (Smartsheet's rowsModifiedSince has one-second granularity).
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { SmartsheetPollingTrigger } from '../../nodes/SmartsheetPollingTrigger/SmartsheetPollingTrigger.node.ts';
import type { TriggerHarness } from '../harness/triggerHarness';
import { issuedSecrets, OAUTH_CREDENTIAL } from '../support/smartsheetFixture';
import { useTriggers } from '../support/triggerSuite';

const TYPE = 'n8n-nodes-smartsheet-resilient.smartsheetPollingTrigger';

describe('Smartsheet Polling Trigger', () => {
	const suite = useTriggers();
	let sheet: { id: string; columns: Array<{ id: string; title: string }> };
	let rowIds: string[];
	const task = () => sheet.columns.find((column) => column.title === 'Task')!.id;
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
			new SmartsheetPollingTrigger(),
			TYPE,
			{
				sheetId: { __rl: true, mode: 'id', value: sheet.id },
				events: ['created', 'updated'],
				...parameters,
			},
			authentication,
		);
	const update = async (rowId: string, value: string) =>
		await suite.fx.api('PUT', `/sheets/${sheet.id}/rows`, [
			{ id: rowId, cells: [{ columnId: task(), value }] },
		]);
	const add = async (value: string) =>
		String(
			(
				await suite.fx.api('POST', `/sheets/${sheet.id}/rows`, [
					{ toBottom: true, cells: [{ columnId: task(), value }] },
				])
			).result[0].id,
		);
	const routesSince = async (count: number) =>
		(await suite.fx.admin('GET', `/requests?limit=${count}`)).map((entry: any) => entry.route);
	const emitted = async (harness: TriggerHarness) => {
		const result = await harness.poll();
		return (result?.[0] ?? []).map((item) => item.json);
	};
	/** Stops the emulator's clock as the next second begins, so the steps that follow share Smartsheet's timestamp second. */
	const startOfSecond = async () => await suite.fx.stopClock(Math.ceil(Date.now() / 1000) * 1000);

	test('activation takes a baseline and emits nothing; an unchanged version reads no rows', async () => {
		const harness = await start();
		assert.equal(await harness.poll(), null, 'what was there before activation is not news');
		const state = harness.savedStaticData['node:Smartsheet Trigger'] as any;
		assert.deepEqual(
			[state.sheetId, typeof state.version, typeof state.watermark],
			[sheet.id, 'number', 'string'],
		);
		const before = (await suite.fx.stats()).requests;
		assert.equal(await harness.poll(), null);
		assert.equal(await harness.poll(), null);
		const after = await suite.fx.stats();
		assert.equal(after.requests - before, 2, 'one request per poll');
		assert.deepEqual(await routesSince(2), [
			'GET /2.0/sheets/{sheetId}/version',
			'GET /2.0/sheets/{sheetId}/version',
		]);
	});

	test('an added and an updated row come once each, with their values; the next poll has nothing', async () => {
		const harness = await start();
		await harness.poll();
		const added = await add('Polled task');
		await update(rowIds[2], 'Design review (moved)');
		const items = await emitted(harness);
		assert.deepEqual(
			items.map((item) => [item.rowId, item.eventType]).sort(),
			[
				[added, 'created'],
				[rowIds[2], 'updated'],
			].sort(),
		);
		const byId = Object.fromEntries(items.map((item) => [item.rowId, item]));
		assert.equal((byId[added].row as any).Task, 'Polled task');
		assert.equal((byId[rowIds[2]].row as any).Task, 'Design review (moved)');
		assert.equal(byId[added].sheetId, sheet.id);
		assert.equal(harness.executions.length, 1, 'one execution for the poll');
		assert.equal(await harness.poll(), null);
	});

	test('the same second: rows changed just after a poll, and a second change to a row already emitted in that second, each come once', async () => {
		const harness = await start();
		await harness.poll();
		await startOfSecond();
		await update(rowIds[0], 'first change');
		const first = await emitted(harness);
		assert.deepEqual(
			first.map((item) => item.rowId),
			[rowIds[0]],
		);
		// Still the same second as the watermark: a ">" query would drop these, a ">=" one repeat row 0.
		await update(rowIds[1], 'right after the poll');
		await update(rowIds[0], 'second change, same second');
		const second = await emitted(harness);
		assert.deepEqual(second.map((item) => item.rowId).sort(), [rowIds[0], rowIds[1]].sort());
		assert.equal(
			(second.find((item) => item.rowId === rowIds[0])!.row as any).Task,
			'second change, same second',
		);
		const third = await emitted(harness);
		assert.deepEqual(third, []);
	});

	test('many random rounds: every change is emitted exactly once, none twice, none missed', async () => {
		const harness = await start();
		await harness.poll();
		await startOfSecond();
		let random = 7;
		const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31);
		const ids = [...rowIds];
		let expectedTotal = 0;
		for (let round = 0; round < 12; round++) {
			const changed = new Set<string>();
			for (let step = next() % 4; step > 0; step--) {
				if (next() % 3 === 0) {
					const id = await add(`round ${round} step ${step}`);
					ids.push(id);
					changed.add(id);
				} else {
					const id = ids[next() % ids.length];
					await update(id, `round ${round} step ${step} ${next()}`);
					changed.add(id);
				}
			}
			const items = await emitted(harness);
			assert.deepEqual(
				items.map((item) => item.rowId).sort(),
				[...changed].sort(),
				`round ${round}`,
			);
			expectedTotal += changed.size;
			// A quarter of a second per round, and a whole one every fourth: changes share seconds and cross them.
			await suite.fx.advanceClock(round % 4 === 3 ? 1250 : 250);
		}
		assert.equal(harness.items().length, expectedTotal);
		assert.equal(
			new Set(harness.executions.map((execution) => JSON.stringify(execution.items))).size,
			harness.executions.length,
			'no poll repeated another',
		);
	});

	test('"Ignore Own Changes": rows last modified by the credential\'s user start nothing, another user\'s do; off by default', async () => {
		const harness = await start({ options: { ignoreOwnChanges: true } });
		await harness.poll();
		const {
			ids: [colleague],
		} = await suite.fx.admin('POST', '/users', { count: 1, prefix: 'colleague' });
		const theirs = await suite.fx.admin('POST', '/tokens', { userId: colleague });
		issuedSecrets.add(theirs.access_token);
		issuedSecrets.add(theirs.refresh_token);
		await update(rowIds[1], 'written by the workflow');
		const response = await fetch(`${suite.fx.emulator.apiBase}/sheets/${sheet.id}/rows`, {
			method: 'PUT',
			headers: {
				authorization: `Bearer ${theirs.access_token}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify([
				{ id: rowIds[2], cells: [{ columnId: task(), value: 'written by a colleague' }] },
			]),
		});
		assert.equal(response.status, 200);
		assert.deepEqual(
			(await emitted(harness)).map((item) => [item.rowId, (item.row as any).Task]),
			[[rowIds[2], 'written by a colleague']],
		);
		assert.ok((await routesSince(3)).includes('GET /2.0/users/me'), 'the own user is asked for');

		harness.setParameters({
			authentication: 'accessToken',
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			events: ['created', 'updated'],
		});
		await update(rowIds[1], 'written by the workflow again');
		assert.deepEqual(
			(await emitted(harness)).map((item) => item.rowId),
			[rowIds[1]],
			'off: every change comes',
		);
	});

	test('"Trigger On" filters added from updated rows; a column change moves the version but emits nothing', async () => {
		const harness = await start({ events: ['created'] });
		await harness.poll();
		await update(rowIds[0], 'an update nobody asked for');
		const added = await add('a new one');
		assert.deepEqual(
			(await emitted(harness)).map((item) => item.rowId),
			[added],
		);
		await suite.fx.api('POST', `/sheets/${sheet.id}/columns`, [
			{ title: 'Notes', type: 'TEXT_NUMBER', index: 5 },
		]);
		assert.deepEqual(await emitted(harness), []);
		assert.equal(await harness.poll(), null);
		assert.deepEqual(await routesSince(1), ['GET /2.0/sheets/{sheetId}/version']);
	});

	test('"Fetch Test Event" (manual) shows the latest change without moving the watermark', async () => {
		const harness = await start();
		await harness.poll();
		const state = JSON.stringify(harness.savedStaticData);
		await startOfSecond();
		await suite.fx.advanceClock(1000);
		await update(rowIds[4], 'the latest');
		const manual = await harness.poll('manual');
		assert.deepEqual(
			manual?.[0].map((item) => [item.json.rowId, (item.json.row as any).Task]),
			[[rowIds[4], 'the latest']],
		);
		assert.equal(JSON.stringify(harness.savedStaticData), state);
		assert.deepEqual(
			(await emitted(harness)).map((item) => item.rowId),
			[rowIds[4]],
			'the scheduled poll still reports it',
		);
	});

	test('through the token lifecycle: an expired OAuth2 token is refreshed once; an inaccessible sheet fails the poll clearly', async () => {
		const pair = await suite.fx.issueTokens();
		suite.fx.putOAuth(pair);
		const harness = await start({}, 'oAuth2');
		await harness.poll();
		await suite.fx.admin('POST', '/tokens/expire', { token: pair.access_token });
		await update(rowIds[0], 'after expiry');
		assert.deepEqual(
			(await emitted(harness)).map((item) => item.rowId),
			[rowIds[0]],
		);
		assert.equal((await suite.fx.stats()).tokenRefreshes, 1);
		assert.notEqual(suite.fx.store.tokenData(OAUTH_CREDENTIAL.id).access_token, pair.access_token);
		await suite.fx.admin('POST', '/access', { sheetId: sheet.id, accessLevel: 'NONE' });
		await assert.rejects(harness.poll(), (error: Error & { description?: string }) => {
			assert.match(
				error.message,
				/Smartsheet refused the poll of sheet \d+: You are not authorized/,
			);
			assert.match(error.description ?? '', /Share the sheet/);
			return true;
		});
	});
});
