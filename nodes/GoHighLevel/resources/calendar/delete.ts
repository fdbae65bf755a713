import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { calendarField } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['calendar'], operation: ['delete'] };

/** Delete: `DELETE /calendars/{calendarId}` (calendars.json `delete-calendar`) → `{ success: true }`. */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar',
	description: 'Delete a calendar',
	routing: routeTo({ endpoint: ENDPOINTS.deleteCalendar, pathParameters: { calendarId: 'calendarId' } }),
};

export const description: INodeProperties[] = [calendarField('calendarId', show)];
