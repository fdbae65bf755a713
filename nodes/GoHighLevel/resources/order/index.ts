import type { INodeProperties } from 'n8n-workflow';

import * as createFulfillment from './createFulfillment';
import * as get from './get';
import * as getAll from './getAll';
import * as getFulfillments from './getFulfillments';
import * as recordPayment from './recordPayment';

const operations = [createFulfillment, get, getAll, getFulfillments, recordPayment];

/** The Order resource (payments.json): its operations (each with its routing) and their fields. */
export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
