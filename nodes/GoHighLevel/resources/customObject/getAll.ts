import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['customObject'], operation: ['getAll'] };

/**
 * Get Many: `GET /objects/?locationId=` (objects.json `get-object-by-location-id`, scope `objects/schema.readonly`),
 * root `objects`: the custom objects and the standard contact, opportunity and business objects of the location.
 * Not paged: HighLevel answers every object at once and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom object schemas',
	description: 'List the object schemas of the location: its custom objects and the standard objects',
	routing: routeTo({ endpoint: ENDPOINTS.getObjectSchemas, output: limitRecords() }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
