import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	authenticationProperty,
	optionsCollection,
	rowEventsProperty,
	searchSheets,
	sheetLocator,
	smartsheetCredentials,
} from '../shared';
import { pollSheet } from './poll';

/**
 * Polls a sheet instead of receiving webhooks, for installs Smartsheet cannot reach (no public
 * HTTPS URL). n8n cannot offer both in one node: every node with `webhooks` gets its webhook
 * registered and every node with `poll` gets polled, whatever its parameters say.
 */
export class SmartsheetPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartsheet Polling Trigger',
		name: 'smartsheetPollingTrigger',
		icon: { light: 'file:smartsheet.svg', dark: 'file:smartsheet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when rows of a Smartsheet sheet are added or updated, by checking the sheet on a schedule',
		defaults: { name: 'Smartsheet Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: smartsheetCredentials,
		properties: [
			authenticationProperty,
			{ ...sheetLocator, description: 'The sheet to watch' },
			rowEventsProperty(
				'Each poll first asks for the sheet version (one cheap request) and reads rows only when it changed. Deleted rows, comments and column changes need the Smartsheet Trigger (webhooks).',
			),
			optionsCollection([
				{
					displayName: 'Ignore Own Changes',
					name: 'ignoreOwnChanges',
					type: 'boolean',
					default: false,
					description:
						"Whether rows last modified by the credential's own user start nothing, so a workflow that writes back to this sheet does not trigger itself (rows carry no change agent). That user's own edits in Smartsheet are ignored too: give the workflow its own Smartsheet user to tell them apart. Costs one more request per poll that finds changes.",
				},
			]),
		],
	};

	methods = { listSearch: { searchSheets } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollSheet(this);
	}
}
