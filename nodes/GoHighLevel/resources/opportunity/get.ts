import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { opportunityLocator, simplifyOpportunities } from './fields';

const show = { resource: ['opportunity'], operation: ['get'] };

/** Get: `GET /opportunities/{id}` (opportunities.json `get-opportunity`), root `opportunity`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an opportunity',
	description: 'Retrieve an opportunity by ID',
	routing: routeTo({
		endpoint: ENDPOINTS.getOpportunity,
		pathParameters: { id: 'opportunityId' },
		async output(_body, records) {
			return this.getNodeParameter('simplify', false) ? await simplifyOpportunities(this, records) : records;
		},
	}),
};

export const description: INodeProperties[] = [opportunityLocator(show), simplifyProperty(show)];
