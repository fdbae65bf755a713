import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { businessLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['business'], operation: ['get'] };

/** Get: `GET /businesses/{businessId}` (businesses.json `get-business`), root `business`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a business',
	description: 'Retrieve one business',
	routing: routeTo({ endpoint: ENDPOINTS.getBusiness, pathParameters: { businessId: 'businessId' } }),
};

export const description: INodeProperties[] = [businessLocator(show)];
