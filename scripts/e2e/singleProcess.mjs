// Real n8n, one process (SQLite): the package loads cleanly, the OAuth2 Connect flow works end to
// end, and each failure class reaches its own branch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLIENT, EmulatorProcess, PAT } from './emulator.mjs';
import { assert, check, workDir } from './lib.mjs';
import { errorOf, installPackage, N8n, NODE_TYPE, outputsOf, PACKAGE } from './n8n.mjs';

const manual = { id: 'm', name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

function smartsheetWorkflow(name, parameters, credentials, items = 1) {
	const itemsNode = {
		id: 'i',
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: { jsCode: `return Array.from({ length: ${items} }, (_, index) => ({ json: { index } }));` },
	};
	return {
		name,
		nodes: [manual, itemsNode, { id: 's', name: 'Smartsheet', type: NODE_TYPE, typeVersion: 1, position: [400, 0], parameters: { failureRouting: 'outputs', ...parameters }, credentials }],
		connections: { Manual: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[{ node: 'Smartsheet', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export async function singleProcess() {
	const userFolder = join(workDir, 'single');
	await installPackage(userFolder);
	const emulator = await EmulatorProcess.start();
	const n8n = await N8n.start({ userFolder });
	await n8n.setupOwner();

	await check('the node and both credential types load, with five outputs', async () => {
		const nodes = (await n8n.http.request('GET', '/types/nodes.json')).json;
		const node = nodes.find((candidate) => candidate.name === NODE_TYPE);
		assert(node, `${NODE_TYPE} is in n8n's node types`);
		for (const output of ['Success', 'Auth', 'Permission', 'Payload', 'Throttled']) assert(JSON.stringify(node.outputs).includes(output), `outputs mention ${output}`);
		assert(nodes.some((candidate) => candidate.name === `${NODE_TYPE}Tool`), 'usable as an AI tool');
		const credentials = (await n8n.http.request('GET', '/types/credentials.json')).json;
		for (const type of ['smartsheetOAuth2Api', 'smartsheetApi']) assert(credentials.some((candidate) => candidate.name === type), `${type} loaded`);
		const log = readFileSync(n8n.processes[0].logFile, 'utf8');
		const complaints = log.split('\n').filter((line) => /smartsheet/i.test(line) && /(error|warn)/i.test(line));
		assert(complaints.length === 0, `n8n's log has no error or warning about the package: ${complaints.join(' | ')}`);
	});

	let oauthCredential;
	await check('OAuth2 Connect: n8n authorize URL → emulator /b/authorize → n8n callback → code exchange → a working credential', async () => {
		oauthCredential = await n8n.createCredential('Smartsheet (Connect)', 'smartsheetOAuth2Api', {
			region: 'custom', appBaseUrl: emulator.url, apiBaseUrl: emulator.apiBase, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret,
			scope: 'READ_SHEETS WRITE_SHEETS CREATE_SHEETS ADMIN_SHEETS DELETE_SHEETS ADMIN_WORKSPACES ADMIN_WEBHOOKS READ_USERS',
		});
		await n8n.connectOAuth2(oauthCredential.id, `${emulator.url}/b/authorize`);
		assert((await emulator.stats()).tokenExchanges === 1, 'n8n exchanged the code');
		const workflow = await n8n.createWorkflow(smartsheetWorkflow('connect check', { authentication: 'oAuth2', resource: 'user', operation: 'getCurrent' }, { smartsheetOAuth2Api: { id: oauthCredential.id, name: oauthCredential.name } }));
		const execution = await n8n.runManually(workflow.id, 'Manual');
		const [success] = outputsOf(execution, 'Smartsheet');
		assert(execution.status === 'success', `execution ${execution.status}: ${errorOf(execution)}`);
		assert(success?.[0]?.email === 'demo.user@example.com', `Success output has the user (${JSON.stringify(outputsOf(execution, 'Smartsheet')).slice(0, 300)})`);
	});

	const pat = await n8n.createCredential('Smartsheet (PAT)', 'smartsheetApi', { region: 'custom', apiBaseUrl: emulator.apiBase, accessToken: PAT, allowedHttpRequestDomains: 'all' });
	const patRef = { smartsheetApi: { id: pat.id, name: pat.name } };
	const cases = [
		['403/1004 → Permission', { kind: 'error', status: 403, errorCode: 1004 }, 2],
		['400/1012 → Payload', { kind: 'error', status: 400, errorCode: 1012 }, 3],
		['429 storm → Throttled', { kind: 'error', status: 429, errorCode: 4003 }, 4],
		['401/1002 → Auth', { kind: 'error', status: 401, errorCode: 1002 }, 1],
	];
	const routing = await n8n.createWorkflow(smartsheetWorkflow('routing', { authentication: 'accessToken', resource: 'user', operation: 'getCurrent', options: { maxRetryWaitSeconds: 0.5, retryInitialDelayMs: 50 } }, patRef, 3));
	for (const [name, response, output] of cases) {
		await check(`in real n8n, ${name}`, async () => {
			await emulator.admin('DELETE', '/faults');
			await emulator.admin('POST', '/faults', { match: { path: '/2.0/users/me' }, count: response.errorCode === 4003 ? 1000 : 3, response });
			const execution = await n8n.runManually(routing.id, 'Manual');
			const outputs = outputsOf(execution, 'Smartsheet');
			assert(execution.status === 'success', `the execution succeeds (${execution.status}: ${errorOf(execution)})`);
			assert(outputs.length === 5, `five outputs (${outputs.length})`);
			assert(outputs[output].length === 3, `3 items on output ${output}: ${JSON.stringify(outputs.map((items) => items.length))}`);
			assert(outputs[output].every((item) => item.smartsheetFailure?.errorCode === response.errorCode), 'each carries its diagnosis');
		});
	}
	await emulator.admin('DELETE', '/faults');

	await check('in real n8n, a dead refresh token → every item on Auth with the reconnect action, one token call', async () => {
		await emulator.admin('POST', '/tokens/revoke', { all: true });
		const before = (await emulator.stats()).tokenCalls;
		const workflow = await n8n.createWorkflow(smartsheetWorkflow('dead token', { authentication: 'oAuth2', resource: 'user', operation: 'getCurrent' }, { smartsheetOAuth2Api: { id: oauthCredential.id, name: oauthCredential.name } }, 5));
		const execution = await n8n.runManually(workflow.id, 'Manual');
		const outputs = outputsOf(execution, 'Smartsheet');
		assert(execution.status === 'success', `execution ${execution.status}: ${errorOf(execution)}`);
		assert(outputs[1]?.length === 5, `5 items on Auth: ${JSON.stringify(outputs.map((items) => items.length))}`);
		assert(outputs[1].every((item) => /^Reconnect the credential 'Smartsheet \(Connect\)' in n8n/.test(item.smartsheetFailure.action)), 'reconnect action names the credential');
		assert((await emulator.stats()).tokenCalls - before === 1, `one token call (${(await emulator.stats()).tokenCalls - before})`);
	});

	await check('the example workflows import into n8n, and the routing example adds its rows', async () => {
		const sheets = await (await fetch(`${emulator.apiBase}/sheets`, { headers: { authorization: `Bearer ${PAT}` } })).text();
		const trackerId = /"id":(\d+),"name":"Project Tracker"/.exec(sheets)[1];
		for (const file of ['smartsheet-failure-routing.workflow.json', 'smartsheet-auth-monitor.workflow.json']) {
			const workflow = JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
			for (const node of workflow.nodes) {
				if (node.credentials?.smartsheetOAuth2Api) {
					node.parameters.authentication = 'accessToken';
					node.credentials = patRef;
				}
				if (node.parameters?.sheetId) node.parameters.sheetId = { __rl: true, mode: 'id', value: trackerId };
			}
			const created = await n8n.createWorkflow(workflow);
			assert(created.id, `${file} imported`);
			if (file.includes('routing')) {
				const execution = await n8n.runManually(created.id, "When clicking 'Execute workflow'");
				assert(execution.status === 'success', `the example runs (${execution.status}: ${errorOf(execution)})`);
				const added = outputsOf(execution, 'Smartsheet')[0] ?? [];
				assert(added.length === 2 && added[0].Task === 'Write the report', `two rows added (${JSON.stringify(added).slice(0, 200)})`);
			}
		}
	});
	return { n8n, emulator, package: PACKAGE };
}
