import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';

const operations = [getAll];

/** The Calendar Group resource (calendars.json `get-groups`). */
export const calendarGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendarGroup'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
