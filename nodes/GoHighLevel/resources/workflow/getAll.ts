import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['workflow'], operation: ['getAll'] };

/**
 * Get Many: `GET /workflows/?locationId=` (workflows.json `get-workflow`, scope `workflows.readonly`), one item
 * per workflow (`id, name, status, version, createdAt, updatedAt, locationId`). Not paged (FACTS.md 2.5):
 * HighLevel answers every workflow at once and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many workflows',
	description: 'List the location\'s workflows, to enrol contacts in them',
	routing: routeTo({ endpoint: ENDPOINTS.getWorkflows, output: limitRecords() }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
