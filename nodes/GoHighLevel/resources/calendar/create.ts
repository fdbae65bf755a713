import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { calendarFieldOptions } from './fields';

const show = { resource: ['calendar'], operation: ['create'] };

/** Create: `POST /calendars/` (calendars.json `create-calendar`, body `CalendarCreateDTO`), root `calendar`. */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar',
	description: 'Create a calendar in the sub-account',
	routing: routeTo({ endpoint: ENDPOINTS.createCalendar }),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'name' } },
	},
	collectionField('additionalFields', show, calendarFieldOptions('create').map((o) => ({ ...o, routing: { send: { type: 'body', property: o.name } } }))),
];
