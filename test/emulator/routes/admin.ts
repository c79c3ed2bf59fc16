// /__admin: what tests and benchmarks use to inspect and steer the emulator. No auth: the
// emulator listens on 127.0.0.1 only.
import type { Answer } from '../context';
import type { Emulator } from '../emulator';
import type { AccessLevel } from '../state';
import { issueTokens } from './oauth';

const LEVELS: AccessLevel[] = ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER', 'NONE'];

export async function adminRoutes(emulator: Emulator, method: string, url: URL, rawBody: string): Promise<Answer> {
	let body: Record<string, any> = {};
	if (rawBody.trim()) {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return bad('the body must be JSON');
		}
	}
	const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
	switch (route) {
		case 'GET /__admin/stats':
			return { body: emulator.stats.snapshot() };
		case 'GET /__admin/requests': {
			const limit = Number(url.searchParams.get('limit') ?? 100);
			return { body: emulator.stats.log.slice(-limit).map(({ tokenCall: _tokenCall, expired: _expired, ...entry }) => entry) };
		}
		case 'POST /__admin/reset':
			emulator.reset();
			return { body: { ok: true } };
		case 'POST /__admin/config': {
			const allowed = ['accessTokenTtlSeconds', 'rateLimitPerMinute', 'rateWindowMs', 'retryAfterSeconds', 'writeCollisions', 'writeLatencyMs'];
			const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
			if (unknown.length) return bad(`unknown settings: ${unknown.join(', ')}`);
			Object.assign(emulator.config, body);
			return { body: emulator.config };
		}
		case 'GET /__admin/faults':
			return { body: emulator.faults.list() };
		case 'POST /__admin/faults':
			try {
				emulator.faults.add(body as never);
			} catch (error) {
				return bad((error as Error).message);
			}
			return { body: { ok: true, pending: emulator.faults.list().length } };
		case 'DELETE /__admin/faults':
			emulator.faults.clear();
			return { body: { ok: true } };
		case 'POST /__admin/tokens': {
			const clientId = body.clientId ?? emulator.config.clients[0]?.clientId;
			if (!emulator.config.clients.some((client) => client.clientId === clientId)) return bad(`unknown client ${clientId}`);
			const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : ALL_SCOPES;
			return { body: issueTokens(emulator, clientId, scopes, body.ttlSeconds) };
		}
		case 'POST /__admin/tokens/expire': {
			const tokens = body.all ? [...emulator.state.accessTokens.values()] : [emulator.state.accessTokens.get(String(body.token))];
			if (tokens.some((token) => !token)) return bad('unknown access token');
			for (const token of tokens) if (token!.clientId !== null) token!.expiresAt = Date.now() - 1;
			return { body: { ok: true, expired: tokens.length } };
		}
		case 'POST /__admin/tokens/revoke': {
			if (body.all === true) {
				// Everything OAuth handed out: as when a user disconnects the app in Smartsheet.
				for (const token of emulator.state.accessTokens.values()) if (token.clientId !== null) token.revoked = true;
				for (const refresh of emulator.state.refreshTokens.values()) refresh.state = 'revoked';
				return { body: { ok: true } };
			}
			const access = emulator.state.accessTokens.get(String(body.token));
			const refresh = emulator.state.refreshTokens.get(String(body.token));
			if (access) access.revoked = true;
			else if (refresh) refresh.state = 'revoked';
			else return bad('unknown token');
			return { body: { ok: true } };
		}
		case 'POST /__admin/access': {
			const sheetId = String(body.sheetId ?? '');
			if (!emulator.state.sheets.has(sheetId)) return bad(`unknown sheet ${sheetId}`);
			if (!LEVELS.includes(body.accessLevel)) return bad(`accessLevel must be one of ${LEVELS.join(', ')}`);
			emulator.state.access.set(sheetId, body.accessLevel);
			return { body: { ok: true } };
		}
		case 'POST /__admin/sheets': {
			const rows = Number(body.rows ?? 0);
			if (!Number.isInteger(rows) || rows < 0) return bad('rows must be a whole number');
			const columns = Array.isArray(body.columns) && body.columns.length
				? body.columns
				: [{ title: 'Name', type: 'TEXT_NUMBER', primary: true }, { title: 'Value', type: 'TEXT_NUMBER' }];
			const sheet = emulator.state.createSheet(String(body.name ?? 'Generated'), columns);
			for (let index = 0; index < rows; index++) {
				emulator.state.addRow(sheet, Object.fromEntries(sheet.columns.map((column, c) => [column.id, { value: `${column.title} ${index + 1}${c ? '' : ''}` }])));
			}
			return { body: { id: sheet.id, rows } };
		}
		default:
			return { status: 404, body: { error: `no admin route ${route}` } };
	}
}

export const ALL_SCOPES = [
	'READ_SHEETS', 'WRITE_SHEETS', 'CREATE_SHEETS', 'ADMIN_SHEETS', 'DELETE_SHEETS', 'SHARE_SHEETS',
	'ADMIN_WORKSPACES', 'ADMIN_WEBHOOKS', 'READ_USERS', 'ADMIN_USERS', 'READ_CONTACTS', 'READ_EVENTS',
];

function bad(message: string): Answer {
	return { status: 400, body: { error: message } };
}
