import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as getAll from './getAll';

const operations = [create, getAll, del];

/**
 * The Relation resource (associations.json relations: one link between two records, e.g. a contact and a custom
 * object record, by an association): its operations and their fields.
 */
export const relationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['relation'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'create',
	},
	...operations.flatMap((op) => op.description),
];
