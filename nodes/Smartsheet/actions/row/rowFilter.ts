import type { IDataObject } from 'n8n-workflow';

import { InvalidInput } from '../../../shared';

export interface Condition {
	column: string;
	operator:
		| 'equals'
		| 'notEquals'
		| 'contains'
		| 'isEmpty'
		| 'isNotEmpty'
		| 'greaterThan'
		| 'lessThan';
	value: string;
}

/** Whether a flat row meets the conditions (none = every row). */
export function matches(
	row: IDataObject,
	conditions: Condition[],
	combinator: 'and' | 'or',
): boolean {
	if (conditions.length === 0) return true;
	const results = conditions.map((condition) => {
		if (!(condition.column in row))
			throw new InvalidInput(`The sheet has no column "${condition.column}"`);
		return test(row[condition.column], condition);
	});
	return combinator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function test(cell: unknown, { operator, value }: Condition): boolean {
	const text = cell === null || cell === undefined ? '' : String(cell);
	switch (operator) {
		case 'isEmpty':
			return text === '';
		case 'isNotEmpty':
			return text !== '';
		case 'contains':
			return text.toLowerCase().includes(value.toLowerCase());
		case 'notEquals':
			return text !== value;
		case 'greaterThan':
		case 'lessThan': {
			const [left, right] = [Number(text), Number(value)];
			const comparable = Number.isFinite(left) && Number.isFinite(right) && text !== '';
			const [a, b] = comparable ? [left, right] : [text, value];
			return operator === 'greaterThan' ? a > b : a < b;
		}
		default:
			return text === value;
	}
}
