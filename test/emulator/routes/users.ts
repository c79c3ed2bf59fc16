// The current user (any valid token, no scope: §1.5, §4.9) and the account's users (READ_USERS).
import type { Route } from '../context';
import { ApiError } from '../errors';
import type { User } from '../state';
import { paged } from './paging';

function userOut(user: User) {
	return { ...user, name: `${user.firstName} ${user.lastName}` };
}

export const userRoutes: Route[] = [
	{ method: 'GET', path: '/2.0/users/me', scope: null, handler: (ctx) => ({ body: ctx.emulator.state.user }) },
	{ method: 'GET', path: '/2.0/users', scope: 'READ_USERS', handler: (ctx) => ({ body: paged(ctx.emulator.state.users.map(userOut), ctx.query) }) },
	{
		method: 'GET',
		path: '/2.0/users/{userId}',
		scope: 'READ_USERS',
		handler: (ctx) => {
			const user = ctx.emulator.state.users.find((candidate) => candidate.id === ctx.params.userId);
			if (!user) throw new ApiError(1020);
			return { body: userOut(user) };
		},
	},
];
