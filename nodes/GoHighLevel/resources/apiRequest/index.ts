import type { INodeProperties } from 'n8n-workflow';

import * as send from './send';

const operations = [send];

/**
 * The API Request resource: Send — any operation of the official HighLevel specs (shared/catalog), with the
 * node's Version header, location, pacing, retries, errors and pagination.
 */
export const apiRequestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiRequest'] } },
		options: operations.map((op) => op.option),
		default: 'send',
	},
	...operations.flatMap((op) => op.description),
];
