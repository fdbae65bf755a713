import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['customField'], operation: ['getAll'] };

/**
 * Get Many: `GET /locations/{locationId}/customFields?model=contact|opportunity|all` (locations.json
 * `get-custom-fields`, scope `locations/customFields.readonly`), one item per field. Not paged (FACTS.md 2.7,
 * 2.14): HighLevel answers every field at once and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom fields',
	description: 'List the location\'s contact or opportunity custom fields',
	routing: routeTo({ endpoint: ENDPOINTS.getCustomFields, output: limitRecords() }),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Opportunity', value: 'opportunity' },
		],
		default: 'all',
		displayOptions: { show },
		description: 'Whose fields to list',
		routing: { send: { type: 'query', property: 'model' } },
	},
	...returnAllOrLimit(show),
];
