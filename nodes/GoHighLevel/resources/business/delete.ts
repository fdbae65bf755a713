import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { businessLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['business'], operation: ['delete'] };

/** Delete: `DELETE /businesses/{businessId}` (businesses.json `delete-Business`) → `{ success }`. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a business',
	description: 'Delete a business permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteBusiness,
		pathParameters: { businessId: 'businessId' },
		output(body) {
			const id = this.getNodeParameter('businessId', '', { extractValue: true }) as string;
			return [{ id, deleted: body.success !== false }];
		},
	}),
};

export const description: INodeProperties[] = [businessLocator(show)];
