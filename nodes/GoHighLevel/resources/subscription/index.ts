import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getAll from './getAll';

const operations = [get, getAll];

/** The Subscription resource (payments.json): its operations (each with its routing) and their fields. */
export const subscriptionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
