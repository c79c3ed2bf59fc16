/** A mistake in an admin request: answered 400 {error} with the reason. */
export class AdminError extends Error {}
