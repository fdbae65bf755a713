import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';
import * as getSubmissions from './getSubmissions';

const operations = [getAll, getSubmissions];

/** The Form resource (forms.json): its operations (each with its routing) and their fields. */
export const formDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['form'] } },
		options: operations.map((op) => op.option),
		default: 'getSubmissions',
	},
	...operations.flatMap((op) => op.description),
];
