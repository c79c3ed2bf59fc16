// The pager and each paging style against the emulator (plain fetch with a PAT, no n8n): every item
// once, in order, and exactly the requests each endpoint's stop rule needs — no page after the last.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import {
	atShortPageOrNothingNew,
	atShortPageOrAllRows,
	atShortPageOrTotalPages,
	atTotalPages,
	collect,
	lastKeys,
	onePage,
	pageNumbers,
	pages,
	uniqueById,
} from '../../nodes/shared/helpers/pager';
import { startEmulator, type RunningEmulator } from '../emulator';

const PAT = 'pager-pat-0123456789abcdefghij';

describe('pager', () => {
	let emulator: RunningEmulator;
	before(
		async () =>
			(emulator = await startEmulator({
				port: 0,
				pats: [PAT],
				webhooks: { allowInsecureCallbacks: true },
			})),
	);
	after(async () => await emulator.close());
	beforeEach(async () => await admin('POST', '/reset'));

	async function send(method: string, path: string, body?: unknown): Promise<any> {
		const response = await fetch(`${emulator.url}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${PAT}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return JSON.parse(await response.text());
	}
	const admin = async (method: string, path: string, body?: unknown) =>
		await send(method, `/__admin${path}`, body);
	/** A GET of `path` with the query and the pager's paging query; the emulator counts each one. */
	const getter =
		(path: string, query: IDataObject = {}) =>
		async (paging: IDataObject) =>
			await send(
				'GET',
				`/2.0${path}?${new URLSearchParams(Object.entries({ ...query, ...paging }).map(([key, value]): [string, string] => [key, String(value)]))}`,
			);
	const requests = async () => (await admin('GET', '/stats')).requests as number;
	const data = (answer: any) => answer.data as IDataObject[];
	const rows = (answer: any) => answer.rows as IDataObject[];

	test('page numbers, lists with totals: stops at totalPages, also when the last page is full; collect stops early for a limit', async () => {
		await admin('POST', '/users', { count: 249 }); // 250 with the seeded user
		const all = await collect(pages(getter('/users'), pageNumbers(100, atTotalPages), data));
		assert.equal(all.length, 250);
		assert.equal(new Set(all.map((user) => user.id)).size, 250);
		assert.equal(await requests(), 3);
		await admin('POST', '/users', { count: 50 }); // 300: the last page is full
		assert.equal(
			(await collect(pages(getter('/users'), pageNumbers(100, atTotalPages), data))).length,
			300,
		);
		assert.equal(await requests(), 6, 'no fourth page');
		assert.equal(
			(await collect(pages(getter('/users'), pageNumbers(100, atTotalPages), data), 150)).length,
			150,
		);
		assert.equal(await requests(), 8, 'two pages for 150');
	});

	test('page numbers from a later page (a picker page): that page and the query of the next, none after the last', async () => {
		await admin('POST', '/users', { count: 249 });
		const second = await onePage(getter('/users'), pageNumbers(100, atTotalPages, 2), data);
		assert.deepEqual([second.items.length, second.next], [100, { page: 3, pageSize: 100 }]);
		const third = await onePage(getter('/users'), pageNumbers(100, atTotalPages, 3), data);
		assert.deepEqual([third.items.length, third.next], [50, null]);
	});

	test('page numbers, webhooks (totals -1): a short page is the last; after a full last page one empty page ends it', async () => {
		const sheet = (await send('GET', '/2.0/sheets')).data[0];
		const made = async (count: number) => {
			for (let index = 0; index < count; index++) {
				await send('POST', '/2.0/webhooks', {
					name: `hook ${index}`,
					callbackUrl: 'http://127.0.0.1:9/hook',
					scope: 'sheet',
					scopeObjectId: sheet.id,
					events: ['*.*'],
					version: 1,
				});
			}
		};
		await made(5);
		const before = await requests();
		const five = await collect(
			pages(getter('/webhooks'), pageNumbers(2, atShortPageOrTotalPages(2)), data),
		);
		assert.equal(five.length, 5);
		assert.equal((await requests()) - before, 3);
		await made(1);
		const six = await collect(
			pages(getter('/webhooks'), pageNumbers(2, atShortPageOrTotalPages(2)), data),
		);
		assert.equal(six.length, 6);
		assert.equal((await requests()) - before - 3 - 1, 4, 'three full pages, then an empty one');
	});

	test("page numbers, a sheet's rows: a short page, or all of totalRowCount read (no empty page after a full last one)", async () => {
		const sheet = async (count: number) =>
			(await admin('POST', '/sheets', { name: `Rows ${count}`, rows: count })).id as string;
		const [odd, even] = [await sheet(1_200), await sheet(1_000)];
		const rowsOf = async (id: string) =>
			await collect(
				pages(getter(`/sheets/${id}`), pageNumbers(500, atShortPageOrAllRows(500)), rows),
			);
		assert.equal((await rowsOf(odd)).length, 1_200);
		assert.equal(await requests(), 3);
		const evenRows = await rowsOf(even);
		assert.deepEqual([evenRows.length, evenRows[999].rowNumber], [1_000, 1_000]);
		assert.equal(await requests(), 5, 'two pages of 500, no third');
	});

	test('page numbers, rows modified since (totalRowCount counts the whole sheet): only a short page ends it', async () => {
		const id = (await admin('POST', '/sheets', { name: 'Modified', rows: 10 })).id as string;
		const sheet = await send('GET', `/2.0/sheets/${id}`);
		const since = new Date(Date.now() - 60_000).toISOString();
		await admin('POST', '/clock/stop', { at: Date.now() + 120_000 }); // later than the rows made above
		const changed = sheet.rows.slice(0, 5).map((row: any) => ({
			id: row.id,
			cells: [{ columnId: sheet.columns[1].id, value: 'changed' }],
		}));
		await send('PUT', `/2.0/sheets/${id}/rows`, changed);
		const modified = async (sinceTime: string, pageSize = 2) =>
			await collect(
				pages(
					getter(`/sheets/${id}`, { rowsModifiedSince: sinceTime }),
					pageNumbers(pageSize, atShortPageOrNothingNew(pageSize)),
					rows,
				),
			);
		const before = await requests();
		const five = await modified(new Date(Date.now() + 60_000).toISOString());
		assert.deepEqual(
			five.map((row) => row.id),
			changed.map((row: any) => row.id),
		);
		assert.equal(
			(await requests()) - before,
			3,
			'two full pages and a short one, though totalRowCount says 10',
		);
		assert.equal(
			(await modified(since, 3)).length,
			10,
			'every row: three full pages and a short one',
		);
	});

	test('rows modified since that fill whole pages exactly: the repeated last page ends the read, each row once', async () => {
		const id = (await admin('POST', '/sheets', { name: 'Exact pages', rows: 6 })).id as string;
		const sheet = await send('GET', `/2.0/sheets/${id}`);
		await admin('POST', '/clock/stop', { at: Date.now() + 120_000 });
		await send(
			'PUT',
			`/2.0/sheets/${id}/rows`,
			sheet.rows.slice(0, 4).map((row: any) => ({
				id: row.id,
				cells: [{ columnId: sheet.columns[1].id, value: 'changed' }],
			})),
		);
		const before = await requests();
		const read = uniqueById(
			await collect(
				pages(
					getter(`/sheets/${id}`, {
						rowsModifiedSince: new Date(Date.now() + 60_000).toISOString(),
					}),
					pageNumbers(2, atShortPageOrNothingNew(2)),
					rows,
				),
			),
		);
		assert.deepEqual(
			read.map((row) => row.id),
			sheet.rows.slice(0, 4).map((row: any) => row.id),
		);
		assert.equal(
			(await requests()) - before,
			3,
			'two full pages, then the page past the end, which repeats the second',
		);
	});

	test('lastKey tokens: every workspace once, until a page without lastKey; a picker page resumes from a token', async () => {
		await admin('POST', '/workspaces', { count: 250 });
		const before = await requests();
		const all = await collect(
			pages(getter('/workspaces', { paginationType: 'token' }), lastKeys(100), data),
		);
		assert.ok(all.length >= 250, 'the seeded workspaces and the 250');
		assert.equal(new Set(all.map((workspace) => workspace.id)).size, all.length);
		assert.equal((await requests()) - before, Math.ceil(all.length / 100));
		const first = await onePage(
			getter('/workspaces', { paginationType: 'token' }),
			lastKeys(100),
			data,
		);
		const second = await onePage(
			getter('/workspaces', { paginationType: 'token' }),
			lastKeys(100, String(first.next!.lastKey)),
			data,
		);
		assert.deepEqual(
			second.items.map((workspace) => workspace.id),
			all.slice(100, 200).map((workspace) => workspace.id),
		);
	});
});
