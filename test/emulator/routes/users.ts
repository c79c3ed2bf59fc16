import type { Route } from '../context';
import { paged } from './paging';

export const userRoutes: Route[] = [
	// Any valid token may read its own user (no scope needed).
	{ method: 'GET', path: '/2.0/users/me', scope: null, handler: (ctx) => ({ body: ctx.emulator.state.user }) },
	{ method: 'GET', path: '/2.0/users', scope: 'READ_USERS', handler: (ctx) => ({ body: paged(ctx.emulator.state.users, ctx.query) }) },
];
