import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';

const operations = [getAll];

/** The Trigger Link resource (links.json): its operations (each with its routing) and their fields. */
export const triggerLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['triggerLink'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
