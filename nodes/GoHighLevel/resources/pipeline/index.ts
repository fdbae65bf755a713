import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';

/** The Pipeline resource (read-only: HighLevel v2 has no pipeline write endpoints, FACTS.md 2.2). */
export const pipelineDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pipeline'] } },
		options: [getAll.option],
		default: 'getAll',
	},
	...getAll.description,
];
