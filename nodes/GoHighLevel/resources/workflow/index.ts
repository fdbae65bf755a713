import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';

const operations = [getAll];

/** The Workflow resource (workflows.json): its operations (each with its routing) and their fields. */
export const workflowDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
