// Search: Everywhere and In Sheet through n8n's engine against the emulator, including the index
// lag that makes search the wrong tool for finding a row just written (Row: List finds it at once).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('search', () => {
	const suite = useEmulator();

	test('everywhere: one item per hit, sheets, rows, folders, reports; Search In and Modified Since narrow it', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const hits = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'search',
				operation: 'everywhere',
				query: 'project',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(hits.map((hit) => hit.objectType).sort(), ['folder', 'sheet']);
		assert.equal(hits.find((hit) => hit.objectType === 'sheet')?.objectId, tracker.id);
		const [row] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'search',
				operation: 'everywhere',
				query: 'design review',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			[row.objectType, row.parentObjectId, row.parentObjectName, row.text],
			['row', tracker.id, 'Project Tracker', 'Design review'],
		);
		const scoped = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'search',
				operation: 'everywhere',
				query: 'project',
				searchOptions: { scopes: ['folderNames'] },
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			scoped.map((hit) => hit.objectType),
			['folder'],
		);
		const later = new Date(Date.now() + 3_600_000).toISOString();
		const none = await suite.fx.run({
			...pat,
			resource: 'search',
			operation: 'everywhere',
			query: 'project',
			searchOptions: { modifiedSince: later },
			returnAll: true,
		});
		assert.equal(none.outputs[0].length, 0);
		const one = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'search',
				operation: 'everywhere',
				query: 'project',
				returnAll: false,
				limit: 1,
			}),
			OUTPUT.success,
		);
		assert.equal(one.length, 1);
	});

	test('in sheet: the matching rows of that sheet, one request per input item, pairedItem kept', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'search',
				operation: 'inSheet',
				sheetId: byId(tracker.id),
				query: '={{ $json.q }}',
				returnAll: true,
			},
			[{ q: 'done' }, { q: 'launch' }],
		);
		const rows = (await suite.fx.api('GET', `/sheets/${tracker.id}`)).rows.map(
			(candidate: any) => candidate.id,
		);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((hit) => hit.objectId),
			[rows[0], rows[1], rows[4]],
		);
		assert.deepEqual(
			result.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 0 }, { item: 1 }],
		);
		assert.equal((await suite.fx.stats()).byRoute['GET /2.0/search/sheets/{sheetId}'], 2);
	});

	test('the index lags: a row just added is not found by search, but Row: List with a filter finds it at once', async () => {
		await suite.fx.admin('POST', '/config', { searchLagMs: 1000 });
		await suite.fx.stopClock();
		const tracker = await suite.fx.sheet('Project Tracker');
		const sheetId = byId(tracker.id);
		const [added] = jsonOf(
			await suite.fx.run({ ...pat, resource: 'row', operation: 'add', sheetId }, [
				{ Task: 'Post-mortem' },
			]),
			OUTPUT.success,
		);
		const searchNow = async () =>
			jsonOf(
				await suite.fx.run({
					...pat,
					resource: 'search',
					operation: 'inSheet',
					sheetId,
					query: 'post-mortem',
					returnAll: true,
				}),
				OUTPUT.success,
			).map((hit) => hit.objectId);
		assert.deepEqual(await searchNow(), [], 'search does not see it yet');
		const listed = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'row',
				operation: 'list',
				sheetId,
				filters: { condition: [{ column: 'Task', operator: 'equals', value: 'Post-mortem' }] },
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			listed.map((row) => row.id),
			[added.id],
			'Row: List reads the sheet itself',
		);
		await suite.fx.advanceClock(1100);
		assert.deepEqual(await searchNow(), [added.id], 'after the lag the index has it');
	});

	test('failures: unknown sheet → Payload; a sheet no longer shared → Permission; a token without READ_SHEETS → Permission; an empty query → Payload without a request', async () => {
		const tracker = await suite.fx.sheet('Project Tracker');
		const unknown = await suite.fx.run(
			{
				...pat,
				resource: 'search',
				operation: 'inSheet',
				sheetId: byId('4242424242'),
				query: 'x',
				returnAll: true,
			},
			[{ keep: 1 }],
		);
		assert.deepEqual(
			jsonOf(unknown, OUTPUT.payload).map((item) => [
				item.keep,
				(item.smartsheetFailure as any).errorCode,
			]),
			[[1, 1006]],
		);
		await suite.fx.admin('POST', '/access', { sheetId: tracker.id, accessLevel: 'NONE' });
		const denied = await suite.fx.run({
			...pat,
			resource: 'search',
			operation: 'inSheet',
			sheetId: byId(tracker.id),
			query: 'done',
			returnAll: true,
		});
		assert.equal((jsonOf(denied, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		const hidden = await suite.fx.run({
			...pat,
			resource: 'search',
			operation: 'everywhere',
			query: 'design review',
			returnAll: true,
		});
		assert.equal(hidden.outputs[0].length, 0, 'its rows are out of search everywhere too');

		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_USERS'] }));
		const noScope = await suite.fx.run({
			resource: 'search',
			operation: 'everywhere',
			query: 'project',
			returnAll: true,
		});
		assert.deepEqual(
			[
				(jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any).errorCode,
				(jsonOf(noScope, OUTPUT.permission)[0].smartsheetFailure as any).operation,
			],
			[1004, 'search:everywhere'],
		);

		const before = (await suite.fx.stats()).requests;
		const empty = await suite.fx.run({
			...pat,
			resource: 'search',
			operation: 'everywhere',
			query: ' ',
			returnAll: true,
		});
		assert.match(
			(jsonOf(empty, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/needs a query/,
		);
		assert.equal((await suite.fx.stats()).requests, before);
	});

	test('IDs above 2^53 in search results come back exact, as strings', async () => {
		const big = await suite.fx.sheet('Big IDs');
		const [hit] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'search',
				operation: 'inSheet',
				sheetId: byId(big.id),
				query: 'exceeds',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		const [rowId] = (await suite.fx.api('GET', `/sheets/${big.id}`)).rows.map((row: any) => row.id);
		assert.ok(BigInt(hit.objectId as string) > 2n ** 53n);
		assert.deepEqual([hit.objectId, hit.parentObjectId], [rowId, big.id]);
	});
});
