import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';
import * as upload from './upload';

const operations = [getAll, upload];

/** The Media resource (medias.json): the location's media library. */
export const mediaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: operations.map((op) => op.option),
		default: 'getAll',
	},
	...operations.flatMap((op) => op.description),
];
