// Smartsheet's offset paging: page (default 1), pageSize (default 100), includeAll; the
// answer is an IndexResult, and a page past the end returns the last page (REF-2025).
import { flag, positiveInt } from './query';

export interface Window {
	pageNumber: number;
	pageSize: number;
	totalPages: number;
	from: number;
	to: number;
}

/** Which slice of `total` items the query asks for. */
export function pageWindow(total: number, query: URLSearchParams, defaultPageSize = 100): Window {
	const pageSizeParam = positiveInt(query, 'pageSize');
	const pageParam = positiveInt(query, 'page');
	if (flag(query, 'includeAll'))
		return { pageNumber: 1, pageSize: Math.max(total, 1), totalPages: 1, from: 0, to: total };
	const pageSize = pageSizeParam ?? defaultPageSize;
	const totalPages = Math.max(1, Math.ceil(total / pageSize));
	const pageNumber = Math.min(pageParam ?? 1, totalPages);
	return {
		pageNumber,
		pageSize,
		totalPages,
		from: (pageNumber - 1) * pageSize,
		to: Math.min(total, pageNumber * pageSize),
	};
}

export function paged<T>(items: T[], query: URLSearchParams) {
	const window = pageWindow(items.length, query);
	return {
		pageNumber: window.pageNumber,
		pageSize: window.pageSize,
		totalPages: window.totalPages,
		totalCount: items.length,
		data: items.slice(window.from, window.to),
	};
}
