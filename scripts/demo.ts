// `npm run demo`: the bundled Smartsheet emulator with its demo data, and how to point n8n at it.
// (The real-n8n demo builds on the e2e scripts; see README "Development".)
import { startEmulator } from '../test/emulator';

const port = Number(process.env.PORT ?? 8787);

async function main() {
	// Webhook callbacks to http://127.0.0.1 allowed, so a local n8n's Smartsheet Trigger works.
	const emulator = await startEmulator({
		port,
		seed: true,
		webhooks: { allowInsecureCallbacks: true },
	});
	const lines = [
		`Smartsheet emulator with demo data: ${emulator.url}`,
		'',
		'In n8n, create a "Smartsheet Access Token API" credential:',
		'  Region: Custom',
		`  API Base URL: ${emulator.apiBase}`,
		'  Access Token: demo-personal-access-token-000001',
		'or a "Smartsheet OAuth2 API" credential (Region: Custom, App Base URL',
		`  ${emulator.url}, API Base URL ${emulator.apiBase}, Client ID emulator-client-id,`,
		'  Client Secret emulator-client-secret) and click Connect.',
		'',
		`Counters: ${emulator.url}/__admin/stats   Stop: Ctrl+C`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = async () => {
		await emulator.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
