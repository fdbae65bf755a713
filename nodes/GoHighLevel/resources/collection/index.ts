import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';

const operations = [getAll];

/**
 * The Product Collection resource (products.json `get-product-collection`, FACTS.md 2.12): the collections
 * (categories) that group the location's products in its store.
 */
export const collectionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['collection'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
