// The Smartsheet Report Trigger against the emulator: a baseline on activation, then every row of
// the report's source sheets that is added or updated, exactly once, with its source sheet; rows
// outside the report's filter are not news; "Fetch Test Event" does not move the watermark.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { SmartsheetReportTrigger } from '../../nodes/SmartsheetReportTrigger/SmartsheetReportTrigger.node.ts';
import type { TriggerHarness } from '../harness/triggerHarness';
import { useTriggers } from '../support/triggerSuite';

const TYPE = 'n8n-nodes-smartsheet-resilient.smartsheetReportTrigger';

describe('Smartsheet Report Trigger', () => {
	const suite = useTriggers();
	let tracker: { id: string; columns: Array<{ id: string; title: string }> };
	let second: { id: string; columns: Array<{ id: string; title: string }> };
	let reportId: string;
	let rowIds: string[];
	const column = (sheet: typeof tracker, title: string) =>
		sheet.columns.find((candidate) => candidate.title === title)!.id;
	beforeEach(async () => {
		tracker = await suite.fx.sheet('Project Tracker');
		const made = await suite.fx.admin('POST', '/sheets', {
			name: 'Second',
			rows: 2,
			columns: [{ title: 'Task', type: 'TEXT_NUMBER', primary: true }],
		});
		second = {
			id: made.id,
			columns: (await suite.fx.api('GET', `/sheets/${made.id}/columns`)).data.map((entry: any) => ({
				id: String(entry.id),
				title: entry.title,
			})),
		};
		reportId = (
			await suite.fx.admin('POST', '/reports', {
				name: 'Both',
				sheetIds: [tracker.id, made.id],
				columns: ['Task', 'Status'],
			})
		).id;
		rowIds = (await suite.fx.api('GET', `/sheets/${tracker.id}`)).rows.map((row: any) =>
			String(row.id),
		);
	});

	const start = async (parameters: Record<string, unknown> = {}) =>
		await suite.start(new SmartsheetReportTrigger(), TYPE, {
			reportId: { __rl: true, mode: 'id', value: reportId },
			events: ['created', 'updated'],
			...parameters,
		});
	const setTask = async (sheet: typeof tracker, rowId: string, value: string) =>
		await suite.fx.api('PUT', `/sheets/${sheet.id}/rows`, [
			{ id: rowId, cells: [{ columnId: column(sheet, 'Task'), value }] },
		]);
	const add = async (sheet: typeof tracker, value: string) =>
		String(
			(
				await suite.fx.api('POST', `/sheets/${sheet.id}/rows`, [
					{ toBottom: true, cells: [{ columnId: column(sheet, 'Task'), value }] },
				])
			).result[0].id,
		);
	const emitted = async (harness: TriggerHarness, mode: 'trigger' | 'manual' = 'trigger') =>
		((await harness.poll(mode))?.[0] ?? []).map((item) => item.json);

	test('activation emits nothing; an added and an updated row in two source sheets come once each, flat by report column, with their sheet', async () => {
		const harness = await start();
		assert.equal(await harness.poll(), null, 'what was there before activation is not news');
		assert.equal(await harness.poll(), null);
		const added = await add(second, 'Second sheet task');
		await setTask(tracker, rowIds[0], 'Renamed first task');
		const items = await emitted(harness);
		const byRow = Object.fromEntries(items.map((item) => [item.rowId, item]));
		assert.deepEqual(
			items.map((item) => [item.rowId, item.eventType, item.sheetId]).sort(),
			[
				[added, 'created', second.id],
				[rowIds[0], 'updated', tracker.id],
			].sort(),
		);
		assert.deepEqual(
			[(byRow[added].row as any).Task, (byRow[rowIds[0]].row as any).Task],
			['Second sheet task', 'Renamed first task'],
		);
		assert.equal(byRow[added].reportId, reportId);
		assert.equal(await harness.poll(), null, 'the next poll has nothing');
	});

	test('Trigger On: only updates', async () => {
		const harness = await start({ events: ['updated'] });
		await harness.poll();
		await add(tracker, 'New one');
		await setTask(tracker, rowIds[1], 'Changed');
		assert.deepEqual(
			(await emitted(harness)).map((item) => [item.rowId, item.eventType]),
			[[rowIds[1], 'updated']],
		);
	});

	test('a second change to the same row comes again; an unchanged re-read does not', async () => {
		const harness = await start();
		await harness.poll();
		await setTask(tracker, rowIds[2], 'First edit');
		assert.equal((await emitted(harness)).length, 1);
		await setTask(tracker, rowIds[2], 'Second edit');
		const again = await emitted(harness);
		assert.deepEqual(
			again.map((item) => (item.row as any).Task),
			['Second edit'],
		);
		assert.equal(await harness.poll(), null);
	});

	test("a row outside the report's filter is not news, even when edited", async () => {
		const open = (await suite.fx.api('GET', '/reports')).data.find(
			(report: any) => report.name === 'Open Tasks',
		);
		reportId = String(open.id);
		const harness = await start();
		await harness.poll();
		const rows = (await suite.fx.api('GET', `/sheets/${tracker.id}`)).rows as any[];
		const doneColumn = column(tracker, 'Done');
		const doneRow = rows.find(
			(row) => row.cells.find((cell: any) => String(cell.columnId) === doneColumn)?.value === true,
		);
		const openRow = rows.find(
			(row) => row.cells.find((cell: any) => String(cell.columnId) === doneColumn)?.value !== true,
		);
		await setTask(tracker, String(doneRow.id), 'Edited but done');
		await setTask(tracker, String(openRow.id), 'Edited and open');
		assert.deepEqual(
			(await emitted(harness)).map((item) => (item.row as any).Task),
			['Edited and open'],
		);
	});

	test('Fetch Test Event: the latest rows, and the watermark does not move', async () => {
		const harness = await start();
		await harness.poll();
		const added = await add(tracker, 'Sampled');
		const sample = await emitted(harness, 'manual');
		assert.ok(sample.some((item) => item.rowId === added));
		assert.deepEqual(
			(await emitted(harness)).map((item) => item.rowId),
			[added],
			'the real poll still sees it',
		);
	});

	test("a report the user may no longer see fails the poll with Smartsheet's reason", async () => {
		const harness = await start();
		await harness.poll();
		await suite.fx.admin('POST', '/access', { reportId, accessLevel: 'NONE' });
		await assert.rejects(harness.poll(), /Smartsheet refused the poll of report .*not authorized/);
	});
});
