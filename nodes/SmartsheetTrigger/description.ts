import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty, PACKAGE_CHANGE_AGENT, sheetLocator } from '../shared';
import { EVENT_OPTIONS } from './events';

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{ ...sheetLocator, description: 'The sheet to watch' },
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['row.created', 'row.updated'],
		required: true,
		description: 'The changes that start the workflow; each one becomes an item',
	},
	{
		displayName: 'Only Changes in Columns Names or IDs',
		name: 'columnIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['sheetId.value'] },
		default: [],
		description:
			'Smartsheet calls only for changes in these columns (row deletions always come). Empty: every column. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Include Row Data',
		name: 'includeRowData',
		type: 'boolean',
		default: true,
		description:
			"Whether to read the changed rows, so row and cell items carry the row's values by column title. Smartsheet's notifications only name what changed.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ignore Changes Made By',
				name: 'ignoreChangeAgents',
				type: 'string',
				default: PACKAGE_CHANGE_AGENT,
				description:
					'Changes sent with one of these Smartsheet-Change-Agent values (comma-separated) start nothing, so a workflow that writes back to the sheet does not trigger itself. The Smartsheet node sends its Change Agent option (default n8n-smartsheet-resilient). Empty: react to every change.',
			},
			{
				displayName: 'Emit Webhook Status Changes',
				name: 'statusChanges',
				type: 'boolean',
				default: false,
				description:
					'Whether to start the workflow with an item when Smartsheet disables the webhook (for example the sheet is no longer shared) or enables it again. Otherwise they are only logged.',
			},
		],
	},
];
