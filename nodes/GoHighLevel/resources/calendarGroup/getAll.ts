import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['calendarGroup'], operation: ['getAll'] };

/** Get Many: `GET /calendars/groups` (calendars.json `get-groups`) → `groups[]`; not paged. */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendar groups',
	description: 'List the calendar groups of the sub-account',
	routing: routeTo({ endpoint: ENDPOINTS.getCalendarGroups, output: limitRecords() }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
