import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['form'], operation: ['getAll'] };

/**
 * Get Many: `GET /forms/?locationId=` (forms.json `get-forms`, scope `forms.readonly`), one item per form
 * (`id, name, locationId`), paged with `skip` + `limit` (≤ 50) until `total` is reached.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many forms',
	description: 'List the location\'s forms',
	routing: routeTo({ endpoint: ENDPOINTS.getForms }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
