import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { firstPageOffset } from '../../shared/objects';
import { routeTo } from '../../shared/routing';

const show = { resource: ['association'], operation: ['getAll'] };

/**
 * Get Many: `GET /associations/?locationId=&skip=&limit=` (associations.json `find-associations`, scope
 * `associations.readonly`), root `associations`, offset-paged (`skip` + `limit`, both required).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many associations',
	description: 'List the associations (kinds of link between objects) of the location',
	routing: routeTo({ endpoint: ENDPOINTS.getAssociations, preSend: [firstPageOffset] }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
