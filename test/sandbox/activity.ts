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

/** A calendar (calendars.json `CalendarDTO`, subset). */
export interface CalendarRecord {
	id: string;
	locationId: string;
	name: string;
	isActive: boolean;
	calendarType: string;
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
}

/** Everything this module keeps for one location. */
export interface ActivityData {
	calendars: CalendarRecord[];
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

/** The extra resources of a location, created (with its one calendar) on first use. */
export function activityOf(location: LocationData): ActivityData {
	let data = byLocation.get(location);
	if (!data) {
		data = {
			calendars: [
				{
					id: defaultCalendarId(location.id),
					locationId: location.id,
					name: 'Sales Calls',
					isActive: true,
					calendarType: 'event',
				},
			],
			// Tracked: every change emits HighLevel's webhook events (webhooks.ts EVENT_RULES).
			appointments: new TrackedMap('appointments', location),
			tasks: new TrackedMap('tasks', location),
			// The generic record store's map (records.ts; notes are registered in tasks.ts).
			notes: recordsOf(location, 'notes') as unknown as Map<string, NoteRecord>,
			conversations: new Map(),
			messages: new TrackedMap('messages', location),
		};
		byLocation.set(location, data);
	}
	return data;
}
