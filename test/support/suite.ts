// The hooks every node test file shares: one emulator for the file, fresh state per test, and the
// secrets scan over everything the file ran once it is done.
import { after, before, beforeEach } from 'node:test';

import type { EmulatorOptions } from '../emulator';
import { assertNoSecretLeaked } from './secretsScan';
import { SmartsheetFixture } from './smartsheetFixture';

export function useEmulator(options: EmulatorOptions = {}): { readonly fx: SmartsheetFixture } {
	const holder = {} as { fx: SmartsheetFixture };
	before(async () => (holder.fx = await SmartsheetFixture.start(options)));
	after(async () => {
		assertNoSecretLeaked();
		await holder.fx.close();
	});
	beforeEach(async () => await holder.fx.reset());
	return holder;
}
