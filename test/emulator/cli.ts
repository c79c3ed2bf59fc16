// npm run emulator -- --port 8787 [--access-token-ttl s] [--rate-limit n] [--retry-after s]
//   [--write-collisions] [--write-latency-ms ms] [--pat token]... [--client-id id --client-secret s
//   [--redirect-uri url]] [--no-seed]
import { startEmulator, type EmulatorOptions } from './index';

function parseArgs(argv: string[]): EmulatorOptions {
	const options: EmulatorOptions = { port: 8787 };
	const pats: string[] = [];
	let client: { clientId?: string; clientSecret?: string; redirectUri?: string } | undefined;
	const number = (flag: string, value: string | undefined) => {
		const parsed = Number(value);
		if (value === undefined || !Number.isFinite(parsed) || parsed < 0) fail(`${flag} needs a non-negative number`);
		return parsed;
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		const known = ['--port', '--access-token-ttl', '--rate-limit', '--retry-after', '--write-latency-ms', '--write-collisions', '--no-seed', '--pat', '--client-id', '--client-secret', '--redirect-uri'];
		if (!known.includes(flag)) fail(`unknown flag ${flag}`);
		const takesValue = !['--write-collisions', '--no-seed'].includes(flag);
		if (takesValue && (value === undefined || value.startsWith('--'))) fail(`${flag} needs a value`);
		switch (flag) {
			case '--port': options.port = number(flag, value); break;
			case '--access-token-ttl': options.accessTokenTtlSeconds = number(flag, value); break;
			case '--rate-limit': options.rateLimitPerMinute = number(flag, value); break;
			case '--retry-after': options.retryAfterSeconds = number(flag, value); break;
			case '--write-latency-ms': options.writeLatencyMs = number(flag, value); break;
			case '--write-collisions': options.writeCollisions = true; continue;
			case '--no-seed': options.seed = false; continue;
			case '--pat': pats.push(value!); break;
			case '--client-id': (client ??= {}).clientId = value; break;
			case '--client-secret': (client ??= {}).clientSecret = value; break;
			case '--redirect-uri': (client ??= {}).redirectUri = value; break;
			default: fail(`unknown flag ${flag}`);
		}
		i++;
	}
	if (pats.length) options.pats = pats;
	if (client) {
		if (!client.clientId || !client.clientSecret) fail('--client-id and --client-secret go together');
		options.clients = [{ clientId: client.clientId!, clientSecret: client.clientSecret!, redirectUri: client.redirectUri }];
	}
	return options;
}

function fail(message: string): never {
	process.stderr.write(`emulator: ${message}\n`);
	process.exit(2);
}

async function main() {
	const running = await startEmulator(parseArgs(process.argv.slice(2)));
	process.stdout.write(`Smartsheet emulator listening on ${running.url} (API ${running.apiBase})\n`);
	const stop = async () => {
		await running.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => fail((error as Error).message));
