import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['relation'], operation: ['delete'] };

/**
 * Delete: `DELETE /associations/relations/{relationId}?locationId=` (associations.json `delete-relation`, scope
 * `associations/relation.write`). Output: `{ id, deleted: true }`.
 */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Unlink two records',
	description: 'Delete a relation between two records',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteRelation,
		pathParameters: { relationId: 'relationId' },
		output() {
			return [{ id: String(this.getNodeParameter('relationId', '')).trim(), deleted: true }];
		},
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Relation ID',
		name: 'relationId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. 6d6f6e676f5f6576656e7473',
		description: 'The relation\'s ID, as Get Many lists it for either of its two records',
	},
];
