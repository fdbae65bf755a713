import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { calendarField, timeZoneOption, ZONED_TIME_HINT } from '../../shared/calendarFields';
import { requireChanges } from '../../shared/body';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { blockedSlotBody, blockedSlotIdField } from './fields';

const show = { resource: ['blockedSlot'], operation: ['update'] };

/**
 * Update: `PUT /calendars/events/block-slots/{eventId}` (calendars.json `edit-block-slot`; body requires `calendarId`
 * and `locationId`) → 201, the flat blocked slot.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a blocked slot',
	description: 'Move a blocked slot or change its title',
	routing: routeTo({
		endpoint: ENDPOINTS.updateBlockedSlot,
		pathParameters: { eventId: 'blockedSlotId' },
		preSend: [blockedSlotBody('update'), requireChanges('Update Fields', ['calendarId', 'locationId'])],
		fieldNames: { calendarId: 'Calendar Name or ID', startTime: 'Update Fields → Start Time', endTime: 'Update Fields → End Time' },
	}),
};

export const description: INodeProperties[] = [
	blockedSlotIdField(show),
	calendarField('calendarId', show, { description: 'The calendar of the blocked slot (HighLevel requires it). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
	collectionField('updateFields', show, [
		{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', description: 'New end (together with Start Time)', hint: ZONED_TIME_HINT },
		{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '', description: 'New start (together with End Time)', hint: ZONED_TIME_HINT },
		{ ...timeZoneOption },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	]),
];
