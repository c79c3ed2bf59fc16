import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	authenticationProperty,
	reportLocator,
	rowEventsProperty,
	searchReports,
	smartsheetCredentials,
} from '../shared';
import { pollReport } from './pollReport';

/**
 * Polls a report: new and changed rows of all its source sheets, each once. Smartsheet sends no
 * webhooks for reports, and a report has no version to check, so every poll reads the report.
 */
export class SmartsheetReportTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartsheet Report Trigger',
		name: 'smartsheetReportTrigger',
		icon: { light: 'file:smartsheet.svg', dark: 'file:smartsheet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when rows in a Smartsheet report are added or updated, by reading the report on a schedule',
		defaults: { name: 'Smartsheet Report Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: smartsheetCredentials,
		properties: [
			authenticationProperty,
			{ ...reportLocator, description: 'The report to watch' },
			rowEventsProperty(
				"Each poll reads the report (one request per 10,000 rows) and emits the rows modified since the last poll. A row that only starts to match the report's filter without being edited is not news.",
			),
		],
	};

	methods = { listSearch: { searchReports } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollReport(this);
	}
}
