// Where a new or moved sheet goes: a workspace or a folder (picked from a list, by URL or by ID),
// or — where Smartsheet still allows it — the deprecated "Sheets" (Home) folder.
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { folderLocator, locatedId, workspaceLocator } from '../../../shared';

const HOME: INodePropertyOptions = {
	name: 'Sheets (Home, Deprecated)',
	value: 'home',
	description:
		'Smartsheet\'s "Sheets" folder, deprecated since March 2025: the sheet lands outside every workspace, seen only by you until shared. Smartsheet steers new sheets into workspaces and folders and may remove this (no date is set).',
};

/** Where a new sheet can go (Create, Copy, Import, From Template). */
export const SHEET_CONTAINERS: INodePropertyOptions[] = [
	{ name: 'Folder', value: 'folder' },
	HOME,
	{ name: 'Workspace', value: 'workspace' },
];

interface Names {
	destination: string;
	container: string;
}

const DEFAULT_NAMES: Names = { destination: 'destination', container: 'containerId' };

/** The destination choice and its two pickers (one parameter: a plain ID string reads the same). */
export function destinationFields(
	show: { [key: string]: string[] },
	options: { names?: Names; withHome?: boolean; label?: string } = {},
): INodeProperties[] {
	const names = options.names ?? DEFAULT_NAMES;
	return [
		{
			displayName: options.label ?? 'Create In',
			name: names.destination,
			type: 'options',
			options:
				options.withHome === false
					? SHEET_CONTAINERS.filter((option) => option !== HOME)
					: SHEET_CONTAINERS,
			default: 'workspace',
			displayOptions: { show },
		},
		{
			...workspaceLocator,
			name: names.container,
			description: 'The workspace to put the sheet in',
			displayOptions: { show: { ...show, [names.destination]: ['workspace'] } },
		},
		{
			...folderLocator,
			name: names.container,
			description: 'The folder to put the sheet in',
			displayOptions: { show: { ...show, [names.destination]: ['folder'] } },
		},
	];
}

/** The item's destination: its type and, unless Home, the workspace or folder ID. */
export function destinationOf(
	ctx: IExecuteFunctions,
	item: number,
	names: Names = DEFAULT_NAMES,
): { type: string; id?: string } {
	const type = ctx.getNodeParameter(names.destination, item) as string;
	return type === 'home'
		? { type }
		: { type, id: locatedId(ctx, names.container, item, 'Workspace or folder') };
}

/** The sheets collection of the destination: /sheets (Home), /workspaces/{id}/sheets or /folders/{id}/sheets. */
export function sheetsPathOf(ctx: IExecuteFunctions, item: number): string {
	const { type, id } = destinationOf(ctx, item);
	return type === 'home' ? '/sheets' : `/${type}s/${id}/sheets`;
}

/** What a copy or a sheet from a template can take besides the columns (a template has no shares). */
export const COPY_PARTS: INodePropertyOptions[] = [
	{ name: 'Attachments', value: 'attachments' },
	{ name: 'Cell Links', value: 'cellLinks' },
	{ name: 'Data (Rows and Cell Values)', value: 'data' },
	{ name: 'Discussions', value: 'discussions' },
	{ name: 'Filters', value: 'filters' },
	{ name: 'Forms', value: 'forms' },
	{ name: 'Rule Recipients', value: 'ruleRecipients' },
	{ name: 'Rules', value: 'rules' },
	{ name: 'Shares', value: 'shares' },
];
