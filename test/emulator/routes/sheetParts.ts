// What the parts of a sheet (attachments, discussions, comments, cell history) share: who made
// them, IDs of the same size as the sheet's own, and the row a path names.
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import type { IdGenerator, Person, Row, Sheet } from '../state';

const TWO_TO_53 = 2n ** 53n;

/** The caller: the emulator has one user, whatever the token. */
export function caller(emulator: Emulator): Person {
	const user = emulator.state.user;
	return { name: `${user.firstName} ${user.lastName}`, email: user.email };
}

/** Who wrote with this request's token: the token's user (another user's with POST /__admin/tokens {userId}). */
export function writerOf(emulator: Emulator, token: string | null | undefined): Person {
	const userId = token ? emulator.state.accessTokens.get(token)?.userId : undefined;
	const user =
		emulator.state.users.find((candidate) => candidate.id === userId) ?? emulator.state.user;
	return { name: `${user.firstName} ${user.lastName}`, email: user.email };
}

/** A sheet whose ID exceeds 2^53 ("Big IDs") gets parts whose IDs do too. */
export function idsFor(emulator: Emulator, sheet: Sheet): IdGenerator {
	return BigInt(sheet.id) > TWO_TO_53 ? emulator.state.bigIds : emulator.state.ids;
}

/** The row of the sheet with this ID, or 404/1006. */
export function rowOf(sheet: Sheet, rowId: string): Row {
	const row = sheet.rowsById.get(rowId);
	if (!row) throw new ApiError(1006);
	return row;
}
