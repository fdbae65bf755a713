import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { associationLocator } from '../../shared/objects';
import { routeTo } from '../../shared/routing';

const show = { resource: ['association'], operation: ['get'] };

/** Get: `GET /associations/{associationId}` (associations.json `get-association-by-ID`), the association (flat). */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an association',
	description: 'Retrieve one association by ID',
	routing: routeTo({ endpoint: ENDPOINTS.getAssociation, pathParameters: { associationId: 'associationId' } }),
};

export const description: INodeProperties[] = [
	associationLocator({ name: 'associationId', show, description: 'The association, picked from the list or given by ID' }),
];
