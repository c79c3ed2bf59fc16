// Row Add, Update and Create or Update in node version 2: n8n's column mapper, fed by the sheet's
// typed columns, against the emulator. Version 1 workflows (Cells list, Row ID, Key Column) run
// unchanged beside them.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };

describe('column mapper (node version 2)', () => {
	const suite = useEmulator();
	let sheetId: string;
	let schema: ResourceMapperField[];
	let rowIds: string[];

	beforeEach(async () => {
		const sheet = await suite.fx.sheetWithRows('Project Tracker');
		sheetId = sheet.id;
		rowIds = sheet.rowIds;
		schema = (
			await suite.fx.resourceMapping('getMappingColumns', {
				...pat,
				resource: 'row',
				operation: 'add',
				sheetId: byId(sheetId),
			})
		).fields;
	});

	/** Runs a version 2 Row operation with the mapper's value as the editor saves it (its schema included). */
	const runV2 = async (
		operation: string,
		columns: IDataObject,
		items: IDataObject[] = [{}],
		fields = schema,
	) =>
		await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation,
				sheetId: byId(sheetId),
				columns: {
					schema: fields,
					attemptToConvertTypes: false,
					convertFieldsToString: false,
					...columns,
				},
			} as unknown as INodeParameters,
			items,
			{ typeVersion: 2 },
		);
	const cellsOf = async (rowId: string) => {
		const row = await suite.fx.api<any>('GET', `/sheets/${sheetId}/rows/${rowId}`);
		const titles = new Map(
			(await suite.fx.sheet('Project Tracker')).columns.map((column) => [column.id, column.title]),
		);
		return Object.fromEntries(
			(row.cells as any[])
				.filter((cell) => cell.value !== undefined || cell.formula)
				.map((cell) => [
					titles.get(String(cell.columnId)),
					cell.hyperlink
						? { value: cell.value, url: cell.hyperlink.url }
						: (cell.formula ?? cell.value),
				]),
		);
	};

	test("the mapper offers the sheet's columns as typed fields: picklist options, dates, checkboxes", async () => {
		const byTitle = Object.fromEntries(schema.map((field) => [field.id, field]));
		assert.deepEqual(
			schema.map((field) => field.id),
			['Task', 'Status', 'Due', 'Owner', 'Done'],
		);
		assert.deepEqual(
			schema.map((field) => field.type),
			['string', 'options', 'dateTime', 'string', 'boolean'],
		);
		assert.deepEqual(byTitle.Status.options, [
			{ name: 'Not Started', value: 'Not Started' },
			{ name: 'In Progress', value: 'In Progress' },
			{ name: 'Done', value: 'Done' },
		]);
		assert.ok(
			schema.every((field) => !field.canBeUsedToMatch && !field.defaultMatch),
			'Add matches on nothing',
		);
		const upsert = (
			await suite.fx.resourceMapping('getMappingColumns', {
				...pat,
				resource: 'row',
				operation: 'upsert',
				sheetId: byId(sheetId),
			})
		).fields;
		assert.deepEqual(
			upsert.filter((field) => field.defaultMatch).map((field) => field.id),
			['Task'],
			'the primary column by default',
		);
		assert.ok(upsert.every((field) => field.canBeUsedToMatch));
		const update = (
			await suite.fx.resourceMapping('getMappingColumnsWithRowId', {
				...pat,
				resource: 'row',
				operation: 'update',
				sheetId: byId(sheetId),
			})
		).fields;
		assert.deepEqual(
			[update[0].id, update[0].displayName, update[0].defaultMatch],
			['id', 'Row ID', true],
		);
		assert.deepEqual(
			update.filter((field) => field.defaultMatch).map((field) => field.id),
			['id'],
			'the Row ID by default',
		);
		assert.deepEqual(
			update.filter((field) => field.canBeUsedToMatch).map((field) => field.id),
			['id', ...upsert.filter((field) => field.canBeUsedToMatch).map((field) => field.id)],
			'or any column a row can set',
		);
	});

	test('without a sheet the mapper says to choose one', async () => {
		const answer = await suite.fx.resourceMapping('getMappingColumns', {
			...pat,
			resource: 'row',
			operation: 'add',
			sheetId: byId(''),
		});
		assert.deepEqual(answer.fields, []);
		assert.match(answer.emptyFieldsNotice ?? '', /Choose a sheet first/);
	});

	test('Add, each column mapped manually: values typed for their columns (a date from a date-time, a checkbox)', async () => {
		const result = await runV2('add', {
			mappingMode: 'defineBelow',
			value: {
				Task: 'Mapped row',
				Status: 'In Progress',
				Due: '2026-12-24T09:30:00',
				Done: true,
				Owner: null,
			},
		});
		const [row] = jsonOf(result, OUTPUT.success);
		assert.deepEqual(
			[row.Task, row.Status, row.Due, row.Done],
			['Mapped row', 'In Progress', '2026-12-24', true],
		);
		assert.deepEqual(await cellsOf(String(row.id)), {
			Task: 'Mapped row',
			Status: 'In Progress',
			Due: '2026-12-24',
			Done: true,
		});
	});

	test("Add: a value its column cannot take fails that item alone (Payload), with n8n's reason; the others are written", async () => {
		const result = await runV2(
			'add',
			{
				mappingMode: 'defineBelow',
				value: { Task: '={{ $json.task }}', Status: '={{ $json.status }}' },
			},
			[
				{ task: 'good', status: 'Done' },
				{ task: 'bad', status: 'Maybe' },
			],
		);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((row) => [row.Task, row.Status]),
			[['good', 'Done']],
		);
		const [failed] = result.outputs[OUTPUT.payload];
		assert.deepEqual(failed.pairedItem, { item: 1 });
		assert.match(
			(failed.json.smartsheetFailure as any).message,
			/Invalid input for 'Status'.*expects one of the following values: \[Not Started, In Progress, Done\] but we got 'Maybe'/,
		);
	});

	test('Add, mapped automatically: fields named like columns become cells; Formula and Link Cells join them', async () => {
		const result = await runV2(
			'add',
			{
				mappingMode: 'autoMapInputData',
				value: null,
			},
			[{ Task: 'auto', Status: 'Done', unrelated: 1 }],
		);
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((row) => [row.Task, row.Status]),
			[['auto', 'Done']],
		);
		const linked = await suite.fx.run(
			{
				...pat,
				resource: 'row',
				operation: 'add',
				sheetId: byId(sheetId),
				columns: { mappingMode: 'autoMapInputData', value: null, schema },
				cells: {
					cell: [
						{ column: 'Task', value: 'Spec', hyperlink: 'https://example.com/spec' },
						{ column: 'Owner', formula: '1+2' },
					],
				},
			} as unknown as INodeParameters,
			[{ Task: 'replaced by the link cell', Status: 'Done' }],
			{ typeVersion: 2 },
		);
		const [row] = jsonOf(linked, OUTPUT.success);
		assert.deepEqual(await cellsOf(String(row.id)), {
			Task: { value: 'Spec', url: 'https://example.com/spec' },
			Status: 'Done',
			Owner: '=1+2',
		});
	});

	test("Update matches on the Row ID: mapped manually, or the item's id when mapped automatically", async () => {
		const update = (
			await suite.fx.resourceMapping('getMappingColumnsWithRowId', {
				...pat,
				resource: 'row',
				operation: 'update',
				sheetId: byId(sheetId),
			})
		).fields;
		const manual = await runV2(
			'update',
			{
				mappingMode: 'defineBelow',
				matchingColumns: ['id'],
				value: { id: rowIds[4], Status: 'Done', Done: true },
			},
			[{}],
			update,
		);
		assert.deepEqual(
			jsonOf(manual, OUTPUT.success).map((row) => [row.id, row.Task, row.Status, row.Done]),
			[[rowIds[4], 'Launch', 'Done', true]],
		);
		const auto = await runV2(
			'update',
			{ mappingMode: 'autoMapInputData', matchingColumns: ['id'], value: null },
			[{ id: rowIds[0], Task: 'Kickoff (moved)' }, { Task: 'no id' }],
			update,
		);
		assert.deepEqual(
			jsonOf(auto, OUTPUT.success).map((row) => [row.id, row.Task]),
			[[rowIds[0], 'Kickoff (moved)']],
		);
		assert.match(
			(jsonOf(auto, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Row ID must be a number, got ""/,
		);
	});

	test("Update matched on a column: the row holding the item's value is updated; a value no row has fails that item alone (Payload)", async () => {
		const update = (
			await suite.fx.resourceMapping('getMappingColumnsWithRowId', {
				...pat,
				resource: 'row',
				operation: 'update',
				sheetId: byId(sheetId),
			})
		).fields;
		const before = (await suite.fx.stats()).requests;
		const result = await runV2(
			'update',
			{
				mappingMode: 'defineBelow',
				matchingColumns: ['Task'],
				value: { Task: '={{ $json.task }}', Status: '={{ $json.status }}' },
			},
			[
				{ task: 'Launch', status: 'Done' },
				{ task: 'Nowhere', status: 'Done' },
				{ task: 'Kickoff meeting', status: 'In Progress' },
			],
			update,
		);
		const requests = (await suite.fx.stats()).requests - before;
		assert.deepEqual(
			jsonOf(result, OUTPUT.success).map((row) => [row.id, row.Task, row.Status]),
			[
				[rowIds[4], 'Launch', 'Done'],
				[rowIds[0], 'Kickoff meeting', 'In Progress'],
			],
		);
		assert.match(
			(jsonOf(result, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/No row has "Nowhere" in the column "Task"/,
		);
		assert.equal((await cellsOf(rowIds[4])).Status, 'Done');
		const rowCount = (await suite.fx.api<any>('GET', `/sheets/${sheetId}`)).totalRowCount;
		assert.equal(rowCount, rowIds.length, 'nothing added');
		assert.equal(
			requests,
			3,
			'the columns and the rows read once for all items, then one bulk update',
		);
	});

	test('Create or Update matches on the chosen column: a known value updates its row, a new one adds a row', async () => {
		const result = await runV2(
			'upsert',
			{
				mappingMode: 'defineBelow',
				matchingColumns: ['Task'],
				value: { Task: '={{ $json.task }}', Status: '={{ $json.status }}' },
			},
			[
				{ task: 'Launch', status: 'Done' },
				{ task: 'Celebrate', status: 'Not Started' },
			],
		);
		const [launch, celebrate] = jsonOf(result, OUTPUT.success);
		assert.deepEqual([launch.id, launch.Status], [rowIds[4], 'Done']);
		assert.deepEqual([celebrate.Task, celebrate.rowNumber], ['Celebrate', 6]);
		const unmatched = await runV2('upsert', {
			mappingMode: 'defineBelow',
			matchingColumns: [],
			value: { Task: 'x' },
		});
		assert.match(
			(jsonOf(unmatched, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Choose the Column to Match On/,
		);
	});

	test("multi-select and multi-contact columns: lists in the mapper, written as Smartsheet's objectValue", async () => {
		const created = await suite.fx.api<any>('POST', '/sheets', {
			name: 'Multi',
			columns: [
				{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
				{ title: 'Tags', type: 'MULTI_PICKLIST', options: ['red', 'green', 'blue'] },
				{ title: 'People', type: 'MULTI_CONTACT_LIST' },
			],
		});
		sheetId = String(created.result.id);
		const fields = (
			await suite.fx.resourceMapping('getMappingColumns', {
				...pat,
				resource: 'row',
				operation: 'add',
				sheetId: byId(sheetId),
			})
		).fields;
		assert.deepEqual(
			fields.map((field) => [field.id, field.type]),
			[
				['Name', 'string'],
				['Tags', 'array'],
				['People', 'array'],
			],
		);
		const result = await runV2(
			'add',
			{
				mappingMode: 'defineBelow',
				value: {
					Name: 'multi',
					Tags: ['red', 'blue'],
					People: ['ana@example.com', 'bo@example.com'],
				},
			},
			[{}],
			fields,
		);
		const [row] = jsonOf(result, OUTPUT.success);
		assert.deepEqual(
			[row.Name, row.Tags, row.People],
			['multi', 'red, blue', 'ana@example.com, bo@example.com'],
		);
		const auto = await runV2(
			'add',
			{ mappingMode: 'autoMapInputData', value: null },
			[{ Name: 'auto', Tags: ['green'] }, { Tags: ['red'] }],
			fields,
		);
		assert.deepEqual(
			jsonOf(auto, OUTPUT.success).map((entry) => [entry.Name, entry.Tags]),
			[
				['auto', 'green'],
				[null, 'red'],
			],
		);
		const wrong = await runV2(
			'add',
			{ mappingMode: 'defineBelow', value: { Name: '={{ ["not", "a", "list column"] }}' } },
			[{}],
			fields,
		);
		assert.match(
			(jsonOf(wrong, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/Column "Name" takes one value, not a list/,
		);
	});

	test('a version 1 workflow (Cells list, Row ID, Key Column) runs unchanged', async () => {
		const v1 = { ...pat, resource: 'row', sheetId: byId(sheetId) };
		const added = await suite.fx.run({
			...v1,
			operation: 'add',
			dataMode: 'define',
			cells: { cell: [{ column: 'Task', value: 'v1 row' }] },
		});
		const [row] = jsonOf(added, OUTPUT.success);
		assert.equal(row.Task, 'v1 row');
		const updated = await suite.fx.run({ ...v1, operation: 'update', rowId: '={{ $json.id }}' }, [
			{ id: row.id, Status: 'Done' },
		]);
		assert.deepEqual(
			jsonOf(updated, OUTPUT.success).map((entry) => [entry.id, entry.Status]),
			[[row.id, 'Done']],
		);
		const upserted = await suite.fx.run({ ...v1, operation: 'upsert', keyColumn: 'Task' }, [
			{ Task: 'v1 row', Done: true },
		]);
		assert.deepEqual(
			jsonOf(upserted, OUTPUT.success).map((entry) => [entry.id, entry.Done]),
			[[row.id, true]],
		);
	});
});
