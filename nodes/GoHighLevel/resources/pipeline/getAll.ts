import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

/**
 * Get Many: `GET /opportunities/pipelines` (opportunities.json `get-pipelines`), one item per pipeline with its
 * `stages` (`id`, `name`, `position`). Not paged (FACTS.md 2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many pipelines',
	description: 'List the location\'s pipelines with their stages',
	routing: routeTo({ endpoint: ENDPOINTS.getPipelines }),
};

export const description: INodeProperties[] = [];
