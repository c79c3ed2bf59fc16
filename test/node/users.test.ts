// User: List through n8n's engine against the emulator: all pages, Limit, the email filter,
// READ_USERS, IDs above 2^53 (User: Get Current is covered with the failure routing).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };

describe('user', () => {
	const suite = useEmulator();

	const requests = async () => ((await suite.fx.stats()).byRoute['GET /2.0/users'] ?? 0) as number;

	test('list: every user across offset pages (100 a request); Limit reads only the pages it needs', async () => {
		await suite.fx.admin('POST', '/users', { count: 150 });
		const all = await suite.fx.run(
			{ ...pat, resource: 'user', operation: 'list', returnAll: true },
			[{ a: 1 }, { a: 2 }],
		);
		const users = jsonOf(all, OUTPUT.success);
		assert.equal(users.length, 302, '151 users for each of the two input items');
		assert.deepEqual(
			[users[0].email, users[150].email],
			['demo.user@example.com', 'user151@example.com'],
		);
		assert.deepEqual(
			[all.outputs[0][150].pairedItem, all.outputs[0][151].pairedItem],
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal(await requests(), 4, 'two pages per item');
		const some = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'user',
				operation: 'list',
				returnAll: false,
				limit: 3,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			some.map((user) => user.email),
			['demo.user@example.com', 'user2@example.com', 'user3@example.com'],
		);
		assert.equal(await requests(), 5);
	});

	test('list: filtered by email (several, comma-separated, any case)', async () => {
		await suite.fx.admin('POST', '/users', { count: 5 });
		const found = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'user',
				operation: 'list',
				email: 'USER3@example.com, demo.user@example.com',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(found.map((user) => user.email).sort(), [
			'demo.user@example.com',
			'user3@example.com',
		]);
		const none = await suite.fx.run({
			...pat,
			resource: 'user',
			operation: 'list',
			email: 'nobody@example.com',
			returnAll: true,
		});
		assert.deepEqual(
			none.outputs.map((items) => items.length),
			[0, 0, 0, 0, 0],
			'no match is an empty result, not a failure',
		);
	});

	test('an OAuth2 token without READ_USERS → Permission; with it → Success', async () => {
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const denied = await suite.fx.run({ resource: 'user', operation: 'list', returnAll: true }, [
			{ keep: 'me' },
		]);
		const [item] = jsonOf(denied, OUTPUT.permission);
		assert.deepEqual(
			[
				item.keep,
				(item.smartsheetFailure as any).errorCode,
				(item.smartsheetFailure as any).operation,
			],
			['me', 1004, 'user:list'],
		);
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_USERS'] }));
		assert.equal(
			jsonOf(
				await suite.fx.run({ resource: 'user', operation: 'list', returnAll: true }),
				OUTPUT.success,
			).length,
			1,
		);
	});

	test('a user ID above 2^53 comes back exact, as a string', async () => {
		const { ids } = await suite.fx.admin('POST', '/users', { count: 1, bigIds: true });
		const [bigId] = ids as string[];
		assert.ok(BigInt(bigId) > 2n ** 53n);
		const [user] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'user',
				operation: 'list',
				email: 'user2@example.com',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(user.id, bigId);
	});
});
