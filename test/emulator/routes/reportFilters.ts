// A report definition's filters applied to one row: AND/OR over criteria and nested expressions.
// Values compare as text, case-insensitively (how Smartsheet's report builder matches picklists).
import type { Cell, ReportFilter } from '../state';

type ValueOf = (title: string) => Cell['value'] | undefined;

export function matchesFilter(filter: ReportFilter, valueOf: ValueOf): boolean {
	const results = [
		...filter.criteria.map((criterion) => matchesCriterion(criterion, valueOf(criterion.title))),
		...filter.nestedCriteria.map((nested) => matchesFilter(nested, valueOf)),
	];
	return filter.operator === 'AND' ? results.every(Boolean) : results.some(Boolean);
}

function matchesCriterion(
	criterion: ReportFilter['criteria'][number],
	value: Cell['value'] | undefined,
): boolean {
	const text = value === undefined || value === '' ? '' : String(value).toLowerCase();
	const wanted = criterion.values.map((entry) => String(entry).toLowerCase());
	switch (criterion.operator) {
		case 'EQUAL':
			return wanted.includes(text);
		case 'NOT_EQUAL':
			return !wanted.includes(text);
		case 'CONTAINS':
			return wanted.some((entry) => text.includes(entry));
		case 'DOES_NOT_CONTAIN':
			return !wanted.some((entry) => text.includes(entry));
		case 'IS_BLANK':
			return text === '';
		default:
			return text !== ''; // IS_NOT_BLANK
	}
}
