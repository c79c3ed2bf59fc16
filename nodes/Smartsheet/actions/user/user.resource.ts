import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import * as getCurrent from './getCurrent.operation';

export const operations: Record<string, Operation> = { getCurrent };

export const description: INodeProperties[] = [
	operationPicker('user', [
		{ name: 'Get Current', value: 'getCurrent', description: 'Get the user the credential belongs to', action: 'Get the current user' },
	], 'getCurrent'),
	...getCurrent.description,
];
