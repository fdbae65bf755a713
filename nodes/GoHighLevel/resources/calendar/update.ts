import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { requireChanges } from '../../shared/body';
import { calendarField } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { calendarFieldOptions } from './fields';

const show = { resource: ['calendar'], operation: ['update'] };

/** Update: `PUT /calendars/{calendarId}` (calendars.json `update-calendar`, partial `CalendarUpdateDTO`), root `calendar`. */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar',
	description: 'Change the name, slot duration or other settings of a calendar',
	routing: routeTo({
		endpoint: ENDPOINTS.updateCalendar,
		pathParameters: { calendarId: 'calendarId' },
		preSend: [requireChanges('Update Fields')],
	}),
};

export const description: INodeProperties[] = [
	calendarField('calendarId', show),
	collectionField('updateFields', show, calendarFieldOptions('update').map((o) => ({ ...o, routing: { send: { type: 'body', property: o.name } } }))),
];
