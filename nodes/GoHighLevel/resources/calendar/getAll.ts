import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { calendarGroupField } from '../../shared/calendarFields';
import { collectionField, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['calendar'], operation: ['getAll'] };

/** Get Many: `GET /calendars/` (calendars.json `get-calendars`), optional `groupId`, `showDrafted`; not paged. */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendars',
	description: 'List the calendars of the sub-account, optionally of one calendar group',
	routing: routeTo({ endpoint: ENDPOINTS.getCalendars, output: limitRecords() }),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		calendarGroupField('groupId', undefined, { routing: { send: { type: 'query', property: 'groupId' } } }),
		{
			displayName: 'Include Drafts',
			name: 'showDrafted',
			type: 'boolean',
			default: true,
			description: 'Whether to include draft (inactive) calendars',
			routing: { send: { type: 'query', property: 'showDrafted' } },
		},
	]),
];
