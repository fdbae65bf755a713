import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { calendarField, timeZoneOption, zonedRangeFields } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { blockedSlotBody } from './fields';

const show = { resource: ['blockedSlot'], operation: ['create'] };

/** Create: `POST /calendars/events/block-slots` (calendars.json `create-block-slot`) → 201, the flat blocked slot. */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Block time in a calendar',
	description: 'Block a time range in a calendar so that nothing can be booked in it',
	routing: routeTo({
		endpoint: ENDPOINTS.createBlockedSlot,
		preSend: [blockedSlotBody('create')],
		fieldNames: { calendarId: 'Calendar Name or ID', startTime: 'Start Time', endTime: 'End Time' },
	}),
};

export const description: INodeProperties[] = [
	calendarField('calendarId', show),
	...zonedRangeFields({ show }),
	collectionField('additionalFields', show, [{ ...timeZoneOption }, { displayName: 'Title', name: 'title', type: 'string', default: '' }]),
];
