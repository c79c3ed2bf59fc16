// Workspace (List, Get Children, Create) and Folder (Get Children, Create) through n8n's engine
// against the emulator: token paging, the children filter, failures on their outputs, the pickers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, OUTPUT } from '../support/smartsheetFixture';
import { useEmulator } from '../support/suite';

const pat = { authentication: 'accessToken' };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('workspace and folder', () => {
	const suite = useEmulator();

	const requests = async (route: string) =>
		((await suite.fx.stats()).byRoute[route] ?? 0) as number;
	const demoWorkspace = () => suite.fx.emulator.state.workspaces[0];
	const projectsFolder = () => suite.fx.emulator.state.folders[0];

	test('list: every workspace across token pages (100 a request); Limit stops paging early', async () => {
		await suite.fx.admin('POST', '/workspaces', { count: 150, name: 'Team' });
		const all = jsonOf(
			await suite.fx.run({ ...pat, resource: 'workspace', operation: 'list', returnAll: true }),
			OUTPUT.success,
		);
		assert.equal(all.length, 151);
		assert.deepEqual([all[0].name, all[150].name], ['Demo Workspace', 'Team 150']);
		assert.equal(await requests('GET /2.0/workspaces'), 2, 'two pages, joined by lastKey');
		const five = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'workspace',
				operation: 'list',
				returnAll: false,
				limit: 5,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			five.map((workspace) => workspace.name),
			['Demo Workspace', 'Team 1', 'Team 2', 'Team 3', 'Team 4'],
		);
		assert.equal(await requests('GET /2.0/workspaces'), 3, 'one request for five workspaces');
	});

	test('get children of a workspace and of a folder, filtered by type, one item each with pairedItem', async () => {
		const workspaceId = demoWorkspace().id;
		const children = await suite.fx.run(
			{
				...pat,
				resource: 'workspace',
				operation: 'getChildren',
				workspaceId: byId(workspaceId),
				returnAll: true,
			},
			[{ a: 1 }, { a: 2 }],
		);
		const listed = jsonOf(children, OUTPUT.success);
		assert.deepEqual(
			listed.slice(0, 3).map((child) => [child.resourceType, child.name]),
			[
				['folder', 'Projects'],
				['sheet', 'Project Tracker'],
				['report', 'Open Tasks'],
			],
		);
		assert.deepEqual(
			children.outputs[0].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }],
		);
		const sheetsOnly = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'workspace',
				operation: 'getChildren',
				workspaceId: byId(workspaceId),
				childrenResourceTypes: ['sheets'],
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			sheetsOnly.map((child) => child.name),
			['Project Tracker'],
		);
		const folderId = projectsFolder().id;
		for (const name of ['B', 'A'])
			await suite.fx.api('POST', `/folders/${folderId}/folders`, { name });
		const inFolder = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'getChildren',
				folderId: byId(folderId),
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			inFolder.map((child) => [child.resourceType, child.name]),
			[
				['folder', 'A'],
				['folder', 'B'],
			],
		);
	});

	test('get children: all token pages of a big folder, or one request when the limit fits', async () => {
		const folderId = projectsFolder().id;
		for (let i = 0; i < 120; i++)
			await suite.fx.admin('POST', '/sheets', { name: `S${String(i).padStart(3, '0')}`, rows: 0 });
		for (const sheet of suite.fx.emulator.state.sheets.values())
			if (sheet.name.startsWith('S')) sheet.folderId = folderId;
		const all = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'getChildren',
				folderId: byId(folderId),
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.equal(all.length, 120);
		assert.equal(await requests('GET /2.0/folders/{folderId}/children'), 2);
		const some = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'getChildren',
				folderId: byId(folderId),
				returnAll: false,
				limit: 10,
			}),
			OUTPUT.success,
		);
		assert.deepEqual([some.length, some[9].name], [10, 'S009']);
		assert.equal(await requests('GET /2.0/folders/{folderId}/children'), 3);
	});

	test('create a workspace, a folder in it, a folder in that folder, and a sheet there (Sheet: Create with the folder picker)', async () => {
		const [workspace] = jsonOf(
			await suite.fx.run({ ...pat, resource: 'workspace', operation: 'create', name: ' Launch ' }),
			OUTPUT.success,
		);
		assert.deepEqual(
			[workspace.name, workspace.accessLevel, typeof workspace.id],
			['Launch', 'OWNER', 'string'],
		);
		const [outer] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'create',
				name: 'Outer',
				parentType: 'workspace',
				workspaceId: byId(String(workspace.id)),
			}),
			OUTPUT.success,
		);
		const [inner] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'create',
				name: 'Inner',
				parentType: 'folder',
				folderId: { __rl: true, mode: 'url', value: String(outer.permalink) },
			}),
			OUTPUT.success,
		);
		const [sheet] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'sheet',
				operation: 'create',
				name: 'Deep sheet',
				destination: 'folder',
				containerId: byId(String(inner.id)),
				columns: { column: [{ title: 'Name', type: 'TEXT_NUMBER', primary: true }] },
			}),
			OUTPUT.success,
		);
		assert.equal(sheet.name, 'Deep sheet');
		const tree = async (resource: string, id: string) =>
			jsonOf(
				await suite.fx.run({
					...pat,
					resource,
					operation: 'getChildren',
					[`${resource}Id`]: byId(id),
					returnAll: true,
				}),
				OUTPUT.success,
			).map((child) => child.name);
		assert.deepEqual(await tree('workspace', String(workspace.id)), ['Outer']);
		assert.deepEqual(await tree('folder', String(outer.id)), ['Inner']);
		assert.deepEqual(await tree('folder', String(inner.id)), ['Deep sheet']);
	});

	test('failures: unknown workspace or folder → Payload; access taken away → Permission; missing scopes → Permission; no name → Payload without a request', async () => {
		const workspaceId = demoWorkspace().id;
		const unknown = await suite.fx.run(
			{
				...pat,
				resource: 'workspace',
				operation: 'getChildren',
				workspaceId: byId('4242424242'),
				returnAll: true,
			},
			[{ keep: 1 }],
		);
		assert.deepEqual(
			jsonOf(unknown, OUTPUT.payload).map((item) => [
				item.keep,
				(item.smartsheetFailure as any).errorCode,
			]),
			[[1, 1006]],
		);
		const noFolder = await suite.fx.run({
			...pat,
			resource: 'folder',
			operation: 'create',
			name: 'x',
			parentType: 'folder',
			folderId: byId('4242424242'),
		});
		assert.equal((jsonOf(noFolder, OUTPUT.payload)[0].smartsheetFailure as any).errorCode, 1006);

		await suite.fx.admin('POST', '/access', { workspaceId, accessLevel: 'VIEWER' });
		const viewer = await suite.fx.run({
			...pat,
			resource: 'folder',
			operation: 'create',
			name: 'x',
			parentType: 'workspace',
			workspaceId: byId(workspaceId),
		});
		assert.equal((jsonOf(viewer, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		await suite.fx.admin('POST', '/access', { workspaceId, accessLevel: 'NONE' });
		const gone = await suite.fx.run({
			...pat,
			resource: 'folder',
			operation: 'getChildren',
			folderId: byId(projectsFolder().id),
			returnAll: true,
		});
		assert.equal((jsonOf(gone, OUTPUT.permission)[0].smartsheetFailure as any).errorCode, 1004);
		assert.equal(
			jsonOf(
				await suite.fx.run({ ...pat, resource: 'workspace', operation: 'list', returnAll: true }),
				OUTPUT.success,
			).length,
			0,
			'gone from the list',
		);

		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		const cannotCreate = await suite.fx.run({
			resource: 'workspace',
			operation: 'create',
			name: 'Nope',
		});
		assert.deepEqual(
			[
				(jsonOf(cannotCreate, OUTPUT.permission)[0].smartsheetFailure as any).errorCode,
				(jsonOf(cannotCreate, OUTPUT.permission)[0].smartsheetFailure as any).operation,
			],
			[1004, 'workspace:create'],
		);
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['ADMIN_WORKSPACES'] }));
		const cannotList = await suite.fx.run({
			resource: 'workspace',
			operation: 'list',
			returnAll: true,
		});
		assert.equal(
			(jsonOf(cannotList, OUTPUT.permission)[0].smartsheetFailure as any).errorCode,
			1004,
		);

		const before = (await suite.fx.stats()).requests;
		const blank = await suite.fx.run({
			...pat,
			resource: 'workspace',
			operation: 'create',
			name: '  ',
		});
		assert.match(
			(jsonOf(blank, OUTPUT.payload)[0].smartsheetFailure as any).message,
			/needs a name/,
		);
		assert.equal((await suite.fx.stats()).requests, before);
	});

	test('a workspace ID above 2^53 round-trips: listed, its children read, a folder made in it', async () => {
		const { ids } = await suite.fx.admin('POST', '/workspaces', { name: 'Huge', bigIds: true });
		const [hugeId] = ids as string[];
		assert.ok(BigInt(hugeId) > 2n ** 53n);
		const listed = jsonOf(
			await suite.fx.run({ ...pat, resource: 'workspace', operation: 'list', returnAll: true }),
			OUTPUT.success,
		);
		assert.equal(listed.find((workspace) => workspace.name === 'Huge')?.id, hugeId);
		const [folder] = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'folder',
				operation: 'create',
				name: 'Inside',
				parentType: 'workspace',
				workspaceId: byId(hugeId),
			}),
			OUTPUT.success,
		);
		assert.equal(
			suite.fx.emulator.state.folders.find((candidate) => candidate.id === folder.id)?.workspaceId,
			hugeId,
		);
		const children = jsonOf(
			await suite.fx.run({
				...pat,
				resource: 'workspace',
				operation: 'getChildren',
				workspaceId: byId(hugeId),
				returnAll: true,
			}),
			OUTPUT.success,
		);
		assert.deepEqual(
			children.map((child) => child.id),
			[folder.id],
		);
	});

	test('the workspace and folder pickers (listSearch) filter by name and page with lastKey', async () => {
		await suite.fx.admin('POST', '/workspaces', { count: 110, name: 'Team' });
		const found = await suite.fx.listSearch('searchWorkspaces', pat, 'demo');
		assert.deepEqual(found.results, [
			{
				name: 'Demo Workspace',
				value: demoWorkspace().id,
				url: `https://app.smartsheet.com/workspaces/${demoWorkspace().id}`,
			},
		]);
		const first = await suite.fx.listSearch('searchWorkspaces', pat);
		assert.equal(first.results.length, 100);
		assert.equal(typeof first.paginationToken, 'string');
		const second = await suite.fx.listSearch(
			'searchWorkspaces',
			pat,
			undefined,
			first.paginationToken,
		);
		assert.deepEqual(
			[second.results.length, second.paginationToken, second.results.at(-1)?.name],
			[11, undefined, 'Team 110'],
		);

		const folders = await suite.fx.listSearch('searchFolders', pat, 'proj');
		assert.deepEqual(folders.results, [
			{
				name: 'Demo Workspace / Projects',
				value: projectsFolder().id,
				url: `https://app.smartsheet.com/folders/${projectsFolder().id}`,
			},
		]);
		suite.fx.putOAuth(await suite.fx.issueTokens({ scopes: ['READ_SHEETS'] }));
		assert.equal(
			(await suite.fx.listSearch('searchFolders', {})).results.length,
			1,
			'with OAuth2 too',
		);
	});
});
