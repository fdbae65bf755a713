import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['triggerLink'], operation: ['getAll'] };

/**
 * Get Many: `GET /links/?locationId=` (links.json `get-links`, scope `links.readonly`), one item per trigger link
 * (`id, name, redirectTo, fieldKey, locationId`). Not paged: HighLevel answers every link at once and Limit keeps
 * the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many trigger links',
	description: 'List the location\'s trigger links, with the merge field that puts each in a message',
	routing: routeTo({ endpoint: ENDPOINTS.getTriggerLinks, output: limitRecords() }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
