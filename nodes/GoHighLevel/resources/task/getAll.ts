import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['task'], operation: ['getAll'] };

/**
 * Get Many: `GET /contacts/{contactId}/tasks` (contacts.json `get-all-tasks`), root `tasks`. Not paged
 * (FACTS.md 2.14): HighLevel answers every task of the contact at once and Limit keeps the first ones.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tasks of a contact',
	description: 'List the tasks of a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.getContactTasks,
		pathParameters: { contactId: 'contactId' },
		output: limitRecords(),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), ...returnAllOrLimit(show)];
