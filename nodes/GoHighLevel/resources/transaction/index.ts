import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getAll from './getAll';

const operations = [get, getAll];

/** The Transaction resource (payments.json): its operations (each with its routing) and their fields. */
export const transactionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
