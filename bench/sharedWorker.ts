// One OS process of the sharedCredential benchmark: runs the Smartsheet node through n8n's engine
// (test/harness) with several workflows at once, all on one personal access token, against an
// emulator the parent process started, until a deadline; then prints one JSON line of what its
// items did. Usage: sharedWorker.ts <apiBase> <token> <sheetId> <rowId,rowId,…> <seconds>
import { SmartsheetApi } from '../credentials/SmartsheetApi.credentials';
import { SmartsheetOAuth2Api } from '../credentials/SmartsheetOAuth2Api.credentials';
import { Smartsheet } from '../nodes/Smartsheet/Smartsheet.node.ts';
import { CredentialStore } from '../test/harness/credentialStore';
import { runNode } from '../test/harness/runWorkflow';

const WORKFLOWS = 2; // executions in flight at once in this process
const ITEMS = 20; // Row: Get items per execution

async function main() {
	const [apiBase, token, sheetId, rowIdList, seconds] = process.argv.slice(2);
	const rowIds = rowIdList.split(',');
	const store = new CredentialStore();
	const credential = { id: 'cred-shared', name: 'one token, several workers' };
	store.put({
		...credential,
		type: 'smartsheetApi',
		data: { region: 'custom', apiBaseUrl: apiBase, accessToken: token },
	});
	const subject = {
		type: 'n8n-nodes-smartsheet-resilient.smartsheet',
		node: new Smartsheet(),
		credentialTypes: [new SmartsheetOAuth2Api(), new SmartsheetApi()],
	};
	const started = Date.now();
	const deadline = started + Number(seconds) * 1000;
	const counts = { executions: 0, success: 0, throttled: 0, otherFailures: 0 };
	const workflow = async (lane: number) => {
		for (let run = 0; Date.now() < deadline; run++) {
			const items = Array.from({ length: ITEMS }, (_, index) => ({
				id: rowIds[(lane * 7 + run * ITEMS + index) % rowIds.length],
			}));
			const result = await runNode({
				subject,
				parameters: {
					resource: 'row',
					operation: 'get',
					authentication: 'accessToken',
					sheetId: { __rl: true, mode: 'id', value: sheetId },
					rowId: '={{ $json.id }}',
					options: { summary: 'none' },
				},
				items,
				credentials: { smartsheetApi: credential },
				store,
			});
			counts.executions++;
			counts.success += result.outputs[0]?.length ?? 0;
			counts.throttled += result.outputs[4]?.length ?? 0;
			counts.otherFailures += [1, 2, 3].reduce(
				(sum, output) => sum + (result.outputs[output]?.length ?? 0),
				0,
			);
		}
	};
	await Promise.all(Array.from({ length: WORKFLOWS }, (_, lane) => workflow(lane)));
	process.stdout.write(`${JSON.stringify({ ...counts, started, ended: Date.now() })}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
