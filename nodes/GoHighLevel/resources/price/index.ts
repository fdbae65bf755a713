import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

const operations = [create, del, get, getAll, update];

/**
 * The Price resource (products.json, FACTS.md 2.12): the one-time and recurring prices of a product. Amounts are in
 * major units of the price's currency (`CreatePriceDto.amount`, example 99.99).
 */
export const priceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['price'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
