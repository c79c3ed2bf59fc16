// Multi-picklist and multi-contact columns: their type shows only from the `level` that knows it,
// and a row writes them with an objectValue (Smartsheet's "complex column types" guide:
// https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/complex-column-types-and-compatibility).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { assertError, call, rawJson, useEmulator } from './client';

describe('multi-value columns', () => {
	const suite = useEmulator();

	async function multiSheet() {
		const created = await call(suite.emu, 'POST', '/2.0/sheets', {
			body: {
				name: 'Multi',
				columns: [
					{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
					{ title: 'Tags', type: 'MULTI_PICKLIST', options: ['red', 'blue'] },
					{ title: 'People', type: 'MULTI_CONTACT_LIST' },
				],
			},
		});
		const id = /"id":(\d+)/.exec(created.text)![1];
		const columnIds = [
			...(await call(suite.emu, 'GET', `/2.0/sheets/${id}/columns`)).text.matchAll(/"id":(\d+)/g),
		].map((match) => match[1]);
		return { id, columnIds };
	}

	test('the column list shows MULTI_CONTACT_LIST from level 1 and MULTI_PICKLIST from level 2; below, TEXT_NUMBER', async () => {
		const { id } = await multiSheet();
		const types = async (query: string) =>
			(await call(suite.emu, 'GET', `/2.0/sheets/${id}/columns${query}`)).json.data.map(
				(column: any) => column.type,
			);
		assert.deepEqual(await types(''), ['TEXT_NUMBER', 'TEXT_NUMBER', 'TEXT_NUMBER']);
		assert.deepEqual(await types('?level=1'), ['TEXT_NUMBER', 'TEXT_NUMBER', 'MULTI_CONTACT_LIST']);
		assert.deepEqual(await types('?includeAll=true&level=2'), [
			'TEXT_NUMBER',
			'MULTI_PICKLIST',
			'MULTI_CONTACT_LIST',
		]);
		assertError(await call(suite.emu, 'GET', `/2.0/sheets/${id}/columns?level=x`), 400, 1018);
	});

	test('a row writes them as objectValue; one that does not fit its column is rejected', async () => {
		const { id, columnIds } = await multiSheet();
		const [name, tags, people] = columnIds;
		const row = (cells: unknown[]) => rawJson([{ toBottom: true, cells }]);
		const added = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			raw: row([
				{ columnId: name, value: 'one' },
				{ columnId: tags, objectValue: { objectType: 'MULTI_PICKLIST', values: ['red', 'blue'] } },
				{
					columnId: people,
					objectValue: {
						objectType: 'MULTI_CONTACT',
						values: [{ objectType: 'CONTACT', email: 'ana@example.com' }],
					},
				},
			]),
			headers: { 'content-type': 'application/json' },
		});
		assert.equal(added.status, 200, added.text);
		assert.deepEqual(
			added.json.result[0].cells.map((cell: any) => cell.value),
			['one', 'red, blue', 'ana@example.com'],
		);
		const misfit = await call(suite.emu, 'POST', `/2.0/sheets/${id}/rows`, {
			raw: row([
				{
					columnId: tags,
					objectValue: {
						objectType: 'MULTI_CONTACT',
						values: [{ objectType: 'CONTACT', email: 'ana@example.com' }],
					},
				},
			]),
			headers: { 'content-type': 'application/json' },
		});
		assertError(misfit, 400, 1008);
	});
});
