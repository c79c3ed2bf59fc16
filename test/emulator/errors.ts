// Smartsheet's error answers: {errorCode, message, refId, detail?} with the HTTP status Smartsheet
// pairs with each code (https://developers.smartsheet.com/api/smartsheet).
import { randomBytes } from 'node:crypto';

export const ERRORS: Record<number, { status: number; message: string }> = {
	1001: { status: 401, message: 'An Access Token is required.' },
	1002: { status: 401, message: 'Your Access Token is invalid.' },
	1003: { status: 401, message: 'Your Access Token has expired.' },
	1004: { status: 403, message: 'You are not authorized to perform this action.' },
	1005: { status: 401, message: 'Single Sign-On is required for this account.' },
	1006: { status: 404, message: 'Not Found.' },
	1007: { status: 404, message: 'Version not supported.' },
	1008: { status: 400, message: 'Unable to parse request. The following error occurred: {0}' },
	1009: { status: 400, message: 'A required parameter is missing from your request: {0}.' },
	1010: { status: 405, message: 'HTTP Method not supported.' },
	1011: { status: 400, message: 'A required header was missing or invalid: {0}' },
	1012: {
		status: 400,
		message: 'Required object attribute(s) are missing from your request: {0}.',
	},
	1013: {
		status: 403,
		message: 'The operation you are attempting to perform is not supported by your plan.',
	},
	1018: { status: 400, message: 'The value {0} was not valid for the parameter {1}.' },
	1020: { status: 404, message: 'User not found.' },
	1024: { status: 400, message: 'The HTTP request body is required for this Method.' },
	1027: { status: 404, message: 'Share not found.' },
	1029: {
		status: 400,
		message: 'The parameter in the URI does not match the object in the request body.',
	},
	1031: { status: 400, message: 'The value {0} was not valid for the attribute {1}.' },
	1032: { status: 400, message: 'The attribute(s) {0} are not allowed for this operation.' },
	1036: { status: 400, message: 'The columnId {0} is invalid.' },
	1037: { status: 400, message: 'The columnId {0} is included more than once in a single row.' },
	1038: { status: 400, message: 'Invalid Cell value. Must be numeric or a string.' },
	1039: { status: 403, message: 'Cannot edit a locked column {0}.' },
	1041: { status: 400, message: 'Value for {0} must be {1} characters or less, but was {2}.' },
	1042: {
		status: 400,
		message:
			'The value for cell in column {0}, {1}, did not conform to the strict requirements for type {2}.',
	},
	1045: { status: 403, message: 'The resource specified is read-only.' },
	1050: { status: 403, message: 'You cannot edit a locked row.' },
	1051: { status: 400, message: 'Attachments of type FILE cannot be created using JSON.' },
	1052: { status: 406, message: 'Invalid Accept header.' },
	1055: { status: 400, message: 'One and only one column must be primary.' },
	1056: { status: 400, message: 'Column titles must be unique.' },
	1057: { status: 400, message: 'The primary column must be of type TEXT_NUMBER.' },
	1062: { status: 400, message: 'Invalid row location.' },
	1063: { status: 400, message: 'Invalid parentId: {0}' },
	1064: { status: 400, message: 'Invalid siblingId: {0}' },
	1067: { status: 401, message: 'Invalid client_id' },
	1068: { status: 400, message: 'Unsupported grant type.' },
	1069: { status: 400, message: 'Invalid Request. The authorization_code has expired.' },
	1070: { status: 400, message: 'Invalid Request. Required parameter is missing: {0}.' },
	1071: {
		status: 400,
		message: 'Invalid Grant. The authorization code or refresh token provided was invalid.',
	},
	1072: {
		status: 400,
		message: 'Invalid hash value. The hash provided did not match the expected value.',
	},
	1073: { status: 400, message: 'The redirect_uri did not match the expected value.' },
	// The code is the reference's; its status and wording are the emulator's assumption.
	1081: { status: 403, message: "You cannot delete or edit another user's comment." },
	1114: { status: 404, message: 'Invalid sheetId or reportId: {0}' },
	1123: {
		status: 400,
		message:
			'Specifying multiple row locations is not yet supported. Each row must use the same row location attribute and value.',
	},
	1124: { status: 415, message: 'Invalid Content-Type header. Media type not supported.' },
	1128: { status: 400, message: 'Multipart upload size limit exceeded.' },
	1129: { status: 400, message: 'The resource you tried to create already exists.' },
	1130: { status: 400, message: 'One of cell.value or objectValue may be set, but not both.' },
	1132: { status: 400, message: 'The token provided has previously been revoked.' },
	1148: { status: 400, message: 'Numeric cell values must be between {0} and {1}.' },
	1151: { status: 400, message: "Scope '{0}', object id {1} was not found." },
	1152: {
		status: 400,
		message: "Only URLs with a protocol of 'https' are supported for attribute '{0}'.",
	},
	1153: {
		status: 403,
		message:
			'This webhook cannot be enabled because access was revoked for the application that created it.',
	},
	1154: { status: 403, message: 'Please contact Support in order to enable this webhook.' },
	1160: { status: 400, message: 'Invalid bulk request. See detail for more information.' },
	1162: { status: 400, message: 'A formula must always start with an equal sign (=).' },
	1163: {
		status: 400,
		message:
			'If cell.formula is specified, then value, objectValue, image, hyperlink, and linkInFromCell must not be specified.',
	},
	1212: { status: 403, message: 'You must be a sheet admin to override validation.' },
	1236: { status: 400, message: 'OAuth missing client auth: send either client_secret or hash.' },
	1237: {
		status: 400,
		message: 'OAuth redundant client auth: send either client_secret or hash, not both.',
	},
	1238: { status: 400, message: 'OAuth invalid secret.' },
	1293: { status: 404, message: 'Subscope contains invalid ids: {0}' },
	4000: {
		status: 500,
		message: 'An unexpected error has occurred. Please contact api@smartsheet.com for assistance.',
	},
	4001: {
		status: 503,
		message:
			'Smartsheet.com is currently offline for system maintenance. Please check back again shortly.',
	},
	4002: { status: 500, message: 'Server timeout exceeded. Request has failed.' },
	4003: { status: 429, message: 'Rate limit exceeded.' },
	4004: {
		status: 500,
		message:
			'An unexpected error has occurred. Please retry your request. If you encounter this error repeatedly, please contact api@smartsheet.com for assistance.',
	},
	4005: { status: 410, message: 'API version retired.' },
};

/** A Smartsheet error as a throwable, so any handler can stop with the right answer. */
export class ApiError extends Error {
	constructor(
		readonly errorCode: number,
		readonly args: string[] = [],
		readonly extra: {
			detail?: Record<string, unknown>;
			error?: string;
			status?: number;
			message?: string;
		} = {},
	) {
		super(extra.message ?? formatMessage(errorCode, args));
	}

	get status(): number {
		return this.extra.status ?? ERRORS[this.errorCode]?.status ?? 400;
	}

	/** The same error with `detail` (bulk requests say which item failed). */
	withDetail(detail: Record<string, unknown>): ApiError {
		return new ApiError(this.errorCode, this.args, { ...this.extra, detail });
	}

	body(): Record<string, unknown> {
		return {
			errorCode: this.errorCode,
			message: this.message,
			refId: refId(),
			...(this.extra.error ? { error: this.extra.error } : {}),
			...(this.extra.detail ? { detail: this.extra.detail } : {}),
		};
	}
}

export function formatMessage(errorCode: number, args: string[]): string {
	const template = ERRORS[errorCode]?.message ?? 'An unexpected error has occurred.';
	return template.replace(/\{(\d)\}/g, (_match, index: string) => args[Number(index)] ?? '');
}

/** Smartsheet's refId: a short random string naming this one occurrence of an error. */
export function refId(): string {
	return randomBytes(9)
		.toString('base64url')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.slice(0, 12)
		.padEnd(12, '0');
}
