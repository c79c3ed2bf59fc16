import type { INodeProperties } from 'n8n-workflow';

import { type Operation, operationPicker } from '../../../shared';
import * as checkHealth from './checkHealth.operation';

export const operations: Record<string, Operation> = { checkHealth };

export const description: INodeProperties[] = [
	operationPicker(
		'credential',
		[
			{
				name: 'Check Health',
				value: 'checkHealth',
				description:
					'Whose token this is, when it expires, whether it can be refreshed, its scopes, and a live call',
				action: 'Check the health of the credential',
			},
		],
		'checkHealth',
	),
	...checkHealth.description,
];
