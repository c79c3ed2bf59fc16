import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../helpers/interfaces';
import { operationPicker } from '../common.descriptions';
import * as add from './add.operation';
import * as deleteRow from './delete.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { add, update, get, delete: deleteRow };

export const description: INodeProperties[] = [
	operationPicker('row', [
		{ name: 'Add', value: 'add', description: 'Add rows to a sheet, 500 per request', action: 'Add rows' },
		{ name: 'Delete', value: 'delete', description: 'Delete rows by ID', action: 'Delete rows' },
		{ name: 'Get', value: 'get', description: 'Get a row by ID', action: 'Get a row' },
		{ name: 'Update', value: 'update', description: 'Update rows by ID, 500 per request', action: 'Update rows' },
	], 'add'),
	...add.description,
	...update.description,
	...get.description,
	...deleteRow.description,
];
