import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import * as checkHealth from './checkHealth.operation';

export const operations: Record<string, Operation> = { checkHealth };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['credential'] } },
		options: [
			{
				name: 'Check Health',
				value: 'checkHealth',
				description:
					'Whose token this is, when it expires, whether it can be refreshed, its scopes, and a live call',
				action: 'Check the health of the credential',
			},
		],
		default: 'checkHealth',
	},
	...checkHealth.description,
];
