// The Smartsheet emulator: a real HTTP server on 127.0.0.1 that behaves like Smartsheet for
// everything this package touches. See README.md beside this file.
import { Emulator } from './emulator';
import type { EmulatorOptions } from './config';
import type { EmulatorState } from './state';

export type { EmulatorConfig, EmulatorOptions, OAuthClient } from './config';
export { DEFAULT_CLIENT, DEFAULT_PAT } from './config';
export type { Emulator } from './emulator';
export type { EmulatorState } from './state';

export interface RunningEmulator {
	/** http://127.0.0.1:<port> */
	url: string;
	port: number;
	/** url + '/2.0' */
	apiBase: string;
	close(): Promise<void>;
	/** The emulator's data, tokens and grants, for in-process inspection (replaced by a reset; always current). */
	readonly state: EmulatorState;
	/** The emulator itself (config, stats, faults) for in-process tests. */
	emulator: Emulator;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const emulator = new Emulator(options);
	const url = await emulator.listen(options.port ?? 0);
	return {
		url,
		port: Number(new URL(url).port),
		apiBase: `${url}/2.0`,
		close: () => emulator.close(),
		get state() {
			return emulator.state;
		},
		emulator,
	};
}
