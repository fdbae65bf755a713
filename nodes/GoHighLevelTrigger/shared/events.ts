/**
 * The catalogue of HighLevel's official webhook events and the pure helpers the webhook trigger uses to
 * recognise, filter and describe an incoming payload.
 *
 * Sources (see FACTS.md section 5):
 * - one documentation page per event in the official docs repository (`docs/webhook events/<Event>.md`,
 *   GoHighLevel/highlevel-api-docs, CC0), 58 pages; their example payloads are copied in
 *   `test/GoHighLevelTrigger/fixtures/event-examples.json`;
 * - the docs' `toc.json`, which also lists ExternalAuthConnected (no page);
 * - the live page marketplace.gohighlevel.com/docs/webhook/VoiceAiCallEnd (not in the repository);
 * - the "Webhook Events" column of `docs/oauth/Scopes.md` for the scope each event needs (FACTS.md 5.1).
 *   Scopes not stated there are the most plausible scope of the matching API (from the OpenAPI specs'
 *   security sections) and are flagged `scopeVerified: false`.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

/** Display groups, in the order the event picker shows them (after the two featured events). */
export const EVENT_GROUPS = [
	'Contacts',
	'Notes',
	'Tasks',
	'Opportunities',
	'Appointments',
	'Conversations',
	'Campaigns',
	'Invoices',
	'Orders',
	'Products & Prices',
	'Locations & Users',
	'Custom Objects',
	'Voice AI',
	'App lifecycle',
] as const;

/** One of {@link EVENT_GROUPS}. */
export type EventGroup = (typeof EVENT_GROUPS)[number];

/**
 * Which HighLevel record the trigger's "include full record" option can fetch for an event:
 * `contact` (GET /contacts/{id}), `opportunity` (GET /opportunities/{id}), `appointment`
 * (GET /calendars/events/appointments/{id}), or `none`. Delete events are `none` because the record is gone.
 */
export type RecordKind = 'contact' | 'opportunity' | 'appointment' | 'none';

/** Where an event is documented. */
export type EventSource = 'repo-doc' | 'toc-only' | 'live-doc';

/** One official webhook event. Paths are dot-separated property paths into the JSON payload. */
export interface WebhookEventDefinition {
	/** The event's name in HighLevel's docs and app settings, e.g. `ContactCreate`. */
	event: string;
	/** Short human label, e.g. `Contact Created`. */
	label: string;
	/** What the event means, after the doc page's first sentence. */
	description: string;
	group: EventGroup;
	/**
	 * The value of the payload's top-level `type` that identifies this event (e.g. `INSTALL` for AppInstall,
	 * `ConversationUnreadUpdate` for ConversationUnreadWebhook), or `undefined` when the documented payload
	 * carries no identifying `type`.
	 */
	type: string | undefined;
	/** True when the documented example payload carries `type` naming the event. */
	typeInPayload: boolean;
	/** For events without an identifying `type`: how {@link candidateEventsOfPayload} recognises the payload. */
	detection?: string;
	/** The OAuth scope an app needs to receive the event; `null` when none is known to be needed. */
	scope: string | null;
	/** True when `scope` is stated by HighLevel (Scopes.md or the event's live page). */
	scopeVerified: boolean;
	/**
	 * Paths tried in order for the sub-account (location) id. The special path `altId` only counts when the
	 * payload's `altType` is `location` (payments and invoices use `altId`/`altType`).
	 */
	locationIdPaths: string[];
	/** Path of the id of the record the event is about; `undefined` when there is none (e.g. AppInstall). */
	recordIdPath?: string;
	/** Path of the related contact's id, when the payload has one. */
	contactIdPath?: string;
	recordKind: RecordKind;
	source: EventSource;
	/** Documentation quirks worth knowing when handling the event. */
	notes?: string;
}

/** Fields that default in {@link defineEvent}. */
type EventInput = Omit<
	WebhookEventDefinition,
	'type' | 'typeInPayload' | 'locationIdPaths' | 'source' | 'recordKind'
> &
	Partial<
		Pick<
			WebhookEventDefinition,
			'type' | 'typeInPayload' | 'locationIdPaths' | 'source' | 'recordKind'
		>
	>;

/** Fills the common defaults: `type` = event name, sent in the payload, `locationId` path, documented in the repo. */
function defineEvent(input: EventInput): WebhookEventDefinition {
	return {
		type: input.event,
		typeInPayload: true,
		locationIdPaths: ['locationId'],
		source: 'repo-doc',
		recordKind: 'none',
		...input,
	};
}

const TYPELESS_INVOICE =
	'No `type` in the documented payload: an object with `_id` plus `invoiceNumber` or `invoiceItems` is one of the seven Invoice events; which one cannot be told from the payload.';
const TYPELESS_PRODUCT =
	'No `type` in the documented payload: an object with `_id` plus `productType` or `availableInStore` (and no `product`) is one of ProductCreate/ProductUpdate/ProductDelete.';
const TYPELESS_PRICE =
	'No identifying `type` (PriceUpdate/PriceDelete examples use `type` for the price type, e.g. `one_time`): an object with `_id`, a `product` id and `amount` or `currency` is one of PriceCreate/PriceUpdate/PriceDelete.';
const TYPELESS_SCHEMA =
	'No `type` in the documented payload: an object with a `labels` object plus `primaryDisplayProperty` or `searchableProperties` is ObjectSchemaCreate or ObjectSchemaUpdate.';
const TYPELESS_RECORD =
	'The schema lists `type` but the examples have none: an object with a `properties` array plus `owners` or `followers` is one of RecordCreate/RecordUpdate/RecordDelete.';
const TYPELESS_RELATION =
	'No `type` in the documented payload: an object with `firstRecordId` and `secondRecordId` is RelationCreate or RelationDelete.';
const TYPELESS_ASSOCIATION =
	'No `type` in the documented payload: an object with `associationType`, or with `firstObjectKey` and `key` but no `firstRecordId`, is one of the Association events.';

/**
 * All official webhook events (FACTS.md 5.1): the 58 documented in `docs/webhook events/`, ExternalAuthConnected
 * (listed in toc.json without a page) and VoiceAiCallEnd (live docs only).
 */
export const WEBHOOK_EVENTS: readonly WebhookEventDefinition[] = [
	// Contacts — scope column of Scopes.md: contacts.readonly → ContactCreate, ContactDelete, ContactDndUpdate, ContactTagUpdate.
	...(
		[
			['ContactCreate', 'Contact Created', 'A contact is created.', true, 'contact'],
			[
				'ContactUpdate',
				'Contact Updated',
				'Specific fields of a contact are updated.',
				false,
				'contact',
			],
			['ContactDelete', 'Contact Deleted', 'A contact is deleted.', true, 'none'],
			[
				'ContactTagUpdate',
				'Contact Tags Updated',
				"A contact's tags are updated.",
				true,
				'contact',
			],
			[
				'ContactDndUpdate',
				'Contact DND Updated',
				"A contact's Do Not Disturb settings are updated.",
				true,
				'contact',
			],
		] as const
	).map(([event, label, description, scopeVerified, recordKind]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Contacts',
			scope: 'contacts.readonly',
			scopeVerified,
			recordIdPath: 'id',
			contactIdPath: 'id',
			recordKind,
		}),
	),
	// Notes — Scopes.md: contacts.readonly → NoteCreate, NoteDelete.
	...(
		[
			['NoteCreate', 'Note Created', 'A note is added to a contact.', true],
			['NoteUpdate', 'Note Updated', 'A note is updated.', false],
			['NoteDelete', 'Note Deleted', 'A note is deleted.', true],
		] as const
	).map(([event, label, description, scopeVerified]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Notes',
			scope: 'contacts.readonly',
			scopeVerified,
			recordIdPath: 'id',
			contactIdPath: 'contactId',
		}),
	),
	// Tasks — Scopes.md: contacts.readonly → TaskCreate, TaskDelete.
	...(
		[
			['TaskCreate', 'Task Created', 'A task is created.', true],
			['TaskComplete', 'Task Completed', 'A task is completed.', false],
			['TaskDelete', 'Task Deleted', 'A task is deleted.', true],
		] as const
	).map(([event, label, description, scopeVerified]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Tasks',
			scope: 'contacts.readonly',
			scopeVerified,
			recordIdPath: 'id',
			contactIdPath: 'contactId',
		}),
	),
	// Opportunities — Scopes.md: opportunities.readonly → OpportunityCreate, OpportunityDelete,
	// OpportunityStageUpdate, OpportunityStatusUpdate, OpportunityMonetaryValueUpdate.
	...(
		[
			[
				'OpportunityCreate',
				'Opportunity Created',
				'An opportunity is created.',
				true,
				'opportunity',
			],
			[
				'OpportunityUpdate',
				'Opportunity Updated',
				'An opportunity is updated.',
				false,
				'opportunity',
			],
			['OpportunityDelete', 'Opportunity Deleted', 'An opportunity is deleted.', true, 'none'],
			[
				'OpportunityStageUpdate',
				'Opportunity Stage Changed',
				"An opportunity's pipeline stage changes.",
				true,
				'opportunity',
			],
			[
				'OpportunityStatusUpdate',
				'Opportunity Status Changed',
				"An opportunity's status (open, won, lost, abandoned) changes.",
				true,
				'opportunity',
			],
			[
				'OpportunityMonetaryValueUpdate',
				'Opportunity Value Changed',
				"An opportunity's monetary value changes.",
				true,
				'opportunity',
			],
			[
				'OpportunityAssignedToUpdate',
				'Opportunity Reassigned',
				"An opportunity's assigned user changes.",
				false,
				'opportunity',
			],
		] as const
	).map(([event, label, description, scopeVerified, recordKind]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Opportunities',
			scope: 'opportunities.readonly',
			scopeVerified,
			recordIdPath: 'id',
			contactIdPath: 'contactId',
			recordKind,
		}),
	),
	// Appointments — not in Scopes.md; calendars/events.readonly guards GET /calendars/events/appointments/{eventId}.
	...(
		[
			['AppointmentCreate', 'Appointment Created', 'An appointment is booked.', 'appointment'],
			[
				'AppointmentUpdate',
				'Appointment Updated',
				'An appointment is updated (time, status, assignee…).',
				'appointment',
			],
			['AppointmentDelete', 'Appointment Deleted', 'An appointment is deleted.', 'none'],
		] as const
	).map(([event, label, description, recordKind]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Appointments',
			scope: 'calendars/events.readonly',
			scopeVerified: false,
			locationIdPaths: ['locationId', 'appointment.locationId'],
			recordIdPath: 'appointment.id',
			contactIdPath: 'appointment.contactId',
			recordKind,
			notes:
				event === 'AppointmentCreate'
					? undefined
					: 'The doc example wrongly shows "type": "AppointmentCreate"; the payload `type` is trusted as sent.',
		}),
	),
	// Conversations — Scopes.md: conversations/message.readonly → InboundMessage, OutboundMessage;
	// conversations.readonly → ConversationUnreadWebhook; conversations/message.write → ConversationProviderOutboundMessage.
	defineEvent({
		event: 'InboundMessage',
		label: 'Inbound Message',
		description: 'A contact sends a message (SMS, email, call, voicemail, GMB, FB, IG, live chat).',
		group: 'Conversations',
		scope: 'conversations/message.readonly',
		scopeVerified: true,
		recordIdPath: 'messageId',
		contactIdPath: 'contactId',
		notes:
			'One doc example (inbound call) shows "type": "OutboundMessage" with "direction": "inbound".',
	}),
	defineEvent({
		event: 'OutboundMessage',
		label: 'Outbound Message',
		description:
			'A user sends a message to a contact (SMS, email, call, voicemail, GMB, FB, IG, live chat).',
		group: 'Conversations',
		scope: 'conversations/message.readonly',
		scopeVerified: true,
		recordIdPath: 'messageId',
		contactIdPath: 'contactId',
	}),
	defineEvent({
		event: 'ConversationUnreadWebhook',
		label: 'Conversation Unread Status Changed',
		description: "A conversation's unread status changes.",
		group: 'Conversations',
		type: 'ConversationUnreadUpdate',
		scope: 'conversations.readonly',
		scopeVerified: true,
		recordIdPath: 'id',
		contactIdPath: 'contactId',
	}),
	defineEvent({
		event: 'ProviderOutboundMessage',
		label: 'Custom Provider Outbound Message',
		description:
			'A user sends a message through a custom conversation provider (SMS or email); sent to the provider’s delivery URL.',
		group: 'Conversations',
		type: undefined,
		typeInPayload: false,
		detection:
			'`type` is the channel (`SMS` or `Email`), not the event: an object with `messageId` and `contactId`, no `conversationId` or `direction`, and `message`, `html`, `emailTo` or `phone`.',
		scope: 'conversations/message.write',
		scopeVerified: true,
		recordIdPath: 'messageId',
		contactIdPath: 'contactId',
		notes: 'Scopes.md names this event ConversationProviderOutboundMessage.',
	}),
	defineEvent({
		event: 'LCEmailStats',
		label: 'LC Email Stats',
		description:
			'Delivery statistics of an email sent through LC Email (location-level apps only).',
		group: 'Conversations',
		// Not in Scopes.md; lc-email.readonly is the scope of the LC Email API (email-isv spec, v3).
		scope: 'lc-email.readonly',
		scopeVerified: false,
		recordIdPath: 'webhookPayload.id',
	}),
	// Campaigns — Scopes.md: campaigns.readonly → CampaignStatusUpdate.
	defineEvent({
		event: 'CampaignStatusUpdate',
		label: 'Campaign Status Updated',
		description: "A contact's campaign status is updated.",
		group: 'Campaigns',
		scope: 'campaigns.readonly',
		scopeVerified: true,
		recordIdPath: 'id',
		contactIdPath: 'contactId',
	}),
	// Invoices — not in Scopes.md; invoices.readonly guards GET /invoices/{invoiceId} (invoices.json).
	...(
		[
			['InvoiceCreate', 'Invoice Created', 'An invoice is created.'],
			['InvoiceUpdate', 'Invoice Updated', 'An invoice is updated.'],
			['InvoiceDelete', 'Invoice Deleted', 'An invoice is deleted.'],
			['InvoiceSent', 'Invoice Sent', 'An invoice is sent.'],
			['InvoicePaid', 'Invoice Paid', 'An invoice is paid in full.'],
			['InvoicePartiallyPaid', 'Invoice Partially Paid', 'An invoice is partially paid.'],
			['InvoiceVoid', 'Invoice Voided', 'An invoice is marked as void.'],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Invoices',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_INVOICE,
			scope: 'invoices.readonly',
			scopeVerified: false,
			locationIdPaths: ['altId', 'locationId'],
			recordIdPath: '_id',
			contactIdPath: 'contactDetails.id',
		}),
	),
	// Orders — not in Scopes.md; payments/orders.readonly guards GET /payments/orders (payments.json).
	...(
		[
			['OrderCreate', 'Order Created', 'An order is created.'],
			['OrderStatusUpdate', 'Order Status Updated', "An order's status changes."],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Orders',
			scope: 'payments/orders.readonly',
			scopeVerified: false,
			locationIdPaths: ['locationId', 'altId'],
			recordIdPath: '_id',
			contactIdPath: 'contactId',
		}),
	),
	// Products & prices — not in Scopes.md; products.readonly / products/prices.readonly (products.json).
	...(
		[
			['ProductCreate', 'Product Created', 'A product is created.'],
			['ProductUpdate', 'Product Updated', 'A product is updated.'],
			['ProductDelete', 'Product Deleted', 'A product is deleted.'],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Products & Prices',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_PRODUCT,
			scope: 'products.readonly',
			scopeVerified: false,
			recordIdPath: '_id',
		}),
	),
	...(
		[
			['PriceCreate', 'Price Created', 'A price is created for a product.'],
			['PriceUpdate', 'Price Updated', 'A price is updated.'],
			['PriceDelete', 'Price Deleted', 'A price is deleted.'],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Products & Prices',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_PRICE,
			scope: 'products/prices.readonly',
			scopeVerified: false,
			recordIdPath: '_id',
		}),
	),
	// Locations & users — Scopes.md: locations.readonly → LocationCreate, LocationUpdate. UserCreate is not in
	// Scopes.md; users.readonly guards GET /users/ (users.json).
	defineEvent({
		event: 'LocationCreate',
		label: 'Sub-Account Created',
		description: 'A sub-account (location) is created (agency-level apps only).',
		group: 'Locations & Users',
		scope: 'locations.readonly',
		scopeVerified: true,
		locationIdPaths: ['id'],
		recordIdPath: 'id',
	}),
	defineEvent({
		event: 'LocationUpdate',
		label: 'Sub-Account Updated',
		description: 'A sub-account (location) is updated (agency-level apps).',
		group: 'Locations & Users',
		scope: 'locations.readonly',
		scopeVerified: true,
		locationIdPaths: ['id'],
		recordIdPath: 'id',
	}),
	defineEvent({
		event: 'UserCreate',
		label: 'User Created',
		description: 'A user is created in a sub-account or the agency.',
		group: 'Locations & Users',
		scope: 'users.readonly',
		scopeVerified: false,
		recordIdPath: 'id',
		notes: 'Agency users carry `companyId` and a `locations` array instead of `locationId`.',
	}),
	// Custom objects — not in Scopes.md; scopes of objects.json (objects/schema.readonly, objects/record.readonly)
	// and associations.json (associations.readonly, associations/relation.readonly).
	...(
		[
			['ObjectSchemaCreate', 'Custom Object Created', 'A custom object (schema) is created.'],
			['ObjectSchemaUpdate', 'Custom Object Updated', 'A custom object (schema) is updated.'],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Custom Objects',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_SCHEMA,
			scope: 'objects/schema.readonly',
			scopeVerified: false,
			recordIdPath: 'id',
		}),
	),
	...(
		[
			[
				'RecordCreate',
				'Custom Object Record Created',
				'A custom object record or business is created.',
			],
			[
				'RecordUpdate',
				'Custom Object Record Updated',
				'A custom object record or business is updated.',
			],
			[
				'RecordDelete',
				'Custom Object Record Deleted',
				'A custom object record or business is deleted.',
			],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Custom Objects',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_RECORD,
			scope: 'objects/record.readonly',
			scopeVerified: false,
			recordIdPath: 'id',
		}),
	),
	...(
		[
			['RelationCreate', 'Relation Created', 'Two records are linked through an association.'],
			['RelationDelete', 'Relation Deleted', 'A link between two records is removed.'],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Custom Objects',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_RELATION,
			scope: 'associations/relation.readonly',
			scopeVerified: false,
			recordIdPath: 'id',
		}),
	),
	...(
		[
			[
				'AssociationCreate',
				'Association Created',
				'An association (link type between objects) is created.',
			],
			[
				'AssociationUpdate',
				'Association Updated',
				'An association (link type between objects) is updated.',
			],
			[
				'AssociationDelete',
				'Association Deleted',
				'An association (link type between objects) is deleted.',
			],
		] as const
	).map(([event, label, description]) =>
		defineEvent({
			event,
			label,
			description,
			group: 'Custom Objects',
			type: undefined,
			typeInPayload: false,
			detection: TYPELESS_ASSOCIATION,
			scope: 'associations.readonly',
			scopeVerified: false,
			recordIdPath: 'id',
		}),
	),
	// Voice AI — live page marketplace.gohighlevel.com/docs/webhook/VoiceAiCallEnd: "Requires scope: voice-ai-dashboard.readonly".
	defineEvent({
		event: 'VoiceAiCallEnd',
		label: 'Voice AI Call Ended',
		description: 'A Voice AI call ends (summary, transcript, extracted data, executed actions).',
		group: 'Voice AI',
		type: undefined,
		typeInPayload: false,
		detection:
			'The live doc schema has no `type`: an object with `agentId` plus `transcript`, `summary` or `executedCallActions`.',
		scope: 'voice-ai-dashboard.readonly',
		scopeVerified: true,
		recordIdPath: 'id',
		contactIdPath: 'contactId',
		source: 'live-doc',
	}),
	// App lifecycle — INSTALL/UNINSTALL go to the app's default webhook URL (SDK README, FACTS.md 5.3); no scope
	// is documented for them.
	defineEvent({
		event: 'AppInstall',
		label: 'App Installed',
		description: 'The app is installed on a sub-account or an agency.',
		group: 'App lifecycle',
		type: 'INSTALL',
		scope: null,
		scopeVerified: false,
		notes: 'Agency-level installs carry `companyId` and no `locationId`.',
	}),
	defineEvent({
		event: 'AppUninstall',
		label: 'App Uninstalled',
		description: 'The app is uninstalled from a sub-account or an agency.',
		group: 'App lifecycle',
		type: 'UNINSTALL',
		scope: null,
		scopeVerified: false,
	}),
	defineEvent({
		event: 'PlanChange',
		label: 'App Plan Changed',
		description: 'A user changes the plan of a paid app.',
		group: 'App lifecycle',
		type: 'PLAN_CHANGE',
		scope: null,
		scopeVerified: false,
	}),
	defineEvent({
		event: 'ExternalAuthConnected',
		label: 'External Auth Connected',
		description:
			"A user connects the app's external authentication (listed in HighLevel's docs without a page).",
		group: 'App lifecycle',
		typeInPayload: false,
		detection: 'Undocumented payload: recognised only when `type` is `ExternalAuthConnected`.',
		scope: null,
		scopeVerified: false,
		source: 'toc-only',
	}),
];

const BY_NAME = new Map<string, WebhookEventDefinition>(WEBHOOK_EVENTS.map((e) => [e.event, e]));

/**
 * `type` values that identify an event: every event name (in case HighLevel sends `type` for events whose
 * examples lack it), each event's documented `type` (INSTALL, UNINSTALL, PLAN_CHANGE, ConversationUnreadUpdate),
 * and the Scopes.md spelling ConversationProviderOutboundMessage.
 */
const TYPE_TO_EVENT: ReadonlyMap<string, string> = (() => {
	const map = new Map<string, string>();
	for (const def of WEBHOOK_EVENTS) {
		map.set(def.event, def.event);
		if (def.type !== undefined) map.set(def.type, def.event);
	}
	map.set('ConversationProviderOutboundMessage', 'ProviderOutboundMessage');
	return map;
})();

/** The catalogue entry of an event name, or `undefined` for an unknown name. */
export function getEventDefinition(event: string): WebhookEventDefinition | undefined {
	return BY_NAME.get(event);
}

/** The two events most people start with; shown first in the picker. */
export const FEATURED_EVENTS = ['ContactCreate', 'OpportunityStageUpdate'] as const;

/**
 * The text n8n's node creator lists for an event (the option's `action`): "On " and the label in sentence case,
 * keeping acronyms (`Contact DND Updated` → `On contact DND updated`). Without it the node creator builds
 * "On <option name>" from the whole option name, which repeats the event ("On contact created contact create").
 */
export function eventAction(label: string): string {
	const words = label
		.split(' ')
		.map((word) => (/[A-Z].*[A-Z]/.test(word.replace(/-.*/, '')) ? word : word.toLowerCase()));
	return `On ${words.join(' ')}`;
}

/**
 * Options for the trigger's "Events" multiOptions parameter: ContactCreate and OpportunityStageUpdate first,
 * then the rest by {@link EVENT_GROUPS} order and label. Name `"<label> (<event>)"`, value the event name,
 * `action` the node creator's text ({@link eventAction}), description the event meaning, its group and the scope
 * it needs.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = (() => {
	const groupIndex = (g: EventGroup) => EVENT_GROUPS.indexOf(g);
	const rest = WEBHOOK_EVENTS.filter(
		(e) => !(FEATURED_EVENTS as readonly string[]).includes(e.event),
	).sort(
		(a, b) => groupIndex(a.group) - groupIndex(b.group) || a.label.localeCompare(b.label, 'en'),
	);
	const ordered = [...FEATURED_EVENTS.map((name) => BY_NAME.get(name)!), ...rest];
	return ordered.map((e) => ({
		name: `${e.label} (${e.event})`,
		value: e.event,
		action: eventAction(e.label),
		description: `${e.group}: ${e.description} ${scopeSentence(e)}`,
	}));
})();

function scopeSentence(e: WebhookEventDefinition): string {
	if (e.scope === null) return 'No scope needed.';
	return e.scopeVerified
		? `Needs scope ${e.scope}.`
		: `Needs scope ${e.scope} (probable; not stated in HighLevel's scope table).`;
}

/**
 * The distinct OAuth scopes needed to receive the given events, sorted. Unknown event names and events without
 * a scope contribute nothing. Source: FACTS.md 5.1 / Scopes.md, see each entry's `scopeVerified`.
 */
export function scopesForEvents(events: readonly string[]): string[] {
	const scopes = new Set<string>();
	for (const name of events) {
		const scope = BY_NAME.get(name)?.scope;
		if (scope) scopes.add(scope);
	}
	return [...scopes].sort();
}

/**
 * The scopes from {@link scopesForEvents} that are not granted. `grantedScopes` is either the token's
 * space-separated `scope` string (as the OAuth token endpoint returns it, FACTS.md 3.2) or an array.
 * A `.write` scope is not assumed to imply the matching `.readonly` one.
 */
export function missingScopes(
	events: readonly string[],
	grantedScopes: readonly string[] | string | undefined,
): string[] {
	const granted = new Set(
		(typeof grantedScopes === 'string'
			? grantedScopes.split(/[\s,]+/)
			: (grantedScopes ?? [])
		).filter(Boolean),
	);
	return scopesForEvents(events).filter((s) => !granted.has(s));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dot-separated path (`appointment.id`) from a JSON value; `undefined` when any step is missing. */
export function getPath(payload: unknown, path: string): unknown {
	let current: unknown = payload;
	for (const key of path.split('.')) {
		if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
		current = current[key];
	}
	return current;
}

function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const FAMILIES: Array<{ events: string[]; test: (p: Record<string, unknown>) => boolean }> = [
	{
		events: ['ProviderOutboundMessage'],
		test: (p) =>
			typeof p.messageId === 'string' &&
			typeof p.contactId === 'string' &&
			!('conversationId' in p) &&
			!('direction' in p) &&
			('message' in p || 'html' in p || 'emailTo' in p || 'phone' in p),
	},
	{
		events: ['PriceCreate', 'PriceUpdate', 'PriceDelete'],
		test: (p) => '_id' in p && typeof p.product === 'string' && ('amount' in p || 'currency' in p),
	},
	{
		events: ['ProductCreate', 'ProductUpdate', 'ProductDelete'],
		test: (p) => '_id' in p && !('product' in p) && ('productType' in p || 'availableInStore' in p),
	},
	{
		events: [
			'InvoiceCreate',
			'InvoiceUpdate',
			'InvoiceDelete',
			'InvoiceSent',
			'InvoicePaid',
			'InvoicePartiallyPaid',
			'InvoiceVoid',
		],
		test: (p) => '_id' in p && ('invoiceNumber' in p || Array.isArray(p.invoiceItems)),
	},
	{
		events: ['ObjectSchemaCreate', 'ObjectSchemaUpdate'],
		test: (p) =>
			isRecord(p.labels) && ('primaryDisplayProperty' in p || 'searchableProperties' in p),
	},
	{
		events: ['RelationCreate', 'RelationDelete'],
		test: (p) => 'firstRecordId' in p && 'secondRecordId' in p,
	},
	{
		events: ['AssociationCreate', 'AssociationUpdate', 'AssociationDelete'],
		test: (p) =>
			'associationType' in p || ('firstObjectKey' in p && 'key' in p && !('firstRecordId' in p)),
	},
	{
		events: ['RecordCreate', 'RecordUpdate', 'RecordDelete'],
		test: (p) => Array.isArray(p.properties) && ('owners' in p || 'followers' in p),
	},
	{
		events: ['VoiceAiCallEnd'],
		test: (p) =>
			typeof p.agentId === 'string' &&
			('transcript' in p || 'summary' in p || 'executedCallActions' in p),
	},
];

/**
 * The catalogue events a payload can be. When its top-level `type` names an event (including the aliases
 * INSTALL, UNINSTALL, PLAN_CHANGE, ConversationUnreadUpdate) the answer is that single event — the `type` is
 * trusted as sent, even where a doc example contradicts its page (AppointmentUpdate/Delete examples say
 * `AppointmentCreate`). Otherwise the payload's shape is matched against the documented type-less families
 * (see each entry's `detection`), which can give several events (e.g. the three Record events). Returns `[]`
 * for anything unrecognised, including non-objects. Never throws.
 */
export function candidateEventsOfPayload(payload: unknown): string[] {
	if (!isRecord(payload)) return [];
	const type = payload.type;
	if (typeof type === 'string') {
		const event = TYPE_TO_EVENT.get(type);
		if (event !== undefined) return [event];
	}
	for (const family of FAMILIES) {
		if (family.test(payload)) return [...family.events];
	}
	return [];
}

/**
 * The catalogue event name of a payload, or `undefined` when it cannot be told. With `selectedEvents` (the
 * trigger's chosen events), a type-less payload that fits several events resolves when exactly one of them is
 * selected. Never throws.
 */
export function eventOfPayload(
	payload: unknown,
	selectedEvents?: readonly string[],
): string | undefined {
	const candidates = candidateEventsOfPayload(payload);
	if (candidates.length === 1) return candidates[0];
	if (candidates.length > 1 && selectedEvents) {
		const selected = candidates.filter((c) => selectedEvents.includes(c));
		if (selected.length === 1) return selected[0];
	}
	return undefined;
}

const FALLBACK_LOCATION_PATHS = ['locationId', 'appointment.locationId', 'altId'];

/**
 * The sub-account (location) id a payload belongs to, or `undefined` (agency-level events such as an agency
 * AppInstall or an agency UserCreate have none). Uses the paths of `event` (or of the payload's detected event
 * family) and falls back to `locationId`, `appointment.locationId`, `altId`. `altId` only counts when `altType`
 * is `location`. Never throws.
 */
export function locationOfPayload(payload: unknown, event?: string): string | undefined {
	if (!isRecord(payload)) return undefined;
	const name = event ?? candidateEventsOfPayload(payload)[0];
	const def = name === undefined ? undefined : BY_NAME.get(name);
	for (const path of def?.locationIdPaths ?? FALLBACK_LOCATION_PATHS) {
		if (path === 'altId' && payload.altType !== 'location') continue;
		const value = nonEmptyString(getPath(payload, path));
		if (value !== undefined) return value;
	}
	return undefined;
}

/** What {@link recordRef} returns. */
export interface RecordRef {
	event: string;
	/** The record kind the trigger can fetch in full; `none` when it cannot (see {@link RecordKind}). */
	kind: RecordKind;
	/** The id of the record the event is about, when present in the payload. */
	id: string | undefined;
	/** The related contact's id, when present in the payload. */
	contactId: string | undefined;
}

/**
 * Where the record behind an event is: its kind (for "include full record"), its id and the related contact id,
 * read from the catalogue paths. `undefined` for an unknown event name. A `kind` other than `none` with an
 * `undefined` id means the payload lacked the id. Never throws.
 */
export function recordRef(event: string, payload: unknown): RecordRef | undefined {
	const def = BY_NAME.get(event);
	if (!def) return undefined;
	const id = def.recordIdPath ? nonEmptyString(getPath(payload, def.recordIdPath)) : undefined;
	const contactId = def.contactIdPath
		? nonEmptyString(getPath(payload, def.contactIdPath))
		: undefined;
	return { event, kind: def.recordKind, id, contactId };
}
