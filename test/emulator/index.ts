// The Smartsheet emulator: a real HTTP server on 127.0.0.1 that behaves like Smartsheet for
// everything this package touches. See README.md beside this file.
import { Emulator, type EmulatorOptions } from './emulator';

export type { EmulatorOptions } from './emulator';
export { DEFAULT_CLIENT, DEFAULT_PAT } from './emulator';

export interface RunningEmulator {
	url: string;
	port: number;
	apiBase: string;
	emulator: Emulator;
	close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const emulator = new Emulator(options);
	const url = await emulator.listen(options.port ?? 0);
	return { url, port: Number(new URL(url).port), apiBase: `${url}/2.0`, emulator, close: () => emulator.close() };
}
