import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { opportunityLocator } from './fields';

const show = { resource: ['opportunity'], operation: ['delete'] };

/** Delete: `DELETE /opportunities/{id}` (opportunities.json `delete-opportunity`; answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an opportunity',
	description: 'Delete an opportunity permanently',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteOpportunity,
		pathParameters: { id: 'opportunityId' },
		output() {
			return [{ id: this.getNodeParameter('opportunityId', '', { extractValue: true }), deleted: true }];
		},
	}),
};

export const description: INodeProperties[] = [opportunityLocator(show)];
