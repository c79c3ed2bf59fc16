// Pickers for the objects a builder chooses (sheets, reports, workspaces, folders): from a searchable
// list, by URL, or by ID, and the ID an item's choice resolves to.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf } from './sheetId';

interface LocatorSpec {
	displayName: string;
	name: string;
	/** Lower-case noun for messages: "report". */
	what: string;
	searchListMethod: string;
	/** The URL segment before the ID: https://app.smartsheet.com/<urlPath>/<id>. */
	urlPath: string;
	description: string;
}

export function idLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://app.smartsheet.com/${spec.urlPath}/1234567890123456`,
				extractValue: { type: 'regex', regex: '(\\d{6,})' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '.*\\d{6,}.*',
							errorMessage: `The URL must contain the numeric ${spec.what} ID`,
						},
					},
				],
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '4583173393803140',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: `A ${spec.what} ID is a number` },
					},
				],
			},
		],
		description: spec.description,
	};
}

export const reportLocator = idLocator({
	displayName: 'Report',
	name: 'reportId',
	what: 'report',
	searchListMethod: 'searchReports',
	urlPath: 'reports',
	description: 'The report to read',
});

export const workspaceLocator = idLocator({
	displayName: 'Workspace',
	name: 'workspaceId',
	what: 'workspace',
	searchListMethod: 'searchWorkspaces',
	urlPath: 'workspaces',
	description: 'The workspace to work with',
});

export const folderLocator = idLocator({
	displayName: 'Folder',
	name: 'folderId',
	what: 'folder',
	searchListMethod: 'searchFolders',
	urlPath: 'folders',
	description:
		'The folder to work with (the list shows the folders at the top of each workspace; pick a deeper one by URL or ID)',
});

/** The ID an item's choice in a picker names, as digits. */
export function locatedId(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	what: string,
): string {
	return idOf(ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }), what);
}
