// Sheet summary fields: the summary, its fields (offset paging), add (a list; renameIfConflict)
// and update (a list with ids), with the sheet access each needs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admin, assertError, call, tracker, useEmulator } from './client';

describe('sheet summary', () => {
	const suite = useEmulator();

	const fieldsPath = (sheetId: string, query = '') =>
		`/2.0/sheets/${sheetId}/summary/fields${query}`;

	test('add fields, read the summary and the field list, update a value; the sheet version moves', async () => {
		const sheet = await tracker(suite.emu);
		const version = (await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/version`)).json.version;
		assert.deepEqual(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/summary`)).json.fields,
			[],
		);
		const added = await call(suite.emu, 'POST', fieldsPath(sheet.id), {
			body: [
				{ title: 'Budget', type: 'TEXT_NUMBER', objectValue: 1200 },
				{ title: 'Phase', type: 'PICKLIST', options: ['Plan', 'Build'], objectValue: 'Plan' },
			],
		});
		assert.equal(added.status, 200, added.text);
		const [budget, phase] = added.json.result;
		assert.deepEqual(
			[budget.title, budget.objectValue, budget.displayValue, budget.index],
			['Budget', 1200, '1200', 0],
		);
		assert.deepEqual([phase.type, phase.options, phase.index], ['PICKLIST', ['Plan', 'Build'], 1]);
		assert.match(String(budget.id), /^\d+$/);
		const summary = (await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/summary`)).json;
		assert.deepEqual(
			[String(summary.sheetId), summary.fields.map((field: any) => field.title)],
			[sheet.id, ['Budget', 'Phase']],
		);
		const listed = (await call(suite.emu, 'GET', fieldsPath(sheet.id, '?pageSize=1&page=2'))).json;
		assert.deepEqual([listed.totalCount, listed.totalPages, listed.data[0].title], [2, 2, 'Phase']);
		const updated = await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
			body: [{ id: budget.id, objectValue: 1500 }],
		});
		assert.deepEqual(
			updated.json.result.map((field: any) => [field.title, field.objectValue]),
			[['Budget', 1500]],
		);
		const formula = await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
			body: [{ id: budget.id, formula: '=COUNT(Task:Task)' }],
		});
		assert.deepEqual(
			[formula.json.result[0].formula, formula.json.result[0].objectValue],
			['=COUNT(Task:Task)', undefined],
		);
		assert.ok(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/version`)).json.version > version,
		);
	});

	test('a title taken: 1129, or "(1)" appended with renameIfConflict=true', async () => {
		const sheet = await tracker(suite.emu);
		await call(suite.emu, 'POST', fieldsPath(sheet.id), { body: [{ title: 'Owner' }] });
		assertError(
			await call(suite.emu, 'POST', fieldsPath(sheet.id), { body: [{ title: 'owner' }] }),
			400,
			1129,
		);
		const renamed = await call(suite.emu, 'POST', fieldsPath(sheet.id, '?renameIfConflict=true'), {
			body: [{ title: 'Owner' }],
		});
		assert.equal(renamed.json.result[0].title, 'Owner (1)');
	});

	test('errors: an unknown field 1006 (nothing changes), a missing id 1012, a bad type 1008, a formula without "=" 1162; an Editor changes values only; a Viewer nothing', async () => {
		const sheet = await tracker(suite.emu);
		const [field] = (
			await call(suite.emu, 'POST', fieldsPath(sheet.id), {
				body: [{ title: 'Budget', objectValue: 1 }],
			})
		).json.result;
		assertError(
			await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
				body: [
					{ id: field.id, objectValue: 2 },
					{ id: 4242424242, objectValue: 3 },
				],
			}),
			404,
			1006,
		);
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/summary`)).json.fields[0].objectValue,
			1,
			'the good field was not changed either',
		);
		assertError(
			await call(suite.emu, 'PUT', fieldsPath(sheet.id), { body: [{ objectValue: 3 }] }),
			400,
			1012,
		);
		assertError(
			await call(suite.emu, 'POST', fieldsPath(sheet.id), {
				body: [{ title: 'X', type: 'SPREADSHEET' }],
			}),
			400,
			1008,
		);
		assertError(
			await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
				body: [{ id: field.id, formula: 'SUM(1)' }],
			}),
			400,
			1162,
		);

		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'EDITOR' });
		assert.equal(
			(
				await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
					body: [{ id: field.id, objectValue: 9 }],
				})
			).status,
			200,
		);
		assertError(
			await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
				body: [{ id: field.id, title: 'Renamed' }],
			}),
			403,
			1004,
		);
		assertError(
			await call(suite.emu, 'POST', fieldsPath(sheet.id), { body: [{ title: 'New' }] }),
			403,
			1004,
		);
		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'VIEWER' });
		assert.equal((await call(suite.emu, 'GET', `/2.0/sheets/${sheet.id}/summary`)).status, 200);
		assertError(
			await call(suite.emu, 'PUT', fieldsPath(sheet.id), {
				body: [{ id: field.id, objectValue: 10 }],
			}),
			403,
			1004,
		);
		const readOnly = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_SHEETS'] });
		assertError(
			await call(suite.emu, 'POST', fieldsPath(sheet.id), {
				token: readOnly.access_token,
				body: [{ title: 'New' }],
			}),
			403,
			1004,
		);
	});
});
