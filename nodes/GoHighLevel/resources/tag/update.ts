import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { tagLocator, tagNameField } from './fields';

const show = { resource: ['tag'], operation: ['update'] };

/**
 * Update: `PUT /locations/{locationId}/tags/{tagId}` (locations.json `update-tag`, body `tagBody {name}`), root `tag`.
 * Renames the tag; the name is the only property and is required.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Rename a tag',
	description: 'Change the name of a tag of the location',
	routing: routeTo({
		endpoint: ENDPOINTS.updateLocationTag,
		pathParameters: { tagId: 'tagId' },
		fieldNames: { name: 'Name' },
	}),
};

export const description: INodeProperties[] = [tagLocator(show), tagNameField(show, 'New name of the tag')];
