// Unified sharing (/shares, 2025): create, list (token paging in `items`), get, PATCH, delete, for
// every asset type, with the asset type's scope and the user's level on the asset checked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { admin, assertError, call, tracker, useEmulator } from './client';

describe('shares', () => {
	const suite = useEmulator();

	const sharesOf = (assetType: string, assetId: string, extra = '') =>
		`/2.0/shares?assetType=${assetType}&assetId=${assetId}${extra}`;

	test('create a list of shares, list them in items, get one, PATCH its level, delete it', async () => {
		const sheet = await tracker(suite.emu);
		const made = await call(suite.emu, 'POST', sharesOf('sheet', sheet.id, '&sendEmail=true'), {
			body: [
				{ email: 'ann@example.com', accessLevel: 'EDITOR' },
				{ groupId: 555, accessLevel: 'VIEWER' },
			],
		});
		assert.equal(made.status, 200, made.text);
		assert.deepEqual([made.json.message, made.json.result.length], ['SUCCESS', 2]);
		const [user, group] = made.json.result;
		assert.match(user.id, /^[A-Za-z0-9]+$/);
		assert.equal(typeof user.id, 'string', 'share IDs are strings');
		assert.deepEqual(
			[user.type, user.email, user.accessLevel, user.scope],
			['USER', 'ann@example.com', 'EDITOR', 'ITEM'],
		);
		assert.deepEqual(
			[group.type, String(group.groupId), group.accessLevel],
			['GROUP', '555', 'VIEWER'],
		);
		const list = await call(suite.emu, 'GET', sharesOf('sheet', sheet.id));
		assert.deepEqual(
			list.json.items.map((share: any) => share.id),
			[user.id, group.id],
		);
		assert.equal('data' in list.json, false, 'the list is in items, not data');
		assert.equal(
			(await call(suite.emu, 'GET', `/2.0/shares/${user.id}?assetType=sheet&assetId=${sheet.id}`))
				.json.email,
			'ann@example.com',
		);
		const patched = await call(
			suite.emu,
			'PATCH',
			`/2.0/shares/${user.id}?assetType=sheet&assetId=${sheet.id}`,
			{ body: { accessLevel: 'ADMIN' } },
		);
		assert.equal(patched.json.accessLevel, 'ADMIN');
		assertError(
			await call(suite.emu, 'PUT', `/2.0/shares/${user.id}?assetType=sheet&assetId=${sheet.id}`, {
				body: { accessLevel: 'ADMIN' },
			}),
			405,
			1010,
		);
		assert.equal(
			(
				await call(
					suite.emu,
					'DELETE',
					`/2.0/shares/${user.id}?assetType=sheet&assetId=${sheet.id}`,
				)
			).json.resultCode,
			0,
		);
		assertError(
			await call(suite.emu, 'GET', `/2.0/shares/${user.id}?assetType=sheet&assetId=${sheet.id}`),
			404,
			1027,
		);
		assert.deepEqual(
			(await call(suite.emu, 'GET', sharesOf('sheet', sheet.id))).json.items.map(
				(share: any) => share.id,
			),
			[group.id],
		);
	});

	test('token paging: maxItems and lastKey; the last page has no lastKey', async () => {
		const sheet = await tracker(suite.emu);
		const body = Array.from({ length: 5 }, (_, index) => ({
			email: `p${index}@example.com`,
			accessLevel: 'VIEWER',
		}));
		await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), { body });
		const first = (await call(suite.emu, 'GET', sharesOf('sheet', sheet.id, '&maxItems=3'))).json;
		assert.equal(first.items.length, 3);
		const second = (
			await call(
				suite.emu,
				'GET',
				sharesOf('sheet', sheet.id, `&maxItems=3&lastKey=${first.lastKey}`),
			)
		).json;
		assert.deepEqual([second.items.length, second.lastKey], [2, undefined]);
	});

	test('reports, dashboards (sight) and workspaces are shared the same way; shares stay with their asset', async () => {
		const reports = await call(suite.emu, 'GET', '/2.0/reports');
		const reportId = String(reports.json.data[0].id);
		const { id: sightId } = await admin(suite.emu, 'POST', '/sights', { name: 'Status' });
		const {
			ids: [workspaceId],
		} = await admin(suite.emu, 'POST', '/workspaces', { name: 'Shared' });
		for (const [assetType, assetId] of [
			['report', reportId],
			['sight', sightId],
			['workspace', workspaceId],
		]) {
			const made = await call(suite.emu, 'POST', sharesOf(assetType, assetId), {
				body: { email: 'bob@example.com', accessLevel: 'VIEWER' },
			});
			assert.equal(made.status, 200, `${assetType}: ${made.text}`);
			assert.equal(
				(await call(suite.emu, 'GET', sharesOf(assetType, assetId))).json.items.length,
				1,
			);
		}
		assert.equal(
			(await call(suite.emu, 'GET', sharesOf('sheet', (await tracker(suite.emu)).id))).json.items
				.length,
			0,
		);
	});

	test('errors: assetType missing 1009 or unknown 1018; unknown asset 1006; bad accessLevel 1031; same email twice 1129; wrong scope or level 1004', async () => {
		const sheet = await tracker(suite.emu);
		assertError(await call(suite.emu, 'GET', `/2.0/shares?assetId=${sheet.id}`), 400, 1009);
		assertError(
			await call(suite.emu, 'GET', sharesOf('collection-of-things', sheet.id)),
			400,
			1018,
		);
		assertError(await call(suite.emu, 'GET', sharesOf('sheet', '4242424242')), 404, 1006);
		assertError(
			await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), {
				body: [{ email: 'ann@example.com', accessLevel: 'BOSS' }],
			}),
			400,
			1031,
		);
		assertError(
			await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), {
				body: [{ accessLevel: 'VIEWER' }],
			}),
			400,
			1012,
		);
		await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), {
			body: [{ email: 'ann@example.com', accessLevel: 'VIEWER' }],
		});
		assertError(
			await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), {
				body: [{ email: 'ANN@example.com', accessLevel: 'EDITOR' }],
			}),
			400,
			1129,
		);

		const readOnly = await admin(suite.emu, 'POST', '/tokens', { scopes: ['READ_SHEETS'] });
		assert.equal(
			(await call(suite.emu, 'GET', sharesOf('sheet', sheet.id), { token: readOnly.access_token }))
				.status,
			200,
		);
		assertError(
			await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), {
				token: readOnly.access_token,
				body: [{ email: 'x@example.com', accessLevel: 'VIEWER' }],
			}),
			403,
			1004,
		);
		const { id: sightId } = await admin(suite.emu, 'POST', '/sights', {});
		assertError(
			await call(suite.emu, 'GET', sharesOf('sight', sightId), { token: readOnly.access_token }),
			403,
			1004,
		);

		await admin(suite.emu, 'POST', '/access', { sheetId: sheet.id, accessLevel: 'EDITOR' });
		assert.equal(
			(await call(suite.emu, 'GET', sharesOf('sheet', sheet.id))).status,
			200,
			'an editor may see the shares',
		);
		assertError(
			await call(suite.emu, 'POST', sharesOf('sheet', sheet.id), {
				body: [{ email: 'y@example.com', accessLevel: 'VIEWER' }],
			}),
			403,
			1004,
		);
	});
});
