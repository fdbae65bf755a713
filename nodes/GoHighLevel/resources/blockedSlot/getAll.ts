import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventWindowFields, eventWindowQuery, mergeEvents, splitEventWindow } from '../../shared/calendarFields';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

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
	routing: routeTo({
		endpoint: ENDPOINTS.getBlockedSlots,
		preSend: [eventWindowQuery],
		split: splitEventWindow,
		output: mergeEvents,
		fieldNames: { startTime: 'Start Time', endTime: 'End Time', calendarId: 'Calendar Name or ID', userId: 'User', groupId: 'Calendar Group Name or ID' },
	}),
};

export const description: INodeProperties[] = eventWindowFields(show, 'Blocked slots');
