// Real n8n, the Smartsheet Trigger: a workflow with the trigger is activated in n8n; the emulator
// verifies n8n's production webhook URL during activation and delivers a sheet change there, signed;
// an execution starts with the event; a forged signature starts none; deactivation deletes the
// webhook. The emulator accepts http://127.0.0.1 callbacks for this (its admin config).
import { createHmac, randomUUID } from 'node:crypto';

import { PAT } from './emulator.mjs';
import { agreesWithLastRead, assert, check, sleep, waitFor } from './lib.mjs';
import { PACKAGE } from './n8n.mjs';

const TRIGGER_TYPE = `${PACKAGE}.smartsheetTrigger`;

export async function smartsheetTriggerInN8n(n8n, emulator) {
	await check(
		"Smartsheet Trigger in real n8n: activation creates and verifies a webhook at n8n's production URL, a signed sheet change starts an execution with the event and the row, a forged signature starts none, deactivation deletes the webhook",
		async () => {
			await emulator.admin('POST', '/webhooks/config', { allowInsecureCallbacks: true });
			const api = async (method, path, body) => {
				const response = await fetch(`${emulator.apiBase}${path}`, {
					method,
					headers: { authorization: `Bearer ${PAT}`, 'content-type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				return await response.text();
			};
			const sheets = await api('GET', '/sheets');
			const sheetId = /"id":(\d+),"name":"Project Tracker"/.exec(sheets)?.[1];
			const sheet = await api('GET', `/sheets/${sheetId}`);
			const taskColumn = /"id":(\d+),"version":\d+,"index":0,"title":"Task"/.exec(sheet)?.[1];
			const rowId = /"rows":\[\{"id":(\d+)/.exec(sheet)?.[1];
			assert(sheetId && taskColumn && rowId, 'the emulator has the demo sheet');

			const credential = await n8n.createCredential('Smartsheet (PAT, trigger)', 'smartsheetApi', {
				region: 'custom',
				apiBaseUrl: emulator.apiBase,
				accessToken: PAT,
				allowedHttpRequestDomains: 'all',
			});
			const webhookId = randomUUID();
			const node = {
				id: 'trigger',
				name: 'Smartsheet Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: {
					authentication: 'accessToken',
					sheetId: { __rl: true, mode: 'id', value: sheetId },
					events: ['row.updated'],
					includeRowData: true,
				},
				credentials: { smartsheetApi: { id: credential.id, name: credential.name } },
			};
			const workflow = await n8n.createWorkflow(
				{ name: 'Smartsheet Trigger check', nodes: [node], connections: {} },
				true,
			);
			const url = `${n8n.url}/webhook/${webhookId}/webhook`;
			// Activation is asynchronous in some versions: wait for the webhook it makes and enables.
			const webhook = await waitFor(
				`an enabled webhook at ${url}`,
				async () =>
					(await emulator.admin('GET', '/webhooks')).find(
						(candidate) => candidate.callbackUrl === url && candidate.status === 'ENABLED',
					),
				30_000,
				300,
			);
			const verification = (
				await emulator.admin('GET', `/webhooks/deliveries?webhookId=${webhook.id}`)
			).find((record) => record.kind === 'verification');
			assert(
				verification?.outcome === 'verified' && verification.httpStatus === 200,
				`n8n answered the verification challenge during activation (${JSON.stringify(verification)})`,
			);

			await api('PUT', `/sheets/${sheetId}/rows`, [
				{ id: rowId, cells: [{ columnId: taskColumn, value: 'Changed outside n8n' }] },
			]);
			const settled = agreesWithLastRead();
			const [execution] = await waitFor(
				'the execution the change started',
				async () => {
					const executions = await n8n.executions(workflow.id);
					return executions.length > 0 &&
						executions.every((candidate) => candidate.finished || candidate.status === 'success') &&
						settled(executions)
						? executions
						: null;
				},
				30_000,
				300,
			);
			const item =
				execution.data?.resultData?.runData?.['Smartsheet Trigger']?.[0]?.data?.main?.[0]?.[0]
					?.json;
			assert(
				execution.status === 'success' &&
					item?.eventType === 'updated' &&
					item.rowId === rowId &&
					item.row?.Task === 'Changed outside n8n',
				`the execution carries the event and the row (${execution.status}: ${JSON.stringify(item).slice(0, 300)})`,
			);

			const forgedBody = JSON.stringify({
				nonce: 'x',
				timestamp: new Date().toISOString(),
				webhookId: Number(webhook.id),
				scope: 'sheet',
				scopeObjectId: Number(sheetId),
				events: [{ objectType: 'row', eventType: 'updated', id: Number(rowId) }],
			});
			const forged = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'Smartsheet-Hmac-SHA256': createHmac('sha256', 'not-the-shared-secret')
						.update(forgedBody)
						.digest('hex'),
				},
				body: forgedBody,
			});
			const unsigned = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: forgedBody,
			});
			assert(
				forged.status === 401 && unsigned.status === 401,
				`n8n answers a forged and an unsigned callback with 401 (${forged.status}, ${unsigned.status})`,
			);
			await sleep(1500);
			const after = await n8n.executions(workflow.id);
			assert(after.length === 1, `no execution started for them (${after.length} executions)`);

			await n8n.api('POST', `/workflows/${workflow.id}/deactivate`);
			await waitFor(
				'the webhook to be deleted',
				async () =>
					!(await emulator.admin('GET', '/webhooks')).some(
						(candidate) => candidate.callbackUrl === url,
					),
				15_000,
				300,
			);
		},
	);
}
