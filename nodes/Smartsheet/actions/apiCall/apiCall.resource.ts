import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker } from '../../../shared';
import * as send from './send.operation';

export const operations: Record<string, Operation> = { send };

export const description: INodeProperties[] = [
	operationPicker(
		'apiCall',
		[
			{
				name: 'Send',
				value: 'send',
				description:
					'Call any Smartsheet endpoint with this credential, its token refresh, pacing, retries and five outputs',
				action: 'Send an API call',
			},
		],
		'send',
	),
	...send.description,
];
