import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['funnel'], operation: ['getAll'] };

/**
 * Get Many: `GET /funnels/funnel/list?locationId=` (funnels.json `getFunnels`, scope `funnels/funnel.readonly`), one
 * item per funnel or website (`_id, name, type, url, steps[], dateAdded, dateUpdated, …`), paged with `offset` +
 * `limit` until `count` is reached. Filter: `name`.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many funnels',
	description: 'List the location\'s funnels and websites with their steps',
	routing: routeTo({ endpoint: ENDPOINTS.getFunnels, fieldNames: { name: 'Filters → Name' } }),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Free Quote',
			description: 'Only funnels whose name matches',
			routing: { send: { type: 'query', property: 'name' } },
		},
	]),
];
