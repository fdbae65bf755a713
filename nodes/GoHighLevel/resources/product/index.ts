import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

const operations = [create, del, get, getAll, update];

/**
 * The Product resource (products.json, FACTS.md 2.12): the products of the location's catalogue and store. Their
 * prices: the Price resource; stock: the Inventory resource; categories: Product Collection.
 */
export const productDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
