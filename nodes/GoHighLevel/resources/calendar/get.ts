import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { calendarField } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['calendar'], operation: ['get'] };

/** Get: `GET /calendars/{calendarId}` (calendars.json `get-calendar`), root `calendar`. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar',
	description: 'Retrieve a calendar with its settings (slot duration, open hours, team members)',
	routing: routeTo({ endpoint: ENDPOINTS.getCalendar, pathParameters: { calendarId: 'calendarId' } }),
};

export const description: INodeProperties[] = [calendarField('calendarId', show)];
