// Sheet Summary: Get (flat or raw), Add Fields, Update Fields (by title or ID, values or
// formulas), with failures on their outputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken', resource: 'sheetSummary' };

describe('sheet summary', () => {
	const suite = useEmulator();

	test('add fields, update them by title and by ID, get the summary flat and raw', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const sheetId = byId(sheet.id);
		const fields = [
			{ title: 'Budget', type: 'TEXT_NUMBER', value: '1200' },
			{ title: 'Phase', type: 'PICKLIST', options: 'Plan, Build', value: 'Plan' },
			{ title: 'Tasks', type: 'TEXT_NUMBER', formula: 'COUNT(Task:Task)' },
		];
		const added = jsonOf(
			await suite.fx.run({ ...pat, operation: 'add', sheetId, summaryFields: { field: fields } }),
			OUTPUT.success,
		);
		assert.deepEqual(
			added.map((field) => field.title),
			['Budget', 'Phase', 'Tasks'],
		);
		assert.deepEqual(
			[added[1].options, added[2].formula],
			[['Plan', 'Build'], '=COUNT(Task:Task)'],
		);

		const values = [
			{ field: 'phase', value: 'Build' },
			{ field: String(added[0].id), value: '1500' },
		];
		const updated = jsonOf(
			await suite.fx.run({
				...pat,
				operation: 'update',
				sheetId,
				summaryValues: { field: values },
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			updated.map((field) => [field.title, field.objectValue]),
			[
				['Phase', 'Build'],
				['Budget', '1500'],
			],
		);

		const [flat] = jsonOf(
			await suite.fx.run({ ...pat, operation: 'get', sheetId }),
			OUTPUT.success,
		);
		assert.deepEqual(flat, { sheetId: sheet.id, Budget: '1500', Phase: 'Build', Tasks: null });
		const [raw] = jsonOf(
			await suite.fx.run({ ...pat, operation: 'get', sheetId, rawFields: true }),
			OUTPUT.success,
		);
		assert.deepEqual(
			(raw.fields as any[]).map((field) => field.id),
			added.map((field) => field.id),
		);
	});

	test('a title already taken fails the item (Payload), or is renamed when asked', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const run = async (renameIfConflict: boolean) =>
			await suite.fx.run({
				...pat,
				operation: 'add',
				sheetId: byId(sheet.id),
				summaryFields: { field: [{ title: 'Budget' }] },
				renameIfConflict,
			});
		await run(false);
		const [taken] = jsonOf(await run(false), OUTPUT.payload);
		assert.equal((taken.smartsheetFailure as any).errorCode, 1129);
		assert.equal(jsonOf(await run(true), OUTPUT.success)[0].title, 'Budget (1)');
	});

	test('failures: an Editor may not add fields → Permission; an unknown title → Payload without a PUT; no such sheet → Payload', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		await suite.fx.run({
			...pat,
			operation: 'add',
			sheetId: byId(sheet.id),
			summaryFields: { field: [{ title: 'Budget' }] },
		});
		await suite.fx.admin('POST', '/access', { sheetId: sheet.id, accessLevel: 'EDITOR' });
		const [denied] = jsonOf(
			await suite.fx.run(
				{
					...pat,
					operation: 'add',
					sheetId: byId(sheet.id),
					summaryFields: { field: [{ title: 'New' }] },
				},
				[{ keep: 1 }],
			),
			OUTPUT.permission,
		);
		assert.deepEqual(
			[
				denied.keep,
				(denied.smartsheetFailure as any).errorCode,
				(denied.smartsheetFailure as any).operation,
			],
			[1, 1004, 'sheetSummary:add'],
		);
		const [editorUpdate] = jsonOf(
			await suite.fx.run({
				...pat,
				operation: 'update',
				sheetId: byId(sheet.id),
				summaryValues: { field: [{ field: 'Budget', value: '7' }] },
			}),
			OUTPUT.success,
		);
		assert.equal(editorUpdate.objectValue, '7', 'an Editor may change values');

		const [unknown] = jsonOf(
			await suite.fx.run({
				...pat,
				operation: 'update',
				sheetId: byId(sheet.id),
				summaryValues: { field: [{ field: 'Nope', value: '1' }] },
			}),
			OUTPUT.payload,
		);
		assert.match((unknown.smartsheetFailure as any).message, /no field "Nope"/);
		assert.equal(
			(await suite.fx.stats()).byRoute['PUT /2.0/sheets/{sheetId}/summary/fields'],
			1,
			'only the Editor update was sent',
		);
		const [missing] = jsonOf(
			await suite.fx.run({ ...pat, operation: 'get', sheetId: byId('4242424242') }),
			OUTPUT.payload,
		);
		assert.equal((missing.smartsheetFailure as any).errorCode, 1006);
	});
});
