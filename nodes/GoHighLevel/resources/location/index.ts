import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getTemplates from './getTemplates';
import * as getTimezones from './getTimezones';
import * as search from './search';

const operations = [get, search, getTimezones, getTemplates];

/**
 * The Location resource (the sub-account itself, its time zones and message templates, and the agency's location
 * search; locations.json): its operations (each with its routing) and their fields.
 */
export const locationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['location'] } },
		options: operations.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'get',
	},
	...operations.flatMap((op) => op.description),
];
