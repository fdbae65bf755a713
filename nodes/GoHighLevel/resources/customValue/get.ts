import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { customValueLocator } from './fields';

const show = { resource: ['customValue'], operation: ['get'] };

/** Get: `GET /locations/{locationId}/customValues/{id}` (locations.json `get-custom-value`), root `customValue`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom value',
	description: 'Retrieve one custom value of the location, with its merge tag',
	routing: routeTo({ endpoint: ENDPOINTS.getCustomValue, pathParameters: { id: 'customValueId' } }),
};

export const description: INodeProperties[] = [customValueLocator(show)];
