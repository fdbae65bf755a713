import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';
import * as update from './update';

const operations = [getAll, update];

/**
 * The Inventory resource (products.json `get-list-inventory`, `update-inventory`, FACTS.md 2.12): the stock of each
 * price (variant) of the location's products. A price tracks stock when created with Track Inventory (Price →
 * Create).
 */
export const inventoryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
