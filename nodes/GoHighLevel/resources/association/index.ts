import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getAll from './getAll';
import * as getByKey from './getByKey';

const operations = [get, getByKey, getAll];

/**
 * The Association resource (associations.json associations: the kinds of link between two objects, e.g. contact ↔
 * custom_objects.pet): its operations and their fields. Links between two records are the Relation resource.
 */
export const associationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['association'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
