// Share: List, Share, Update and Remove through the /shares endpoints for sheets, reports,
// dashboards and workspaces, with token paging and failures on their outputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { byId, jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken', resource: 'share' };

describe('share', () => {
	const suite = useEmulator();

	test('share a sheet with people by email, list, update the level, remove', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const asset = { assetType: 'sheet', assetId: byId(sheet.id) };
		const shared = await suite.fx.run(
			{
				...pat,
				...asset,
				operation: 'share',
				shareWith: 'email',
				emails: 'ann@example.com, bob@example.com',
				accessLevel: 'EDITOR',
				shareOptions: { sendEmail: true, message: 'Welcome' },
			},
			[{ n: 1 }],
		);
		const made = jsonOf(shared, OUTPUT.success);
		assert.deepEqual(
			made.map((share) => [share.email, share.accessLevel, share.type]),
			[
				['ann@example.com', 'EDITOR', 'USER'],
				['bob@example.com', 'EDITOR', 'USER'],
			],
		);
		assert.deepEqual(
			shared.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 0 }],
		);

		const listed = jsonOf(
			await suite.fx.run({ ...pat, ...asset, operation: 'list', returnAll: true }),
			OUTPUT.success,
		);
		assert.deepEqual(
			listed.map((share) => share.email),
			['ann@example.com', 'bob@example.com'],
		);

		const [updated] = jsonOf(
			await suite.fx.run({ ...pat, ...asset, operation: 'update', accessLevel: 'ADMIN' }, [
				made[0],
			]),
			OUTPUT.success,
		);
		assert.deepEqual([updated.id, updated.accessLevel], [made[0].id, 'ADMIN']);
		const [removed] = jsonOf(
			await suite.fx.run({ ...pat, ...asset, operation: 'remove' }, [made[1]]),
			OUTPUT.success,
		);
		assert.deepEqual(removed, { id: made[1].id, removed: true });
		const left = await suite.fx.api('GET', `/shares?assetType=sheet&assetId=${sheet.id}`);
		assert.deepEqual(
			left.items.map((share: any) => [share.email, share.accessLevel]),
			[['ann@example.com', 'ADMIN']],
		);
	});

	test('list reads every page (token paging, items) or stops at the limit', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const emails = Array.from({ length: 130 }, (_, index) => `p${index}@example.com`).join(',');
		await suite.fx.run({
			...pat,
			assetType: 'sheet',
			assetId: byId(sheet.id),
			operation: 'share',
			shareWith: 'email',
			emails,
			accessLevel: 'VIEWER',
		});
		const all = jsonOf(
			await suite.fx.run({
				...pat,
				assetType: 'sheet',
				assetId: byId(sheet.id),
				operation: 'list',
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(all.length, 130);
		assert.equal((await suite.fx.stats()).byRoute['GET /2.0/shares'], 2);
		const some = jsonOf(
			await suite.fx.run({
				...pat,
				assetType: 'sheet',
				assetId: byId(sheet.id),
				operation: 'list',
				returnAll: false,
				limit: 5,
			}),
			OUTPUT.success,
		);
		assert.equal(some.length, 5);
	});

	test('a report, a dashboard (by URL) and a workspace with a group', async () => {
		const reports = await suite.fx.api('GET', '/reports');
		const { id: sightId } = await suite.fx.admin('POST', '/sights', { name: 'Status' });
		const {
			ids: [workspaceId],
		} = await suite.fx.admin('POST', '/workspaces', { name: 'Team' });
		const assets = [
			{ assetType: 'report', assetId: byId(String(reports.data[0].id)) },
			{
				assetType: 'sight',
				assetId: {
					__rl: true,
					mode: 'url',
					value: `https://app.smartsheet.com/dashboards/${sightId}`,
				},
			},
			{ assetType: 'workspace', assetId: byId(workspaceId) },
		];
		for (const asset of assets) {
			const [share] = jsonOf(
				await suite.fx.run({
					...pat,
					...asset,
					operation: 'share',
					shareWith: 'group',
					groupId: '8080808080',
					accessLevel: 'VIEWER',
				}),
				OUTPUT.success,
			);
			assert.deepEqual([share.type, share.groupId], ['GROUP', '8080808080'], asset.assetType);
		}
		const listed = await suite.fx.api('GET', `/shares?assetType=sight&assetId=${sightId}`);
		assert.equal(listed.items.length, 1);
	});

	test('failures: no SHARE_SHEETS scope → Permission; an unknown share → Payload; a bad email → Payload; an odd share ID → Payload without a request', async () => {
		const sheet = await suite.fx.sheet('Project Tracker');
		const asset = { assetType: 'sheet', assetId: byId(sheet.id) };
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const [denied] = jsonOf(
			await suite.fx.run({
				resource: 'share',
				...asset,
				operation: 'share',
				shareWith: 'email',
				emails: 'ann@example.com',
				accessLevel: 'VIEWER',
			}),
			OUTPUT.permission,
		);
		assert.deepEqual(
			[(denied.smartsheetFailure as any).errorCode, (denied.smartsheetFailure as any).operation],
			[1004, 'share:share'],
		);

		const [missing] = jsonOf(
			await suite.fx.run(
				{ ...pat, ...asset, operation: 'update', shareId: 'AQANOSUCHSHARE', accessLevel: 'EDITOR' },
				[{ keep: 1 }],
			),
			OUTPUT.payload,
		);
		assert.deepEqual([missing.keep, (missing.smartsheetFailure as any).errorCode], [1, 1027]);
		const [badEmail] = jsonOf(
			await suite.fx.run({
				...pat,
				...asset,
				operation: 'share',
				shareWith: 'email',
				emails: 'not-an-address',
				accessLevel: 'VIEWER',
			}),
			OUTPUT.payload,
		);
		assert.equal((badEmail.smartsheetFailure as any).errorCode, 1031);

		const before = (await suite.fx.stats()).requests;
		const [odd] = jsonOf(
			await suite.fx.run({ ...pat, ...asset, operation: 'remove', shareId: '../sheets/1' }),
			OUTPUT.payload,
		);
		assert.match((odd.smartsheetFailure as any).message, /Share ID must be letters and digits/);
		assert.equal((await suite.fx.stats()).requests, before);
	});
});
