// What is shared: the asset type and its picker, shared by every Share operation. Smartsheet's
// /shares endpoints name the asset in the query (?assetType=…&assetId=…).
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	idLocator,
	InvalidInput,
	locatedId,
	reportLocator,
	sheetLocator,
	workspaceLocator,
} from '../../../shared';

const show = { resource: ['share'] };

/** A dashboard is picked by URL or ID: there is no dashboard list to search yet. */
const dashboardLocator: INodeProperties = (() => {
	const locator = idLocator({
		displayName: 'Dashboard',
		name: 'assetId',
		what: 'dashboard',
		searchListMethod: '',
		urlPath: 'dashboards',
		description: 'The dashboard whose shares to work with',
	});
	return {
		...locator,
		default: { mode: 'id', value: '' },
		modes: locator.modes!.filter((mode) => mode.name !== 'list'),
	};
})();

const pickers: Array<[string, INodeProperties]> = [
	[
		'sheet',
		{ ...sheetLocator, name: 'assetId', description: 'The sheet whose shares to work with' },
	],
	[
		'report',
		{ ...reportLocator, name: 'assetId', description: 'The report whose shares to work with' },
	],
	['sight', dashboardLocator],
	[
		'workspace',
		{
			...workspaceLocator,
			name: 'assetId',
			description: 'The workspace whose shares to work with',
		},
	],
];

export const assetFields: INodeProperties[] = [
	{
		displayName: 'Asset Type',
		name: 'assetType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Dashboard', value: 'sight' },
			{ name: 'Report', value: 'report' },
			{ name: 'Sheet', value: 'sheet' },
			{ name: 'Workspace', value: 'workspace' },
		],
		default: 'sheet',
		displayOptions: { show },
	},
	...pickers.map(([assetType, picker]) => ({
		...picker,
		displayOptions: { show: { ...show, assetType: [assetType] } },
	})),
];

/** The query that names the item's asset. */
export function assetQuery(ctx: IExecuteFunctions, item: number): IDataObject {
	const assetType = ctx.getNodeParameter('assetType', item) as string;
	const what =
		assetType === 'sight' ? 'Dashboard' : assetType[0].toUpperCase() + assetType.slice(1);
	return { assetType, assetId: locatedId(ctx, 'assetId', item, what) };
}

/** A share ID: letters and digits (unlike other Smartsheet IDs), checked before it goes into a path. */
export function shareIdOf(ctx: IExecuteFunctions, item: number): string {
	const id = String(ctx.getNodeParameter('shareId', item) ?? '').trim();
	if (!/^[A-Za-z0-9_-]+$/.test(id))
		throw new InvalidInput(`Share ID must be letters and digits, got "${id}"`);
	return id;
}

export const ACCESS_LEVELS = [
	{ name: 'Admin', value: 'ADMIN' },
	{ name: 'Commenter', value: 'COMMENTER' },
	{ name: 'Editor', value: 'EDITOR' },
	{ name: 'Editor (Can Share)', value: 'EDITOR_SHARE' },
	{ name: 'Owner', value: 'OWNER', description: 'Transfers ownership' },
	{ name: 'Viewer', value: 'VIEWER' },
];
