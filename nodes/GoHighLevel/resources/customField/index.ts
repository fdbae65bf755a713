import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getAllByObjectKey from './getAllByObjectKey';
import * as update from './update';

const operations = [create, get, getAll, getAllByObjectKey, update, del];

/**
 * The Custom Field resource (contact and opportunity fields, locations.json; fields of custom objects and businesses
 * by object key, custom-fields.json): its operations (each with its routing) and their fields.
 */
export const customFieldDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customField'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
