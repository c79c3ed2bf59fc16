// Admin calls that stop the emulator's clock and move it (clock.ts): a test crosses a rate window,
// the search lag, a token's lifetime or a second boundary at once instead of waiting for it.
import type { Emulator } from '../emulator';
import { AdminError } from './adminError';

type Body = Record<string, unknown>;

function clockOut(emulator: Emulator) {
	const clock = emulator.state.clock;
	return { now: clock.now(), stopped: clock.stopped, sleeping: clock.sleeping };
}

export const clockHandlers: Record<string, (emulator: Emulator, body: Body) => unknown> = {
	'GET /__admin/clock': (emulator) => clockOut(emulator),
	'POST /__admin/clock/stop': (emulator, body) => {
		if (body.at !== undefined && !(Number.isInteger(body.at) && (body.at as number) >= 0))
			throw new AdminError('at must be a time in milliseconds since 1970');
		emulator.state.clock.stop(body.at as number | undefined);
		return clockOut(emulator);
	},
	'POST /__admin/clock/advance': (emulator, body) => {
		if (!(Number.isInteger(body.ms) && (body.ms as number) >= 0))
			throw new AdminError('ms must be a whole number of milliseconds');
		if (!emulator.state.clock.stopped)
			throw new AdminError('the clock is running: stop it first (POST /__admin/clock/stop)');
		emulator.state.clock.advance(body.ms as number);
		return clockOut(emulator);
	},
};
