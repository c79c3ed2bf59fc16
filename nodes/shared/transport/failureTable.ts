// Which output a Smartsheet failure takes, and what the builder should do about it: one table,
// read by the classifier and rendered into the README (scripts/failureTableMarkdown.ts, `npm run docs`).
// Codes and statuses: https://developers.smartsheet.com/api/smartsheet/error-codes

export type FailureClass = 'auth' | 'permission' | 'payload' | 'throttled';

export interface FailureRule {
	/** Smartsheet errorCode(s) this row covers. */
	codes: number[];
	/** The HTTP status Smartsheet sends with them. */
	status: number;
	failureClass: FailureClass;
	meaning: string;
	/** One sentence for the builder. `{credential}` is replaced by the credential's name. */
	action: string;
}

// Named after the button the user's n8n shows on a connected OAuth2 credential: "Switch account"
// (n8n 2.33 to 2.41), "Reconnect" in older releases such as 2.8.
const RECONNECT_STEPS =
	'Overview > Credentials > open it > Switch account ("Reconnect" in older n8n such as 2.8)';
const RECONNECT = `Reconnect the credential '{credential}' in n8n: ${RECONNECT_STEPS}; for an access token, paste a new one.`;

export const FAILURE_RULES: FailureRule[] = [
	// --- Auth: the credential cannot be used as it is.
	{
		codes: [1001],
		status: 401,
		failureClass: 'auth',
		meaning: 'No access token was sent',
		action: "Select a Smartsheet credential on the node; '{credential}' sent no token.",
	},
	{
		codes: [1002],
		status: 401,
		failureClass: 'auth',
		meaning:
			'Access token invalid (wrong region, revoked, or an access token past the expiry its Smartsheet admin set)',
		action:
			"Check the Region of '{credential}' (a token only works in its own region), then reconnect it or paste a fresh access token.",
	},
	{
		codes: [1003],
		status: 401,
		failureClass: 'auth',
		meaning:
			'Access token expired: OAuth2 after the one refresh did not help; an access token when the expiry its Smartsheet admin set has passed',
		action: `Reconnect the credential '{credential}' in n8n: ${RECONNECT_STEPS}; for an access token (its Smartsheet admin may have set tokens to expire), create a new one in Smartsheet and paste it.`,
	},
	{
		codes: [1005],
		status: 401,
		failureClass: 'auth',
		meaning: 'Single Sign-On is required for this account',
		action: `Reconnect '{credential}' and sign in through your organisation's SSO: ${RECONNECT_STEPS}.`,
	},
	{
		codes: [1030],
		status: 401,
		failureClass: 'auth',
		meaning: 'Cannot assume the user specified',
		action: 'Use a credential of the user you want to act as; admins cannot assume other admins.',
	},
	{
		codes: [1044],
		status: 400,
		failureClass: 'auth',
		meaning: 'Assume-User header required for this token',
		action: "Use a user's own credential instead of an admin token that requires Assume-User.",
	},
	{
		codes: [1071, 1132],
		status: 400,
		failureClass: 'auth',
		meaning: 'Refresh token invalid, used or revoked (invalid_grant)',
		action: RECONNECT,
	},
	{
		codes: [1067, 1238],
		status: 401,
		failureClass: 'auth',
		meaning: 'OAuth app rejected: client id or secret invalid',
		action:
			"Fix the Client ID and Client Secret of '{credential}' (Smartsheet Developer Tools), then reconnect it.",
	},
	{
		codes: [1068, 1069, 1070, 1072, 1073, 1236, 1237, 1291, 1292],
		status: 400,
		failureClass: 'auth',
		meaning: 'OAuth token request rejected',
		action: RECONNECT,
	},
	// --- Permission: the token is fine, the user may not do this.
	{
		codes: [1004],
		status: 403,
		failureClass: 'permission',
		meaning: 'Not authorized: sharing level too low or OAuth scope missing',
		action:
			"Share the sheet with the credential's user at the needed level (Editor to write, Admin for columns), or add the missing scope to '{credential}' and reconnect.",
	},
	{
		codes: [1013],
		status: 403,
		failureClass: 'permission',
		meaning: 'Not supported by the Smartsheet plan',
		action: 'Upgrade the Smartsheet plan or avoid this operation.',
	},
	{
		codes: [1039],
		status: 403,
		failureClass: 'permission',
		meaning: 'Column is locked',
		action: 'Ask a sheet admin to unlock the column, or use an admin credential.',
	},
	{
		codes: [1045],
		status: 403,
		failureClass: 'permission',
		meaning: 'Resource is read-only',
		action: 'The sheet or object is read-only; write somewhere else or ask its owner.',
	},
	{
		codes: [1050, 1092],
		status: 403,
		failureClass: 'permission',
		meaning: 'Row is locked',
		action: 'Ask a sheet admin to unlock the row, or use an admin credential.',
	},
	{
		codes: [1212],
		status: 403,
		failureClass: 'permission',
		meaning: 'Only a sheet admin may override validation',
		action: 'Turn off Override Validation, or use a credential with admin access to the sheet.',
	},
	{
		codes: [1081],
		status: 403,
		failureClass: 'permission',
		meaning: "Someone else's comment (only its author may edit or delete it)",
		action:
			'Leave the comment as it is, or ask its author; a sheet admin may delete the whole discussion.',
	},
	{
		codes: [1356],
		status: 403,
		failureClass: 'permission',
		meaning: 'Not supported in Smartsheet Gov',
		action: 'This operation is unavailable in Smartsheet Gov.',
	},
	{
		codes: [1361, 1362, 1363],
		status: 403,
		failureClass: 'permission',
		meaning: 'Blocked by an SSO, MFA or data-egress policy',
		action: 'Ask your Smartsheet admin about the policy that blocks API access for this user.',
	},
	{
		codes: [1153, 1154],
		status: 403,
		failureClass: 'permission',
		meaning: 'Webhook disabled for good (app revoked or by Smartsheet)',
		action: 'Create a new webhook; this one cannot be re-enabled.',
	},
	// --- Payload: the request itself is wrong; retrying the same request cannot help.
	{
		codes: [1006, 1020, 1027, 1114],
		status: 404,
		failureClass: 'payload',
		meaning: 'Not found (or not shared with this user)',
		action: "Check the ID; if it is right, share the object with the credential's user.",
	},
	{
		codes: [1007],
		status: 404,
		failureClass: 'payload',
		meaning: 'API version not supported',
		action: 'Update this node package.',
	},
	{
		codes: [1008, 1009, 1011, 1012, 1018, 1024, 1029, 1031, 1032],
		status: 400,
		failureClass: 'payload',
		meaning: 'Request malformed or missing something',
		action: 'Fix the fields named in the message and run the item again.',
	},
	{
		codes: [1036, 1037, 1038, 1041, 1042, 1046, 1130, 1148, 1162, 1163],
		status: 400,
		failureClass: 'payload',
		meaning: 'A cell value is not acceptable',
		action:
			'Fix the cell named in the message (column, type, length, formula), or turn off Strict for lenient parsing.',
	},
	{
		codes: [1062, 1063, 1064, 1115, 1123, 1160, 2110],
		status: 400,
		failureClass: 'payload',
		meaning: 'Row request invalid (location, bulk shape or size)',
		action: 'Fix the row location or the rows sent together, as the message says.',
	},
	{
		codes: [1055, 1056, 1057, 1129],
		status: 400,
		failureClass: 'payload',
		meaning: 'Sheet or column definition invalid',
		action: 'Give the sheet exactly one primary TEXT_NUMBER column and unique column titles.',
	},
	{
		codes: [1051, 1074, 1075, 1128],
		status: 400,
		failureClass: 'payload',
		meaning: 'Attachment rejected (type or size)',
		action: 'Send the file as a binary of at most 30 MB.',
	},
	{
		codes: [1151, 1152, 1293],
		status: 400,
		failureClass: 'payload',
		meaning: 'Webhook definition invalid',
		action: 'Use an HTTPS callback URL on an allowed port and IDs from the sheet.',
	},
	{
		codes: [1010],
		status: 405,
		failureClass: 'payload',
		meaning: 'HTTP method not supported',
		action: 'Update this node package; the endpoint changed.',
	},
	{
		codes: [1052],
		status: 406,
		failureClass: 'payload',
		meaning: 'Invalid Accept header',
		action: 'Update this node package; the endpoint changed.',
	},
	{
		codes: [1124],
		status: 415,
		failureClass: 'payload',
		meaning: 'Invalid Content-Type',
		action: 'Update this node package; the endpoint changed.',
	},
	{
		codes: [4005],
		status: 410,
		failureClass: 'payload',
		meaning: 'API version retired',
		action: 'Update this node package.',
	},
	{
		codes: [1333, 1353, 1358],
		status: 501,
		failureClass: 'payload',
		meaning: 'Not implemented or deprecated by Smartsheet',
		action: 'Use another operation; Smartsheet no longer supports this one.',
	},
	// --- Throttled: try again later; the node already retried with backoff.
	{
		codes: [4003],
		status: 429,
		failureClass: 'throttled',
		meaning: 'Rate limit exceeded (300 requests a minute per token)',
		action: 'Wait a minute and run the item again, or lower how many items run at once.',
	},
	{
		codes: [4001],
		status: 503,
		failureClass: 'throttled',
		meaning: 'Smartsheet is offline for maintenance',
		action: 'Wait some minutes and run the item again.',
	},
	// 4002, 4000 and 4004 without the lock text leave open whether a write happened: writes are
	// read back, never re-sent blindly, and one still unknown carries outcome "unknown" (outcome.ts).
	{
		codes: [4002],
		status: 500,
		failureClass: 'throttled',
		meaning: 'Server timeout; a write may still have been carried out',
		action:
			'Run a read again later. A write was read back: only run it again if its outcome is not "unknown", else check Smartsheet first.',
	},
	{
		codes: [4004],
		status: 500,
		failureClass: 'throttled',
		meaning:
			'Sheet busy with another request of this token (retried); without that text, an unexplained error',
		action:
			'Run the item again later; avoid parallel writes to one sheet with one token. A write with outcome "unknown": check Smartsheet first.',
	},
	{
		codes: [4000],
		status: 500,
		failureClass: 'throttled',
		meaning: 'Unexpected Smartsheet error; a write may have been carried out',
		action:
			'Run a read again later; a write only if its outcome is not "unknown", else check Smartsheet first. If it repeats, send the refId to Smartsheet support.',
	},
];

/** Fallback when a code is not in the table (or the body was not JSON): the status family decides. */
export const STATUS_FAMILY_ACTIONS: Record<FailureClass, string> = {
	auth: RECONNECT,
	permission: "Check what the credential's user may access in Smartsheet.",
	payload: 'Fix the request as the message says and run the item again.',
	throttled: 'Smartsheet or the network is struggling; run the item again later.',
};

export function classByStatus(status: number | undefined): FailureClass {
	if (status === undefined || status === 0) return 'throttled'; // no answer: network
	if (status === 401) return 'auth';
	if (status === 403) return 'permission';
	// 3xx: a proxy or a login page answered instead of the API, as a gateway's 5xx does.
	if (status === 429 || status >= 500 || status < 400) return 'throttled';
	return 'payload';
}

const RULES_BY_CODE = new Map<number, FailureRule>();
for (const rule of FAILURE_RULES) for (const code of rule.codes) RULES_BY_CODE.set(code, rule);

export function ruleForCode(code: number | undefined): FailureRule | undefined {
	if (code === undefined) return undefined;
	const rule = RULES_BY_CODE.get(code);
	if (rule) return rule;
	// 5xxx: account-status conditions Smartsheet words for the end user (sharing policy, admin rights).
	if (code >= 5000 && code < 6000) {
		return {
			codes: [code],
			status: 400,
			failureClass: 'permission',
			meaning: 'Account condition',
			action: STATUS_FAMILY_ACTIONS.permission,
		};
	}
	return undefined;
}
