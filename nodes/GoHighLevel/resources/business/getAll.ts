import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['business'], operation: ['getAll'] };

/**
 * Get Many: `GET /businesses/?locationId=` (businesses.json `get-businesses-by-location`), root `businesses`;
 * offset paging with `limit` + `skip` (FACTS.md 2.14: no total, so an empty page ends Return All).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many businesses',
	description: 'List the businesses of the location',
	routing: routeTo({ endpoint: ENDPOINTS.getBusinesses }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
