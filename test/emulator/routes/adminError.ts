// A mistake in an admin call: answered 400 {error} with the reason (see admin.ts).
export class AdminError extends Error {}
