import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { tagLocator } from './fields';

const show = { resource: ['tag'], operation: ['get'] };

/** Get: `GET /locations/{locationId}/tags/{tagId}` (locations.json `get-tag-by-id`), root `tag` (`id, name, locationId`). */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a tag',
	description: 'Retrieve one tag of the location',
	routing: routeTo({ endpoint: ENDPOINTS.getLocationTag, pathParameters: { tagId: 'tagId' } }),
};

export const description: INodeProperties[] = [tagLocator(show)];
