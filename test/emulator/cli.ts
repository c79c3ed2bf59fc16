// npm run emulator -- [--port 8787] [--access-token-ttl s] [--rate-limit n] [--retry-after s]
//   [--write-collisions] [--write-latency-ms ms] [--latency-ms ms|min-max] [--search-lag-ms ms] [--pat token]... [--client-id id
//   --client-secret s [--redirect-uri url]] [--no-seed] [--allow-insecure-callbacks]
// Runs in the foreground, prints one line with its URL when ready, stops on SIGINT/SIGTERM.
import type { EmulatorOptions } from './config';
import { startEmulator } from './index';

const USAGE = `Usage: npm run emulator -- [options]
  --port <p>                     port on 127.0.0.1 (default 8787; 0 = any free port)
  --access-token-ttl <seconds>   lifetime of OAuth access tokens (default 604799)
  --rate-limit <n>               requests per minute per token (default 300)
  --retry-after <seconds>        send Retry-After with 429 answers (default: none, like Smartsheet)
  --write-collisions             concurrent writes to one sheet by one token answer 500/4004
  --write-latency-ms <ms>        how long a write holds its sheet (default 0)
  --latency-ms <ms|min-max>      delay before every API answer, fixed or drawn from a range (default 0)
  --search-lag-ms <ms>           how long a change takes to reach search (default 1000)
  --pat <token>                  an accepted personal access token (repeatable)
  --client-id <id> --client-secret <secret> [--redirect-uri <url>]   the OAuth app
  --no-seed                      start without the demo data
  --allow-insecure-callbacks     accept http:// webhook callback URLs on any port and private addresses (tests, demos)
  --help                         this text`;

class UsageError extends Error {}

const SWITCHES = new Set([
	'--write-collisions',
	'--no-seed',
	'--allow-insecure-callbacks',
	'--help',
]);
const VALUED = new Set([
	'--port',
	'--access-token-ttl',
	'--rate-limit',
	'--retry-after',
	'--write-latency-ms',
	'--latency-ms',
	'--search-lag-ms',
	'--pat',
	'--client-id',
	'--client-secret',
	'--redirect-uri',
]);

export function parseArgs(argv: string[]): EmulatorOptions | 'help' {
	const options: EmulatorOptions = { port: 8787 };
	const pats: string[] = [];
	const client: { clientId?: string; clientSecret?: string; redirectUri?: string } = {};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] =
			argv[i].startsWith('--') && argv[i].includes('=')
				? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
				: [argv[i], undefined];
		if (SWITCHES.has(flag)) {
			if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
			if (flag === '--help') return 'help';
			if (flag === '--write-collisions') options.writeCollisions = true;
			if (flag === '--no-seed') options.seed = false;
			if (flag === '--allow-insecure-callbacks')
				options.webhooks = { allowInsecureCallbacks: true };
			continue;
		}
		if (!VALUED.has(flag)) throw new UsageError(`unknown flag ${flag}`);
		const value = inline ?? argv[++i];
		if (value === undefined || (inline === undefined && value.startsWith('--')))
			throw new UsageError(`${flag} needs a value`);
		switch (flag) {
			case '--port':
				options.port = whole(flag, value, 0, 65_535);
				break;
			case '--access-token-ttl':
				options.accessTokenTtlSeconds = whole(flag, value, 1);
				break;
			case '--rate-limit':
				options.rateLimitPerMinute = whole(flag, value, 1);
				break;
			case '--retry-after':
				options.retryAfterSeconds = whole(flag, value, 0);
				break;
			case '--write-latency-ms':
				options.writeLatencyMs = whole(flag, value, 0);
				break;
			case '--latency-ms':
				options.latencyMs = latencyArg(flag, value);
				break;
			case '--search-lag-ms':
				options.searchLagMs = whole(flag, value, 0);
				break;
			case '--pat':
				if (!value.trim()) throw new UsageError('--pat needs a token');
				pats.push(value);
				break;
			case '--client-id':
				client.clientId = value;
				break;
			case '--client-secret':
				client.clientSecret = value;
				break;
			case '--redirect-uri':
				if (!URL.canParse(value)) throw new UsageError(`--redirect-uri needs a URL, not ${value}`);
				client.redirectUri = value;
				break;
		}
	}
	if (pats.length) options.pats = pats;
	if (client.clientId || client.clientSecret || client.redirectUri) {
		if (!client.clientId || !client.clientSecret)
			throw new UsageError('--client-id and --client-secret go together');
		options.clients = [
			{
				clientId: client.clientId,
				clientSecret: client.clientSecret,
				...(client.redirectUri ? { redirectUri: client.redirectUri } : {}),
			},
		];
	}
	return options;
}

function whole(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
	const parsed = Number(value);
	if (!/^\d+$/.test(value) || parsed < min || parsed > max)
		throw new UsageError(
			`${flag} needs a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, not ${value}`,
		);
	return parsed;
}

/** `350` or `200-500`. */
function latencyArg(flag: string, value: string): number | [number, number] {
	const range = /^(\d+)-(\d+)$/.exec(value);
	if (!range) return whole(flag, value, 0);
	const [min, max] = [whole(flag, range[1], 0), whole(flag, range[2], 0)];
	if (min > max) throw new UsageError(`${flag} needs min ≤ max, not ${value}`);
	return [min, max];
}

async function main(): Promise<void> {
	let options: EmulatorOptions | 'help';
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`emulator: ${error.message}\n${USAGE}\n`);
		process.exit(2);
	}
	if (options === 'help') {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	let running;
	try {
		running = await startEmulator(options);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'EADDRINUSE' ? `port ${options.port} is already in use` : (error as Error).message;
		process.stderr.write(`emulator: cannot start: ${reason}\n`);
		process.exit(1);
	}
	process.stdout.write(
		`Smartsheet emulator listening on ${running.url} (API ${running.apiBase})\n`,
	);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		void running.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) void main();
