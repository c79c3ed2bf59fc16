// npm run demo: the main job. A local n8n with this package loaded, the bundled Smartsheet
// emulator seeded with demo data, credentials for it (access token and OAuth2, connected), and the
// example workflow ready to run. Prints the URL and the login; Ctrl+C stops everything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLIENT, EmulatorProcess, PAT } from './e2e/emulator.mjs';
import { project, stopAll, workDir } from './e2e/lib.mjs';
import { ensureN8n } from './e2e/install.mjs';
import { installPackage, N8n } from './e2e/n8n.mjs';

async function main() {
	console.log('Installing n8n (once, cached) and building the package…');
	console.log(await ensureN8n());
	const userFolder = join(workDir, 'demo');
	await installPackage(userFolder);
	const emulator = await EmulatorProcess.start();
	await emulator.admin('POST', '/webhooks/config', { allowInsecureCallbacks: true }); // the Smartsheet Trigger calls back to http://127.0.0.1
	const n8n = await N8n.start({ userFolder, port: Number(process.env.N8N_PORT ?? 5678) });
	await n8n.setupOwner();
	const pat = await n8n.createCredential('Smartsheet demo (access token)', 'smartsheetApi', {
		region: 'custom',
		apiBaseUrl: emulator.apiBase,
		accessToken: PAT,
		allowedHttpRequestDomains: 'all',
	});
	const oauth = await n8n.createCredential('Smartsheet account', 'smartsheetOAuth2Api', {
		region: 'custom',
		appBaseUrl: emulator.url,
		apiBaseUrl: emulator.apiBase,
		clientId: CLIENT.clientId,
		clientSecret: CLIENT.clientSecret,
		scope:
			'READ_SHEETS WRITE_SHEETS CREATE_SHEETS ADMIN_SHEETS DELETE_SHEETS ADMIN_WORKSPACES ADMIN_WEBHOOKS READ_USERS',
	});
	await n8n.connectOAuth2(oauth.id, `${emulator.url}/b/authorize`);
	const sheets = await (
		await fetch(`${emulator.apiBase}/sheets`, { headers: { authorization: `Bearer ${PAT}` } })
	).text();
	const trackerId = /"id":(\d+),"name":"Project Tracker"/.exec(sheets)[1];
	for (const file of [
		'smartsheet-failure-routing.workflow.json',
		'smartsheet-auth-monitor.workflow.json',
	]) {
		const workflow = JSON.parse(readFileSync(`${project}/examples/${file}`, 'utf8'));
		for (const node of workflow.nodes) {
			if (node.credentials?.smartsheetOAuth2Api)
				node.credentials.smartsheetOAuth2Api = { id: oauth.id, name: oauth.name };
			if (node.parameters?.sheetId)
				node.parameters.sheetId = { __rl: true, mode: 'id', value: trackerId };
		}
		await n8n.createWorkflow(workflow);
	}
	console.log(`
n8n with the Smartsheet nodes:  ${n8n.url}
  log in as ci@example.com / CiPassw0rd!x
  workflows: "Smartsheet: route every failure" (adds rows to the demo "Project Tracker" sheet)
             and "Smartsheet auth monitor"
  credentials: "Smartsheet account" (OAuth2, connected through the emulator's consent page) and
               "Smartsheet demo (access token)"
Smartsheet emulator: ${emulator.url} (counters: ${emulator.url}/__admin/stats;
  make failures happen: POST ${emulator.url}/__admin/faults, see test/emulator/README.md)
Ctrl+C stops n8n and the emulator.`);
	await new Promise(() => {});
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		await stopAll();
		process.exit(0);
	});
}
main().catch(async (error) => {
	console.error(error);
	await stopAll();
	process.exit(1);
});
