// A create whose answer was lost or unreadable may have happened: rather than send it again
// blindly, look for what it would have made. Found → that object, with `reconciled: true`. Not
// found → sent once more (looked for again if that answer is lost too). Still unknown → a
// Throttled failure with outcome "unknown", never sent a third time.
import type { IDataObject } from 'n8n-workflow';

import {
	type SmartsheetClient,
	type SmartsheetFailure,
	SmartsheetRequestError,
	unconfirmedWriteFailure,
} from '../transport';

/** How far before a request a read-back looks (Smartsheet's clock to the second, plus travel time). */
export const READ_BACK_MARGIN_MS = 5_000;
/** A write read back and not found is sent once more, no more. */
export const MAX_SENDS = 2;

export interface Create {
	send: () => Promise<IDataObject>;
	/** The object the create would have made, made after `sinceMs` (Smartsheet's clock), if it exists. */
	find: (sinceMs: number) => Promise<IDataObject | undefined>;
	/** Where a builder should look, for the action: "the columns of sheet 123". */
	where: string;
}

export async function createOnce(client: SmartsheetClient, create: Create): Promise<IDataObject> {
	for (let send = 1; ; send++) {
		const since = client.serverClock.before(READ_BACK_MARGIN_MS);
		try {
			return await create.send();
		} catch (error) {
			const unconfirmed = new SmartsheetRequestError(
				unconfirmedWriteFailure(ambiguousFailure(error), create.where),
			);
			const found = await create.find(since).catch(() => {
				throw unconfirmed;
			});
			if (found) return { ...found, reconciled: true };
			if (send >= MAX_SENDS) throw unconfirmed;
		}
	}
}

/** The failure of a write that may have happened; any other error goes on as it is. */
function ambiguousFailure(error: unknown): SmartsheetFailure {
	if (error instanceof SmartsheetRequestError && error.failure.outcome === 'unknown')
		return error.failure;
	throw error;
}

/** Whether a Smartsheet timestamp (ISO, whole seconds) is at or after `sinceMs`. */
export function madeSince(object: IDataObject, sinceMs: number): boolean {
	const at = Date.parse(String(object.createdAt ?? ''));
	return !Number.isNaN(at) && at >= sinceMs;
}
