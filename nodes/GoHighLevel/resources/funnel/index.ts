import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';
import * as getPages from './getPages';

const operations = [getAll, getPages];

/** The Funnel resource (funnels.json): funnels and websites, and their pages. */
export const funnelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['funnel'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
