// Rows in the sheet per row requested when Smartsheet carries a write out and its answer is then
// lost or garbled, against a client that sends the write again after such an answer (as the
// official SDKs do for 4000–4004, and as a plain wait-and-retry branch does for the rest).
import { request } from 'undici';

import { jsonOf, OUTPUT, PAT, SmartsheetFixture } from '../test/support/smartsheetFixture';

const TIMEOUT_MS = 1_000;
const FAULT_MIX = [
	{ name: '4002', response: { kind: 'error', errorCode: 4002 } },
	{ name: '4000', response: { kind: 'error', errorCode: 4000 } },
	{
		name: 'gateway 502 page',
		response: {
			kind: 'raw',
			status: 502,
			contentType: 'text/html',
			body: '<h1>502 Bad Gateway</h1>',
		},
	},
	{ name: 'timeout', response: { kind: 'delay', ms: TIMEOUT_MS + 500 } },
	{ name: 'drop', response: { kind: 'drop' } },
];
const ROUNDS = 4; // each fault of the mix this many times
const ROWS_PER_REQUEST = 10;

export async function exactlyOnce(): Promise<string[]> {
	const fx = await SmartsheetFixture.start();
	const ours = { requested: 0, inSheet: 0, readBacks: 0, success: 0 };
	const blind = { requested: 0, inSheet: 0 };
	for (let round = 0; round < ROUNDS; round++) {
		for (const fault of FAULT_MIX) {
			const label = `${fault.name} ${round}`;
			const cells = (task: string) => ({ Task: task, Status: 'Done' });
			const items = Array.from({ length: ROWS_PER_REQUEST }, (_, index) =>
				cells(`${label} #${index}`),
			);

			await fx.reset();
			const sheet = await fx.sheet('Project Tracker');
			await fx.admin('POST', '/faults', {
				match: { method: 'POST', path: '/2.0/sheets/*/rows' },
				count: 1,
				afterActing: true,
				response: fault.response,
			});
			const result = await fx.run(
				{
					resource: 'row',
					operation: 'add',
					authentication: 'accessToken',
					sheetId: { __rl: true, mode: 'id', value: sheet.id },
					options: { timeoutMs: TIMEOUT_MS },
				},
				items,
			);
			ours.requested += items.length;
			ours.success += jsonOf(result, OUTPUT.success).length;
			ours.readBacks += (await fx.stats()).byRoute['GET /2.0/sheets/{sheetId}'] ?? 0; // before counting rows (a GET too)
			ours.inSheet += await rowsLabelled(fx, sheet.id, label);

			await fx.reset();
			const baseSheet = await fx.sheet('Project Tracker');
			await fx.admin('POST', '/faults', {
				match: { method: 'POST', path: '/2.0/sheets/*/rows' },
				count: 1,
				afterActing: true,
				response: fault.response,
			});
			const task = baseSheet.columns.find((column) => column.title === 'Task')!.id;
			const body = JSON.stringify(
				items.map((item) => ({ toBottom: true, cells: [{ columnId: task, value: item.Task }] })),
			);
			for (let attempt = 1; attempt <= 2; attempt++) {
				if (await postRows(fx, baseSheet.id, body)) break; // an ambiguous answer: sent again once
			}
			blind.requested += items.length;
			blind.inSheet += await rowsLabelled(fx, baseSheet.id, label);
		}
	}
	await fx.close();
	const faults = FAULT_MIX.length * ROUNDS;
	const perRow = (counts: { requested: number; inSheet: number }) =>
		(counts.inSheet / counts.requested).toFixed(3);
	return [
		`| Rows in the sheet per row requested, ${faults} add requests of ${ROWS_PER_REQUEST} rows each carried out then answered ${FAULT_MIX.map((fault) => fault.name).join(' / ')} | ${perRow(ours)} (${ours.success} of ${ours.requested} items on Success, ${ours.readBacks} read-backs: ${(ours.readBacks / faults).toFixed(1)} per lost answer) | ${perRow(blind)} (sent again once after the lost answer) | ${(Number(perRow(ours)) / Number(perRow(blind))).toFixed(2)}× | exactly 1.000 |`,
	];
}

/** True when Smartsheet's JSON came back; false for anything after which a blind client sends again. */
async function postRows(fx: SmartsheetFixture, sheetId: string, body: string): Promise<boolean> {
	try {
		const reply = await request(`${fx.emulator.apiBase}/sheets/${sheetId}/rows`, {
			method: 'POST',
			headers: { authorization: `Bearer ${PAT}`, 'content-type': 'application/json' },
			body,
			headersTimeout: TIMEOUT_MS,
			bodyTimeout: TIMEOUT_MS,
		});
		await reply.body.text();
		return reply.statusCode === 200;
	} catch {
		return false;
	}
}

async function rowsLabelled(
	fx: SmartsheetFixture,
	sheetId: string,
	label: string,
): Promise<number> {
	const sheet = await fx.api<{ rows: Array<{ cells: Array<{ value?: unknown }> }> }>(
		'GET',
		`/sheets/${sheetId}`,
	);
	return sheet.rows.filter((row) =>
		row.cells.some((cell) => typeof cell.value === 'string' && cell.value.startsWith(`${label} #`)),
	).length;
}
