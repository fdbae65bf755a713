import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventWindowFields, eventWindowRouting } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';

const show = { resource: ['blockedSlot'], operation: ['getAll'] };

/**
 * Get Many: `GET /calendars/blocked-slots` (calendars.json `get-blocked-slots`) of a calendar, user or group starting in
 * a window (epoch ms); long windows are split and merged like Appointment → Get Many.
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many blocked slots',
	description: 'List the blocked slots of a calendar, user or calendar group starting between two times',
	routing: eventWindowRouting(ENDPOINTS.getBlockedSlots),
};

export const description: INodeProperties[] = eventWindowFields(show, 'Blocked slots');
