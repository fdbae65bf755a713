import type { INodeProperties } from 'n8n-workflow';

import { calendarGroupField } from '../../shared/calendarFields';

const UNIT_OPTIONS = [
	{ name: 'Minutes', value: 'mins' },
	{ name: 'Hours', value: 'hours' },
];

/**
 * Calendar properties of Create (Additional Fields) and Update (Update Fields), calendars.json `CalendarCreateDTO` /
 * `CalendarUpdateDTO`; each is sent under its own name. `create` adds the calendar type, which cannot change later.
 */
export function calendarFieldOptions(mode: 'create' | 'update'): INodeProperties[] {
	const options: INodeProperties[] = [
		{ displayName: 'Allow Cancellation', name: 'allowCancellation', type: 'boolean', default: true, description: 'Whether contacts may cancel their booking' },
		{ displayName: 'Allow Reschedule', name: 'allowReschedule', type: 'boolean', default: true, description: 'Whether contacts may reschedule their booking' },
		{ displayName: 'Auto Confirm', name: 'autoConfirm', type: 'boolean', default: true, description: 'Whether new bookings are confirmed automatically' },
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Event Color', name: 'eventColor', type: 'color', default: '' },
		{ displayName: 'Event Title', name: 'eventTitle', type: 'string', default: '', description: 'Title of the appointments booked in this calendar, e.g. {{contact.name}} call' },
		calendarGroupField('groupId', undefined),
		{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the calendar is active (false: draft)' },
		...(mode === 'update' ? [{ displayName: 'Name', name: 'name', type: 'string' as const, default: '' }] : []),
		{ displayName: 'Slot Duration', name: 'slotDuration', type: 'number', typeOptions: { minValue: 1 }, default: 30, description: 'Length of an appointment, in Slot Duration Unit' },
		{ displayName: 'Slot Duration Unit', name: 'slotDurationUnit', type: 'options', options: UNIT_OPTIONS, default: 'mins' },
		{ displayName: 'Slot Interval', name: 'slotInterval', type: 'number', typeOptions: { minValue: 1 }, default: 30, description: 'Time between the starts of two bookable slots, in Slot Interval Unit' },
		{ displayName: 'Slot Interval Unit', name: 'slotIntervalUnit', type: 'options', options: UNIT_OPTIONS, default: 'mins' },
		{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'URL slug of the booking widget' },
	];
	if (mode === 'create') {
		options.splice(0, 0, {
			displayName: 'Calendar Type',
			name: 'calendarType',
			type: 'options',
			options: [
				{ name: 'Class Booking', value: 'class_booking' },
				{ name: 'Collective', value: 'collective' },
				{ name: 'Event', value: 'event' },
				{ name: 'Personal', value: 'personal' },
				{ name: 'Round Robin', value: 'round_robin' },
				{ name: 'Service Booking', value: 'service_booking' },
			],
			default: 'event',
			description: 'Round Robin, Collective, Class and Service calendars also need team members, set in HighLevel',
		});
	}
	return options;
}
