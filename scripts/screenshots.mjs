// npm run screenshots: the README's pictures, taken from the real n8n editor in headless Chromium
// (Debian's chromium package): the example workflow with the Smartsheet node's five outputs
// wired, the Smartsheet OAuth2 credential dialog, and the Row panels of node version 2 (the sheet
// right after Operation, the columns as typed fields).
import { existsSync, readFileSync } from 'node:fs';

import { chromium } from 'playwright-core';

import { CLIENT, EmulatorProcess, PAT } from './e2e/emulator.mjs';
import { project, run, sleep, stopAll, workDir } from './e2e/lib.mjs';
import { ensureN8n } from './e2e/install.mjs';
import { installPackage, N8n } from './e2e/n8n.mjs';

const CHROMIUM = '/usr/bin/chromium';

async function main() {
	if (!existsSync(CHROMIUM))
		await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
	await ensureN8n();
	const userFolder = `${workDir}/screens`;
	await installPackage(userFolder);
	const emulator = await EmulatorProcess.start();
	const n8n = await N8n.start({ userFolder });
	await n8n.setupOwner();
	const credential = await n8n.createCredential('Smartsheet account', 'smartsheetOAuth2Api', {
		region: 'custom',
		appBaseUrl: emulator.url,
		apiBaseUrl: emulator.apiBase,
		clientId: CLIENT.clientId,
		clientSecret: CLIENT.clientSecret,
		scope:
			'READ_SHEETS WRITE_SHEETS CREATE_SHEETS ADMIN_SHEETS DELETE_SHEETS ADMIN_WORKSPACES ADMIN_WEBHOOKS READ_USERS',
	});
	await n8n.connectOAuth2(credential.id, `${emulator.url}/b/authorize`);
	const workflow = JSON.parse(
		readFileSync(`${project}/examples/smartsheet-failure-routing.workflow.json`, 'utf8'),
	);
	const sheets = await (
		await fetch(`${emulator.apiBase}/sheets`, { headers: { authorization: `Bearer ${PAT}` } })
	).text();
	const trackerId = /"id":(\d+),"name":"Project Tracker"/.exec(sheets)[1];
	for (const node of workflow.nodes) {
		if (node.credentials?.smartsheetOAuth2Api)
			node.credentials.smartsheetOAuth2Api = { id: credential.id, name: credential.name };
		if (node.parameters?.sheetId)
			node.parameters.sheetId = { __rl: true, mode: 'id', value: trackerId };
	}
	const created = await n8n.createWorkflow(workflow);
	const rowPanels = await n8n.createWorkflow(
		rowPanelsWorkflow({ id: credential.id, name: credential.name }, trackerId),
	);

	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		await context.addCookies(
			[...n8n.http.cookies].map(([name, value]) => ({ name, value, url: n8n.url })),
		);
		const page = await context.newPage();
		await page.goto(`${n8n.url}/workflow/${created.id}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await sleep(1500);
		await page.keyboard.press('Shift+1').catch(() => {}); // zoom to fit
		await sleep(800);
		await page.screenshot({ path: `${project}/docs/workflow-five-outputs.png` });
		await page.goto(`${n8n.url}/home/credentials/${credential.id}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('[data-test-id="editCredential-modal"], .el-dialog', {
			timeout: 60_000,
		});
		await sleep(1500);
		await page.screenshot({ path: `${project}/docs/credential-dialog.png` });
		for (const [nodeName, file] of [
			['Add rows', 'row-column-mapper.png'],
			['Create or update rows', 'row-panel-sheet-first.png'],
		]) {
			await page.goto(`${n8n.url}/workflow/${rowPanels.id}`, { waitUntil: 'networkidle' });
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).dblclick();
			await page.waitForSelector('[data-test-id="mapping-fields-container"]', { timeout: 60_000 });
			await sleep(2500); // the mapper loads the sheet's columns
			await page.screenshot({ path: `${project}/docs/${file}` });
		}
		console.log(
			'docs/workflow-five-outputs.png, docs/credential-dialog.png, docs/row-column-mapper.png and docs/row-panel-sheet-first.png written',
		);
	} finally {
		await browser.close();
	}
}

/** Row: Add and Row: Create or Update in node version 2, on the Project Tracker, with some columns mapped. */
function rowPanelsWorkflow(credential, sheetId) {
	const smartsheet = (name, operation, x, columns) => ({
		id: `row-${operation}`,
		name,
		type: 'n8n-nodes-smartsheet-resilient.smartsheet',
		typeVersion: 2,
		position: [x, 0],
		credentials: { smartsheetOAuth2Api: credential },
		parameters: {
			resource: 'row',
			operation,
			sheetId: { __rl: true, mode: 'list', value: sheetId, cachedResultName: 'Project Tracker' },
			columns: {
				mappingMode: 'defineBelow',
				matchingColumns: [],
				schema: [],
				attemptToConvertTypes: false,
				convertFieldsToString: false,
				...columns,
			},
		},
	});
	return {
		name: 'Row panels',
		nodes: [
			{
				id: 'manual',
				name: 'Manual',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			smartsheet('Add rows', 'add', 260, {
				value: {
					Task: 'Write the launch post',
					Status: 'In Progress',
					Due: '2026-12-24T09:00:00',
					Done: false,
				},
			}),
			smartsheet('Create or update rows', 'upsert', 520, {
				matchingColumns: ['Task'],
				value: { Task: 'Launch', Status: 'Done' },
			}),
		],
		connections: {
			Manual: { main: [[{ node: 'Add rows', type: 'main', index: 0 }]] },
			'Add rows': { main: [[{ node: 'Create or update rows', type: 'main', index: 0 }]] },
		},
	};
}

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(async () => {
		await stopAll();
		process.exit(process.exitCode ?? 0);
	});
