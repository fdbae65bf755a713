import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

/**
 * Get: `GET /locations/{locationId}` (locations.json `get-location`, FACTS.md 2.9, scope `locations.readonly`),
 * root `location` (`id, companyId, name, address, timezone, email, phone, business, settings, social…`) — the
 * location the node works on.
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a location',
	description: 'Retrieve the details of the location (sub-account): name, address, time zone, business and settings',
	routing: routeTo({ endpoint: ENDPOINTS.getLocation }),
};

export const description: INodeProperties[] = [];
