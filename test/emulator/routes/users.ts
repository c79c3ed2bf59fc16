// The current user (any valid token, no scope) and the account's users (READ_USERS,
// offset paging, `email` filter).
import type { Route } from '../context';
import { ApiError } from '../errors';
import type { User } from '../state';
import { paged } from './paging';
import { words } from './query';

function userOut(user: User) {
	return { ...user, name: `${user.firstName} ${user.lastName}` };
}

/** `email=a@x,b@y` keeps only those users (case-insensitive). */
function usersWithEmail(users: User[], query: URLSearchParams): User[] {
	const emails = new Set([...words(query, 'email')].map((email) => email.toLowerCase()));
	return emails.size ? users.filter((user) => emails.has(user.email.toLowerCase())) : users;
}

export const userRoutes: Route[] = [
	{
		method: 'GET',
		path: '/2.0/users/me',
		scope: null,
		handler: (ctx) => ({ body: ctx.emulator.state.user }),
	},
	{
		method: 'GET',
		path: '/2.0/users',
		scope: 'READ_USERS',
		handler: (ctx) => ({
			body: paged(usersWithEmail(ctx.emulator.state.users, ctx.query).map(userOut), ctx.query),
		}),
	},
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
