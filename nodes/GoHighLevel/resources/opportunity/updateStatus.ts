import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { STATUS_OPTIONS } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { opportunityLocator } from './fields';

const show = { resource: ['opportunity'], operation: ['updateStatus'] };

/**
 * Update Status: `PUT /opportunities/{id}/status` (opportunities.json `update-opportunity-status`, body
 * `UpdateStatusDto`). HighLevel answers `{ succeded: true }`; the output is the opportunity id and its new status.
 */
export const option: INodePropertyOptions = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update the status of an opportunity',
	description: 'Mark an opportunity open, won, lost or abandoned',
	routing: routeTo({
		endpoint: ENDPOINTS.updateOpportunityStatus,
		pathParameters: { id: 'opportunityId' },
		output() {
			return [
				{
					id: this.getNodeParameter('opportunityId', '', { extractValue: true }),
					status: this.getNodeParameter('status'),
				},
			];
		},
	}),
};

export const description: INodeProperties[] = [
	opportunityLocator(show),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUS_OPTIONS,
		default: 'won',
		required: true,
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'status' } },
	},
];
