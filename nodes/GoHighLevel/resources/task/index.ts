import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as markCompleted from './markCompleted';
import * as markNotCompleted from './markNotCompleted';
import * as search from './search';
import * as update from './update';

const operations = [create, get, getAll, search, update, markCompleted, markNotCompleted, del];

/**
 * The Task resource (tasks of a contact, contacts.json; the location-wide search, locations.json): its operations
 * (each with its routing) and their fields.
 */
export const taskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'create',
	},
	...operations.flatMap((op) => op.description),
];
