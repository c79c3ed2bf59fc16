// /__admin: what tests, benchmarks and demos use to inspect and steer the emulator. No auth: the
// emulator listens on 127.0.0.1 only. Answers are JSON; mistakes answer 400 {error}.
import { applyRuntimeConfig } from '../config';
import type { Answer } from '../context';
import type { Emulator } from '../emulator';
import { ApiError } from '../errors';
import { JsonSyntaxError, parseJson } from '../json';
import { ALL_SCOPES, isScope } from '../scopes';
import type { Column } from '../state';
import { webhookAdminHandlers } from '../webhooks/admin';
import { AdminError } from './adminError';
import { clockHandlers } from './adminClock';
import { setAccess, worldHandlers } from './adminWorld';
import { validNewColumns } from './columnInput';
import { issueTokens } from './oauth';

const MAX_GENERATED_ROWS = 200_000;

type Body = Record<string, unknown>;
type AdminHandler = (emulator: Emulator, body: Body, url: URL) => unknown;

const handlers: Record<string, AdminHandler> = {
	'GET /__admin/stats': (emulator) => emulator.stats.snapshot(),
	'GET /__admin/requests': (emulator, _body, url) => {
		const raw = url.searchParams.get('limit') ?? '100';
		const limit = Number(raw);
		if (!Number.isInteger(limit) || limit < 0)
			throw new AdminError(`limit must be a whole number, not ${raw}`);
		return emulator.stats.recent(limit);
	},
	'POST /__admin/reset': (emulator) => {
		emulator.reset();
		return { ok: true };
	},
	'GET /__admin/config': (emulator) => runtimeSettings(emulator),
	'POST /__admin/config': (emulator, body) => {
		const problem = applyRuntimeConfig(emulator.config, body);
		if (problem) throw new AdminError(problem);
		return runtimeSettings(emulator);
	},
	'GET /__admin/faults': (emulator) => emulator.faults.list(),
	'POST /__admin/faults': (emulator, body) => {
		try {
			emulator.faults.add(body);
		} catch (error) {
			throw new AdminError((error as Error).message);
		}
		return { ok: true, pending: emulator.faults.list().length };
	},
	'DELETE /__admin/faults': (emulator) => {
		emulator.faults.clear();
		return { ok: true };
	},
	'POST /__admin/tokens': (emulator, body) => {
		const clientId = body.clientId ?? emulator.config.clients[0]?.clientId;
		if (
			typeof clientId !== 'string' ||
			!emulator.config.clients.some((client) => client.clientId === clientId)
		)
			throw new AdminError(`unknown clientId ${String(clientId)}`);
		if (
			body.scopes !== undefined &&
			!(
				Array.isArray(body.scopes) &&
				body.scopes.every((scope) => typeof scope === 'string' && isScope(scope))
			)
		) {
			throw new AdminError(`scopes must be a list of Smartsheet scopes (${ALL_SCOPES.join(', ')})`);
		}
		if (
			body.ttlSeconds !== undefined &&
			!(typeof body.ttlSeconds === 'number' && body.ttlSeconds > 0)
		)
			throw new AdminError('ttlSeconds must be a positive number');
		if (
			body.userId !== undefined &&
			!emulator.state.users.some((user) => user.id === String(body.userId))
		)
			throw new AdminError(`unknown userId ${String(body.userId)} (POST /__admin/users makes one)`);
		return issueTokens(
			emulator,
			clientId,
			(body.scopes as string[] | undefined) ?? ALL_SCOPES,
			body.ttlSeconds as number | undefined,
			body.userId === undefined ? undefined : String(body.userId),
		);
	},
	'POST /__admin/tokens/expire': (emulator, body) => {
		const tokens = emulator.state.accessTokens;
		if (body.all === true) {
			let expired = 0;
			for (const grant of tokens.values()) {
				if (grant.clientId === null) continue; // `all` is every OAuth expiry; a personal token is expired by name
				grant.expiresAt = emulator.state.now() - 1;
				expired++;
			}
			return { ok: true, expired };
		}
		const grant = tokens.get(String(body.token));
		if (!grant) throw new AdminError('unknown access token (give {token} or {all: true})');
		// A personal access token too: Smartsheet admins can set API tokens to expire
		// (https://help.smartsheet.com/articles/2483100-configure-access-token-expiration-time).
		grant.expiresAt = emulator.state.now() - 1;
		return { ok: true, expired: 1 };
	},
	'POST /__admin/tokens/revoke': (emulator, body) => {
		const state = emulator.state;
		if (body.all === true) {
			// Everything OAuth handed out: as when the user removes the app in Smartsheet.
			for (const grant of state.accessTokens.values())
				if (grant.clientId !== null) grant.revoked = true;
			for (const refresh of state.refreshTokens.values()) refresh.state = 'revoked';
			return { ok: true };
		}
		const access = state.accessTokens.get(String(body.token));
		const refresh = state.refreshTokens.get(String(body.token));
		if (access) access.revoked = true;
		else if (refresh) refresh.state = 'revoked';
		else throw new AdminError('unknown token (give {token} or {all: true})');
		return { ok: true, revoked: access ? 'access' : 'refresh' };
	},
	'POST /__admin/access': (emulator, body) => setAccess(emulator, body),
	'POST /__admin/sheets': (emulator, body) => generateSheet(emulator, body),
	...worldHandlers,
	...clockHandlers,
	...webhookAdminHandlers,
};

export async function adminRoutes(
	emulator: Emulator,
	method: string,
	url: URL,
	rawBody: string,
): Promise<Answer> {
	const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
	const handler = handlers[route];
	if (!handler) return { status: 404, body: { error: `no admin route ${route}` } };
	try {
		return { body: await handler(emulator, bodyOf(rawBody), url) };
	} catch (error) {
		if (error instanceof AdminError) return { status: 400, body: { error: error.message } };
		if (error instanceof ApiError)
			return { status: 400, body: { error: error.message, errorCode: error.errorCode } };
		throw error;
	}
}

/** The JSON body (IDs exact, as on /2.0); none is an empty object. */
function bodyOf(rawBody: string): Body {
	if (!rawBody.trim()) return {};
	let body: unknown;
	try {
		body = parseJson(rawBody);
	} catch (error) {
		if (error instanceof JsonSyntaxError)
			throw new AdminError(`the body must be JSON: ${error.message}`);
		throw error;
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		throw new AdminError('the body must be a JSON object');
	return body as Body;
}

function runtimeSettings(emulator: Emulator) {
	const {
		accessTokenTtlSeconds,
		rateLimitPerMinute,
		rateWindowMs,
		retryAfterSeconds,
		writeCollisions,
		writeLatencyMs,
		latencyMs,
		searchLagMs,
	} = emulator.config;
	return {
		accessTokenTtlSeconds,
		rateLimitPerMinute,
		rateWindowMs,
		retryAfterSeconds,
		writeCollisions,
		writeLatencyMs,
		latencyMs,
		searchLagMs,
	};
}

/** A sheet of N generated rows, made directly in memory (a 20,000-row sheet in milliseconds). */
function generateSheet(emulator: Emulator, body: Body) {
	const rows = body.rows ?? 0;
	if (!Number.isInteger(rows) || (rows as number) < 0 || (rows as number) > MAX_GENERATED_ROWS)
		throw new AdminError(`rows must be a whole number from 0 to ${MAX_GENERATED_ROWS}`);
	if (body.name !== undefined && typeof body.name !== 'string')
		throw new AdminError('name must be a string');
	const columns =
		body.columns === undefined
			? [
					{ title: 'Name', type: 'TEXT_NUMBER', primary: true },
					{ title: 'Value', type: 'TEXT_NUMBER' },
				]
			: validNewColumns(body.columns);
	const sheet = emulator.state.createSheet(
		(body.name as string | undefined) || 'Generated',
		columns,
	);
	for (let index = 0; index < (rows as number); index++) {
		emulator.state.addRow(
			sheet,
			Object.fromEntries(
				sheet.columns.map((column) => [
					column.id,
					{ value: generatedValue(emulator, column, index) },
				]),
			),
		);
	}
	return { id: sheet.id, rows };
}

function generatedValue(emulator: Emulator, column: Column, index: number): string | boolean {
	switch (column.type) {
		case 'CHECKBOX':
			return index % 2 === 0;
		case 'DATE':
			return new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
		case 'CONTACT_LIST':
			return emulator.state.user.email;
		case 'PICKLIST':
			return column.options?.length
				? column.options[index % column.options.length]
				: `${column.title} ${index + 1}`;
		default:
			return `${column.title} ${index + 1}`;
	}
}
