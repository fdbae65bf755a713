import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as search from './search';
import * as update from './update';

const operations = [create, get, search, update, del];

/**
 * The Custom Object Record resource (objects.json records of a custom object or of the business object): its
 * operations (each with its routing) and their fields. Named "Custom Object Record", not "Record": every HighLevel
 * item is a record, and the node creator lists actions such as "Create a custom object record".
 */
export const customObjectRecordDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customObjectRecord'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'create',
	},
	...operations.flatMap((op) => op.description),
];
