// Options → Concurrency: per-item reads overlap (counted by the emulator's peak of requests in
// flight), writes stay one at a time, and output order and pairedItem are the input's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

describe('concurrency of per-item work', () => {
	const suite = useEmulator();
	const pat = { authentication: 'accessToken' };

	async function tracker() {
		const sheet = await suite.fx.sheet('Project Tracker');
		const rows = (await suite.fx.api<{ rows: Array<{ id: string }> }>('GET', `/sheets/${sheet.id}`))
			.rows;
		return {
			sheetId: { __rl: true, mode: 'id', value: sheet.id },
			rowIds: rows.map((row) => String(row.id)),
		};
	}

	async function peak(): Promise<number> {
		return (await suite.fx.stats()).peakInFlight as number;
	}

	test('reads keep Concurrency items in flight; answers that finish out of order still come out in item order with their pairedItem', async () => {
		const { sheetId, rowIds } = await tracker();
		// A missing row among them goes to Payload; the others to Success, each paired with its input.
		const items: IDataObject[] = Array.from({ length: 12 }, (_, index) => ({
			id: index === 5 ? '1' : rowIds[index % rowIds.length],
		}));
		await suite.fx.admin('POST', '/config', { latencyMs: [20, 120] });
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation: 'get',
				sheetId,
				rowId: '={{ $json.id }}',
				options: { concurrency: 4 },
			},
			items,
		);
		assert.equal(await peak(), 4);
		const success = result.outputs[OUTPUT.success];
		assert.deepEqual(
			success.map((entry) => entry.pairedItem),
			items.map((_, item) => ({ item })).filter(({ item }) => item !== 5),
		);
		assert.deepEqual(
			success.map((entry) => entry.json.id),
			items.filter((_, index) => index !== 5).map((item) => item.id),
		);
		assert.deepEqual(
			result.outputs[OUTPUT.payload].map((entry) => entry.pairedItem),
			[{ item: 5 }],
		);
	});

	test('Concurrency 1 sends one read at a time', async () => {
		const { sheetId, rowIds } = await tracker();
		await suite.fx.admin('POST', '/config', { latencyMs: 20 });
		await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation: 'get',
				sheetId,
				rowId: '={{ $json.id }}',
				options: { concurrency: 1 },
			},
			rowIds.map((id) => ({ id })),
		);
		assert.equal(await peak(), 1);
	});

	test('writes stay one at a time, in item order, whatever Concurrency says', async () => {
		const { sheetId } = await tracker();
		await suite.fx.admin('POST', '/config', { latencyMs: 20 });
		const items = Array.from({ length: 6 }, (_, index) => ({ name: `Column ${index}` }));
		const result = await suite.fx.run(
			{
				...pat,
				resource: 'column',
				operation: 'add',
				sheetId,
				title: '={{ $json.name }}',
				columnType: 'TEXT_NUMBER',
				index: '={{ 1 + $itemIndex }}',
				options: { concurrency: 8 },
			},
			items,
		);
		assert.equal(await peak(), 1);
		assert.deepEqual(
			result.outputs[OUTPUT.success].map((entry) => entry.pairedItem),
			items.map((_, item) => ({ item })),
		);
		const columns = (
			await suite.fx.api<{ data: Array<{ title: string }> }>(
				'GET',
				`/sheets/${sheetId.value}/columns`,
			)
		).data;
		assert.deepEqual(
			columns.map((column) => column.title).filter((title) => title.startsWith('Column ')),
			items.map((item) => item.name),
		);
	});
});
