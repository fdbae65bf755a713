import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['tag'], operation: ['getAll'] };

/**
 * Get Many: `GET /locations/{locationId}/tags` (locations.json `get-location-tags`, scope `locations/tags.readonly`),
 * one item per tag (`id, name, locationId`). Not paged (FACTS.md 2.6, 2.14): HighLevel answers every tag at once
 * and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tags',
	description: 'List the location\'s tags',
	routing: routeTo({ endpoint: ENDPOINTS.getLocationTags, output: limitRecords() }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
