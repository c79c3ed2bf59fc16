// Admin calls that add to the world for tests and demos: many users or workspaces at once (to page
// through), reports over chosen sheets, dashboards, sheet templates, and the user's access to a sheet, report or workspace.
import type { Emulator } from '../emulator';
import { ACCESS_LEVELS, type AccessLevel } from '../state';
import { AdminError } from './adminError';

type Body = Record<string, unknown>;

const MAX_GENERATED = 10_000;

function count(body: Body): number {
	const value = body.count ?? 1;
	if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_GENERATED)
		throw new AdminError(`count must be a whole number from 1 to ${MAX_GENERATED}`);
	return value as number;
}

function text(body: Body, key: string, fallback: string): string {
	const value = body[key] ?? fallback;
	if (typeof value !== 'string' || !value)
		throw new AdminError(`${key} must be a non-empty string`);
	return value;
}

function idsFor(emulator: Emulator, body: Body) {
	return body.bigIds === true ? emulator.state.bigIds : emulator.state.ids;
}

export const worldHandlers: Record<string, (emulator: Emulator, body: Body) => unknown> = {
	'POST /__admin/users': (emulator, body) => {
		const state = emulator.state;
		const prefix = text(body, 'prefix', 'user');
		const ids = Array.from({ length: count(body) }, (_, index) => {
			const user = {
				...state.user,
				id: idsFor(emulator, body).id(),
				email: `${prefix}${state.users.length + 1}@example.com`,
				firstName: 'User',
				lastName: String(index + 1),
			};
			state.users.push(user);
			return user.id;
		});
		return { ids };
	},
	'POST /__admin/workspaces': (emulator, body) => {
		const name = text(body, 'name', 'Workspace');
		const total = count(body);
		const ids = Array.from({ length: total }, (_, index) => {
			const workspace = {
				id: idsFor(emulator, body).id(),
				name: total === 1 ? name : `${name} ${index + 1}`,
				createdAt: emulator.state.now(),
			};
			emulator.state.workspaces.push(workspace);
			return workspace.id;
		});
		return { ids };
	},
	'POST /__admin/templates': (emulator, body) => {
		const state = emulator.state;
		const workspaceId = body.workspaceId === undefined ? undefined : String(body.workspaceId);
		if (
			workspaceId !== undefined &&
			!state.workspaces.some((workspace) => workspace.id === workspaceId)
		)
			throw new AdminError(`unknown workspace ${workspaceId}`);
		const columns = [
			{ title: 'Task', type: 'TEXT_NUMBER', primary: true },
			{ title: 'Status', type: 'PICKLIST', options: ['Open', 'Done'] },
		];
		const template = state.createSheet(text(body, 'name', 'Template'), columns, { workspaceId });
		state.addRow(template, {
			[template.columns[0].id]: { value: 'First step' },
			[template.columns[1].id]: { value: 'Open' },
		});
		// A template is not a sheet: it leaves the sheets the API lists and reads.
		state.sheets.delete(template.id);
		state.templates.set(template.id, template);
		return { id: template.id };
	},
	'POST /__admin/sights': (emulator, body) => {
		const workspaceId = body.workspaceId === undefined ? undefined : String(body.workspaceId);
		if (
			workspaceId !== undefined &&
			!emulator.state.workspaces.some((workspace) => workspace.id === workspaceId)
		)
			throw new AdminError(`unknown workspace ${workspaceId}`);
		const sight = {
			id: idsFor(emulator, body).id(),
			name: text(body, 'name', 'Dashboard'),
			workspaceId,
		};
		emulator.state.sights.push(sight);
		return { id: sight.id };
	},
	'POST /__admin/reports': (emulator, body) => {
		const state = emulator.state;
		const sheetIds = body.sheetIds;
		if (
			!Array.isArray(sheetIds) ||
			sheetIds.length === 0 ||
			sheetIds.some((id) => !state.sheets.has(String(id)))
		)
			throw new AdminError('sheetIds must list existing sheets');
		const sources = sheetIds.map(String);
		const titles =
			body.columns ?? state.sheets.get(sources[0])!.columns.map((column) => column.title);
		if (!Array.isArray(titles) || titles.some((title) => typeof title !== 'string'))
			throw new AdminError('columns must be a list of column titles');
		const workspaceId = body.workspaceId === undefined ? undefined : String(body.workspaceId);
		if (
			workspaceId !== undefined &&
			!state.workspaces.some((workspace) => workspace.id === workspaceId)
		)
			throw new AdminError(`unknown workspace ${workspaceId}`);
		const report = state.createReport(text(body, 'name', 'Report'), sources, titles as string[], {
			bigIds: body.bigIds === true,
			workspaceId,
		});
		return { id: report.id };
	},
};

/** POST /__admin/access: {sheetId | reportId | workspaceId, accessLevel}. */
export function setAccess(emulator: Emulator, body: Body) {
	const state = emulator.state;
	const [key, known] = (
		[
			['sheetId', (id: string) => state.sheets.has(id)],
			['reportId', (id: string) => state.reports.has(id)],
			['workspaceId', (id: string) => state.workspaces.some((workspace) => workspace.id === id)],
		] as const
	).find(([name]) => body[name] !== undefined) ?? ['sheetId', () => false];
	const id = String(body[key] ?? '');
	if (!known(id)) throw new AdminError(`unknown ${key.replace('Id', '')} ${id}`);
	if (!ACCESS_LEVELS.includes(body.accessLevel as AccessLevel))
		throw new AdminError(`accessLevel must be one of ${ACCESS_LEVELS.join(', ')}`);
	state.access.set(id, body.accessLevel as AccessLevel);
	return { ok: true };
}
