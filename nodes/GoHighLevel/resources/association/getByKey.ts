import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['association'], operation: ['getByKey'] };

/**
 * Get by Key: `GET /associations/key/{key_name}?locationId=` (associations.json `get-association-key-by-key-name`),
 * the standard or user-defined association with this key (flat).
 */
export const option: INodePropertyOptions = {
	name: 'Get by Key',
	value: 'getByKey',
	action: 'Get an association by key',
	description: 'Retrieve one association by its unique key',
	routing: routeTo({ endpoint: ENDPOINTS.getAssociationByKey, pathParameters: { key_name: 'associationKey' } }),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Association Key Name or ID',
		name: 'associationKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAssociationKeys' },
		// Keys may also come from an expression.
		allowArbitraryValues: true,
		required: true,
		default: '',
		displayOptions: { show },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The association\'s unique key, e.g. student_teacher',
	},
];
