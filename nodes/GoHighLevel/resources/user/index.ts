import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as search from './search';
import * as update from './update';

const operations = [create, del, get, search, update];

/**
 * The User resource (users.json, FACTS.md 2.8): users of the location — search, get, create, update, delete. Every
 * operation accepts a sub-account token (security `Location-Access` or `Agency-Access`).
 */
export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'search',
	},
	...operations.flatMap((op) => op.description),
];
