import { ApiError } from '../errors';

/** Smartsheet's IndexResult with offset paging; a page past the end returns the last page. */
export function paged<T>(items: T[], query: URLSearchParams) {
	const includeAll = query.get('includeAll') === 'true';
	const pageSize = includeAll ? Math.max(items.length, 1) : Number(query.get('pageSize') ?? 100);
	const requestedPage = includeAll ? 1 : Number(query.get('page') ?? 1);
	if (!Number.isInteger(pageSize) || pageSize < 1) throw new ApiError(1018, [String(query.get('pageSize')), 'pageSize']);
	if (!Number.isInteger(requestedPage) || requestedPage < 1) throw new ApiError(1018, [String(query.get('page')), 'page']);
	const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
	const page = Math.min(requestedPage, totalPages);
	return { pageNumber: page, pageSize, totalPages, totalCount: items.length, data: items.slice((page - 1) * pageSize, page * pageSize) };
}
