import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { tagNameField } from './fields';

const show = { resource: ['tag'], operation: ['create'] };

/**
 * Create: `POST /locations/{locationId}/tags` (locations.json `create-tag`, body `tagBody {name}`, scope
 * `locations/tags.write`), root `tag` (`id, name, locationId`). A name the location already has is refused by
 * HighLevel (400).
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a tag',
	description: 'Add a tag to the location\'s tag list',
	routing: routeTo({ endpoint: ENDPOINTS.createLocationTag, fieldNames: { name: 'Name' } }),
};

export const description: INodeProperties[] = [tagNameField(show, 'Name of the new tag')];
