import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['campaign'], operation: ['getAll'] };

/**
 * Get Many: `GET /campaigns/?locationId=[&status=]` (campaigns.json `get-campaigns`, scope `campaigns.readonly`),
 * one item per campaign (`id, name, status, locationId`). Not paged: HighLevel answers every campaign at once and
 * Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many campaigns',
	description: 'List the location\'s campaigns, to add contacts to them',
	routing: routeTo({ endpoint: ENDPOINTS.getCampaigns, output: limitRecords() }),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Published', value: 'published' },
		],
		default: 'all',
		displayOptions: { show },
		description: 'Only campaigns with this status',
		// `all` sends no status (an empty value is dropped, shared/body.ts).
		routing: { send: { type: 'query', property: 'status', value: '={{ $value === "all" ? "" : $value }}' } },
	},
];
