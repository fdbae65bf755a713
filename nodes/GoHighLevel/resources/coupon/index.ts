import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

const operations = [create, del, get, getAll, update];

/** The Coupon resource (payments.json): its operations (each with its routing) and their fields. */
export const couponDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coupon'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
