// The hooks every node test file shares: one emulator for the file, fresh state per test, and the
// secrets scan over everything the file ran once it is done. Files share a process (scripts/test.mjs),
// so what the scan read is then dropped: the next file's scan covers that file alone.
import { after, before, beforeEach } from 'node:test';

import type { EmulatorOptions } from '../emulator';
import { capturedLines } from '../harness/captureLogger';
import { assertNoSecretLeaked } from './secretsScan';
import { allRunResults, SmartsheetFixture } from './smartsheetFixture';

export function useEmulator(options: EmulatorOptions = {}): { readonly fx: SmartsheetFixture } {
	const holder = {} as { fx: SmartsheetFixture };
	before(async () => (holder.fx = await SmartsheetFixture.start(options)));
	after(async () => {
		try {
			assertNoSecretLeaked();
		} finally {
			allRunResults.length = 0;
			capturedLines.length = 0;
			await holder.fx.close();
		}
	});
	beforeEach(async () => await holder.fx.reset());
	return holder;
}
