import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['survey'], operation: ['getAll'] };

/**
 * Get Many: `GET /surveys/?locationId=` (surveys.json `get-surveys`, scope `surveys.readonly`), one item per survey
 * (`id, name, locationId`), paged with `skip` + `limit` (≤ 50) until `total` is reached.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many surveys',
	description: 'List the location\'s surveys',
	routing: routeTo({ endpoint: ENDPOINTS.getSurveys }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
