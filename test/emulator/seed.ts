// Demo data: a workspace with a folder, a project tracker with every common column type (and a
// colleague's discussion on one row), a report of its open tasks, and a sheet whose sheet, column
// and row IDs all exceed 2^53.
import { primeSearchIndex } from './searchIndex';
import type { EmulatorState, Person } from './state';

/** Someone who shares the sheets but is not the emulator's user. */
export const COLLEAGUE: Person = { name: 'Casey Colleague', email: 'casey.colleague@example.com' };

export function seed(state: EmulatorState): void {
	const workspace = { id: state.ids.id(), name: 'Demo Workspace' };
	state.workspaces.push(workspace);
	state.folders.push({ id: state.ids.id(), name: 'Projects', workspaceId: workspace.id });

	const tracker = state.createSheet(
		'Project Tracker',
		[
			{ title: 'Task', type: 'TEXT_NUMBER', primary: true },
			{ title: 'Status', type: 'PICKLIST', options: ['Not Started', 'In Progress', 'Done'] },
			{ title: 'Due', type: 'DATE' },
			{ title: 'Owner', type: 'CONTACT_LIST' },
			{ title: 'Done', type: 'CHECKBOX' },
		],
		{ workspaceId: workspace.id },
	);
	const [task, status, due, owner, done] = tracker.columns.map((column) => column.id);
	const tasks: Array<[string, string, string, boolean]> = [
		['Kickoff meeting', 'Done', '2026-11-02', true],
		['Collect requirements', 'Done', '2026-11-09', true],
		['Design review', 'In Progress', '2026-11-20', false],
		['Build the integration', 'In Progress', '2026-12-04', false],
		['Launch', 'Not Started', '2026-12-18', false],
	];
	for (const [name, progress, date, finished] of tasks) {
		state.addRow(tracker, {
			[task]: { value: name },
			[status]: { value: progress },
			[due]: { value: date },
			[owner]: { value: state.user.email },
			[done]: { value: finished },
		});
	}

	// A colleague's question on a row: a comment the demo user did not write (and may not delete).
	const review = tracker.rows[2];
	const asked = Date.UTC(2026, 10, 16, 9, 30);
	const question = {
		id: state.ids.id(),
		text: 'Can we move the design review to Friday?',
		createdBy: COLLEAGUE,
		createdAt: asked,
		modifiedAt: asked,
	};
	tracker.discussions = [
		{ id: state.ids.id(), parentType: 'ROW', parentId: review.id, comments: [question] },
	];
	state.createReport('Open Tasks', [tracker.id], ['Task', 'Status', 'Due'], {
		workspaceId: workspace.id,
		filter: { title: 'Done', operator: 'notEquals', value: true },
	});

	const big = state.createSheet(
		'Big IDs',
		[{ title: 'Name', type: 'TEXT_NUMBER', primary: true }],
		{ bigIds: true },
	);
	state.addRow(
		big,
		{ [big.columns[0].id]: { value: 'a row whose ID exceeds 2^53' } },
		{ bigIds: true },
	);
	primeSearchIndex(state); // the demo data is searchable from the start
}
