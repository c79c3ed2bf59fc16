// The column mapper's fields from Smartsheet's column descriptions, and the Row panels of both node
// versions (version 1 keeps its Cells list, Row ID and Key Column; version 2 shows the mapper).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { columnFields, mapperField } from '../../nodes/shared/methods/mapperFields';
import { Smartsheet } from '../../nodes/Smartsheet/Smartsheet.node.ts';
import { shownParameters } from '../support/editorPanel';

describe('column mapper fields', () => {
	test('each Smartsheet column type gets the widget of its kind', () => {
		const types = [
			'TEXT_NUMBER',
			'DATE',
			'ABSTRACT_DATETIME',
			'CHECKBOX',
			'PICKLIST',
			'MULTI_PICKLIST',
			'CONTACT_LIST',
			'MULTI_CONTACT_LIST',
			'DURATION',
			'SOMETHING_NEW',
		];
		const fields = columnFields(
			types.map((type, index) => ({ id: String(index), title: type, type, options: ['a', 'b'] })),
			false,
		);
		assert.deepEqual(
			fields.map((field) => [field.id, field.type]),
			[
				['TEXT_NUMBER', 'string'],
				['DATE', 'dateTime'],
				['ABSTRACT_DATETIME', 'dateTime'],
				['CHECKBOX', 'boolean'],
				['PICKLIST', 'options'],
				['MULTI_PICKLIST', 'array'],
				['CONTACT_LIST', 'string'],
				['MULTI_CONTACT_LIST', 'array'],
				['DURATION', 'string'],
				['SOMETHING_NEW', 'string'],
			],
		);
		assert.deepEqual(fields[4].options, [
			{ name: 'a', value: 'a' },
			{ name: 'b', value: 'b' },
		]);
		assert.equal(fields[5].options, undefined, 'a multi-select takes a list');
	});

	test('columns Smartsheet fills itself (system columns, column formulas) are read-only, left out until added, and never matched on', () => {
		const autoNumber = mapperField(
			{ id: '1', title: 'Ticket', type: 'TEXT_NUMBER', systemColumnType: 'AUTO_NUMBER' },
			true,
		);
		const formula = mapperField(
			{ id: '2', title: 'Total', type: 'TEXT_NUMBER', formula: '=[Cost]@row * 2' },
			true,
		);
		const plain = mapperField({ id: '3', title: 'Name', type: 'TEXT_NUMBER', primary: true }, true);
		assert.deepEqual(
			[autoNumber.readOnly, autoNumber.removed, autoNumber.canBeUsedToMatch],
			[true, true, false],
		);
		assert.deepEqual(
			[formula.readOnly, formula.removed, formula.canBeUsedToMatch],
			[true, true, false],
		);
		assert.deepEqual(
			[plain.readOnly, plain.removed, plain.canBeUsedToMatch, plain.defaultMatch],
			[false, false, true, true],
		);
	});
});

describe('Row panels by node version', () => {
	const description = new Smartsheet().description;
	const panel = (operation: string, typeVersion: number) =>
		shownParameters(description, { resource: 'row', operation }, typeVersion)
			.map((property) => property.name)
			.filter(
				(name) =>
					!['authentication', 'resource', 'operation', 'failureRouting', 'options'].includes(name),
			);

	test('version 2 is the default; both versions load', () => {
		assert.deepEqual(description.version, [1, 2]);
		assert.equal(description.defaultVersion, 2);
	});

	test('version 1 keeps Cells, Row ID and Key Column; version 2 maps columns', () => {
		assert.deepEqual(panel('add', 1), ['sheetId', 'dataMode', 'rowOptions']);
		assert.deepEqual(panel('update', 1), ['sheetId', 'rowId', 'dataMode', 'rowOptions']);
		assert.deepEqual(panel('upsert', 1), ['sheetId', 'keyColumn', 'dataMode', 'rowOptions']);
		for (const operation of ['add', 'update', 'upsert'])
			assert.deepEqual(panel(operation, 2), ['sheetId', 'columns', 'cells', 'rowOptions']);
		const mapper = (operation: string) =>
			shownParameters(description, { resource: 'row', operation }, 2).find(
				(property) => property.name === 'columns',
			)!;
		assert.deepEqual(
			['add', 'update', 'upsert'].map((operation) => [
				mapper(operation).typeOptions?.resourceMapper?.mode,
				mapper(operation).typeOptions?.resourceMapper?.resourceMapperMethod,
			]),
			[
				['add', 'getMappingColumns'],
				['update', 'getMappingColumnsWithRowId'],
				['upsert', 'getMappingColumns'],
			],
		);
		assert.equal(
			mapper('upsert').typeOptions?.resourceMapper?.matchingFieldsLabels?.title,
			'Column to Match On',
		);
		assert.match(
			mapper('upsert').typeOptions?.resourceMapper?.matchingFieldsLabels?.hint ?? '',
			/update that row; the others are added/,
		);
		assert.match(
			mapper('update').typeOptions?.resourceMapper?.matchingFieldsLabels?.hint ?? '',
			/by its ID/,
		);
	});
});
