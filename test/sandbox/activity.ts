/**
 * State of the resources beyond contacts and opportunities: calendars and appointments (calendars.json), tasks and
 * notes on contacts (contacts.json, locations.json task search), conversations and messages (conversations.json).
 *
 * Kept per {@link LocationData} in a WeakMap, so a reset (which re-creates every location) starts them empty.
 * Each location gets one calendar ("Sales Calls") with an id derived from the location id, so it is the same on
 * every run. Records are stored in the shape HighLevel returns them; dates are ISO 8601 strings.
 */
import { createRng, randomId } from './random';
import { recordsOf } from './records';
import { TrackedMap, type LocationData } from './store';

/**
 * A calendar (calendars.json `CalendarDTO`, subset; other `CalendarCreateDTO` fields are kept as sent). Open hours
 * are wall-clock times in the location's time zone; `slotDuration`/`slotInterval` in `mins` or `hours`.
 */
export interface CalendarRecord {
	id: string;
	locationId: string;
	name: string;
	isActive: boolean;
	calendarType: string;
	groupId?: string;
	slotDuration?: number;
	slotDurationUnit?: 'mins' | 'hours';
	slotInterval?: number;
	slotIntervalUnit?: 'mins' | 'hours';
	openHours?: Array<{
		daysOfTheWeek: number[];
		hours: Array<{ openHour: number; openMinute: number; closeHour: number; closeMinute: number }>;
	}>;
	[key: string]: unknown;
}

/** A calendar group (calendars.json `GroupDTO`). */
export interface CalendarGroupRecord {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive: boolean;
}

/** An appointment (calendars.json `CalendarEventDTO` / `AppointmentSchemaResponse`). */
export interface AppointmentRecord {
	id: string;
	locationId: string;
	calendarId: string;
	contactId: string;
	title: string;
	appointmentStatus: string;
	assignedUserId?: string;
	address?: string;
	notes?: string;
	/** ISO 8601. */
	startTime: string;
	/** ISO 8601. */
	endTime: string;
	dateAdded: string;
	dateUpdated: string;
}

/** A task on a contact (contacts.json `TaskSchema` plus `dateAdded`, which the TaskCreate webhook carries). */
export interface TaskRecord {
	id: string;
	locationId: string;
	contactId: string;
	title: string;
	body?: string;
	assignedTo?: string;
	dueDate: string;
	completed: boolean;
	dateAdded: string;
}

/** A note on a contact (contacts.json `GetNoteSchema`). */
export interface NoteRecord {
	id: string;
	contactId: string;
	body: string;
	userId?: string;
	title?: string;
	color?: string;
	pinned?: boolean;
	dateAdded: string;
}

/** A conversation (conversations.json `ConversationSchema`, subset). */
export interface ConversationRecord {
	id: string;
	locationId: string;
	contactId: string;
	dateAdded: string;
	dateUpdated: string;
	lastMessageDate?: number;
	unreadCount: number;
	/** Set by messages (conversations.ts): body and `messageType` of the latest one. */
	lastMessageBody?: string;
	lastMessageType?: string;
	starred?: boolean;
	assignedTo?: string;
}

/** A message (conversations.json `GetMessageResponseDto`). */
export interface MessageRecord {
	id: string;
	/** Numeric message type (1 = SMS … in HighLevel's numbering; the sandbox uses the position in its list). */
	type: number;
	/** `TYPE_SMS`, `TYPE_EMAIL`, `TYPE_CALL`, … */
	messageType: string;
	locationId: string;
	contactId: string;
	conversationId: string;
	dateAdded: string;
	body?: string;
	direction: 'inbound' | 'outbound';
	status?: string;
	contentType: string;
	attachments: string[];
	conversationProviderId?: string;
	userId?: string;
	source?: string;
	/** E-mails (send-a-new-message, conversations.ts): the e-mail's own id and headers. */
	emailMessageId?: string;
	subject?: string;
	from?: string;
	to?: string[];
	cc?: string[];
	bcc?: string[];
	threadId?: string;
	replyToMessageId?: string;
	/** Scheduled sends: when (UTC seconds, `scheduledTimestamp`); status `scheduled` until cancelled. */
	scheduledTimestamp?: number;
	/** Calls logged by add-an-outbound-message / add-an-inbound-message. */
	meta?: Record<string, unknown>;
	altId?: string;
}

/** Everything this module keeps for one location. */
export interface ActivityData {
	/** The record store's `calendars` (records.ts), seeded with "Sales Calls". */
	calendars: Map<string, CalendarRecord>;
	/** The record store's `calendarGroups`, seeded with "Sales Team" (holding "Sales Calls"). */
	calendarGroups: Map<string, CalendarGroupRecord>;
	appointments: Map<string, AppointmentRecord>;
	tasks: Map<string, TaskRecord>;
	notes: Map<string, NoteRecord>;
	conversations: Map<string, ConversationRecord>;
	messages: Map<string, MessageRecord>;
}

const byLocation = new WeakMap<LocationData, ActivityData>();

/** The id of the seeded calendar of a location (stable across runs). */
export function defaultCalendarId(locationId: string): string {
	return randomId(createRng(`calendar:${locationId}`));
}

/** The id of the seeded calendar group of a location (stable across runs). */
export function defaultCalendarGroupId(locationId: string): string {
	return randomId(createRng(`calendar-group:${locationId}`));
}

/** The extra resources of a location, created (with its one calendar and group) on first use. */
export function activityOf(location: LocationData): ActivityData {
	let data = byLocation.get(location);
	if (!data) {
		const groupId = defaultCalendarGroupId(location.id);
		const calendars = recordsOf(location, 'calendars') as unknown as Map<string, CalendarRecord>;
		const calendarGroups = recordsOf(location, 'calendarGroups') as unknown as Map<string, CalendarGroupRecord>;
		calendarGroups.set(groupId, {
			id: groupId,
			locationId: location.id,
			name: 'Sales Team',
			description: 'Calls with the sales team',
			slug: 'sales-team',
			isActive: true,
		});
		// 30-minute slots every 30 minutes, Monday to Friday 09:00–17:00 in the location's time zone.
		calendars.set(defaultCalendarId(location.id), {
			id: defaultCalendarId(location.id),
			locationId: location.id,
			name: 'Sales Calls',
			isActive: true,
			calendarType: 'event',
			groupId,
			slotDuration: 30,
			slotDurationUnit: 'mins',
			slotInterval: 30,
			slotIntervalUnit: 'mins',
			openHours: [
				{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] },
			],
		});
		data = {
			calendars,
			calendarGroups,
			// Tracked: every change emits HighLevel's webhook events (webhooks.ts EVENT_RULES).
			appointments: new TrackedMap('appointments', location),
			// The generic record store's maps (records.ts; notes and tasks are registered in tasks.ts).
			tasks: recordsOf(location, 'tasks') as unknown as Map<string, TaskRecord>,
			notes: recordsOf(location, 'notes') as unknown as Map<string, NoteRecord>,
			conversations: new Map(),
			messages: new TrackedMap('messages', location),
		};
		byLocation.set(location, data);
	}
	return data;
}
