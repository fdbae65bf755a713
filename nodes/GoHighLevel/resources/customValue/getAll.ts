import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['customValue'], operation: ['getAll'] };

/**
 * Get Many: `GET /locations/{locationId}/customValues` (locations.json `get-custom-values`, scope
 * `locations/customValues.readonly`), one item per custom value (`id, name, fieldKey, value, locationId`). Not paged
 * (FACTS.md 2.7): HighLevel answers every custom value at once and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom values',
	description: 'List the location\'s custom values and their merge tags',
	routing: routeTo({ endpoint: ENDPOINTS.getCustomValues, output: limitRecords() }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
