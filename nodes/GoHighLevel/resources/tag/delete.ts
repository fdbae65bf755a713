import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { tagLocator } from './fields';

const show = { resource: ['tag'], operation: ['delete'] };

/** Delete: `DELETE /locations/{locationId}/tags/{tagId}` (locations.json `delete-tag`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a tag',
	description: 'Delete a tag from the location\'s tag list permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteLocationTag,
		pathParameters: { tagId: 'tagId' },
		output() {
			return [{ id: this.getNodeParameter('tagId', '', { extractValue: true }), deleted: true }];
		},
	}),
};

export const description: INodeProperties[] = [tagLocator(show)];
