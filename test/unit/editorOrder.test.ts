// The panel a builder sees: the object an operation works on (sheet, report, workspace, folder,
// webhook) is picked right after Operation, as in n8n's own nodes, since every field below depends on it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Smartsheet } from '../../nodes/Smartsheet/Smartsheet.node.ts';
import { operationsOf, shownParameters } from '../support/editorPanel';

const description = new Smartsheet().description;
const versions = [description.version].flat();

describe('editor order', () => {
	for (const typeVersion of versions) {
		test(`v${typeVersion}: wherever an operation shows a picker, it comes right after Operation (or after the choice between pickers)`, () => {
			const misplaced: string[] = [];
			for (const { resource, operation } of operationsOf(description, typeVersion)) {
				const shown = shownParameters(description, { resource, operation }, typeVersion);
				const afterOperation = shown
					.slice(shown.findIndex((property) => property.name === 'operation') + 1)
					.filter((property) => property.type !== 'notice');
				if (!afterOperation.some((property) => property.type === 'resourceLocator')) continue;
				const [first, second] = afterOperation;
				const pickerFirst =
					first.type === 'resourceLocator' ||
					(first.type === 'options' && second?.type === 'resourceLocator');
				if (!pickerFirst) misplaced.push(`${resource}:${operation} starts with ${first.name}`);
			}
			assert.deepEqual(misplaced, []);
		});

		test(`v${typeVersion}: every row operation shows the sheet first`, () => {
			const rowOperations = operationsOf(description, typeVersion).filter(
				({ resource }) => resource === 'row',
			);
			assert.ok(rowOperations.length >= 8);
			for (const { operation } of rowOperations) {
				const shown = shownParameters(description, { resource: 'row', operation }, typeVersion).map(
					(property) => property.name,
				);
				assert.equal(
					shown[shown.indexOf('operation') + 1],
					'sheetId',
					`row:${operation}: ${shown.join(', ')}`,
				);
			}
		});
	}
});
