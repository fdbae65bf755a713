/**
 * Conversation and message operations (conversations.json, Version 2021-04-15; FACTS.md 2.4): conversations
 * (search with `startAfterDate` keyset paging, get, create, update, delete), messages (send with conversation
 * threading, statuses and scheduling, get, get e-mail, list of a conversation with `lastMessageId` paging, inbound and
 * outbound logging, cancel scheduled, update status), attachment upload (multipart, recorded with its bytes) and
 * export-messages-by-location (cursor paging with `nextCursor`).
 */
import { activityOf, type ConversationRecord, type MessageRecord } from './activity';
import {
	badRequest,
	forbiddenLocation,
	HttpError,
	iso,
	notFound,
	unprocessable,
	type OperationContext,
	type OperationHandler,
	type UploadedFile,
} from './context';
import { recordsOf } from './records';
import type { LocationData } from './store';

/** `type` of POST /conversations/messages/inbound → the message's `messageType`. */
const MESSAGE_TYPES: Record<string, string> = {
	SMS: 'TYPE_SMS',
	RCS: 'TYPE_RCS',
	Email: 'TYPE_EMAIL',
	WhatsApp: 'TYPE_WHATSAPP',
	GMB: 'TYPE_GMB',
	IG: 'TYPE_INSTAGRAM',
	FB: 'TYPE_FACEBOOK',
	Custom: 'TYPE_CUSTOM_SMS',
	WebChat: 'TYPE_WEBCHAT',
	Live_Chat: 'TYPE_LIVE_CHAT',
	Call: 'TYPE_CALL',
	IVR_Call: 'TYPE_IVR_CALL',
	TIKTOK: 'TYPE_TIKTOK',
	FORM_SUBMISSION: 'TYPE_FORM_SUBMISSION',
};

/** Export `channel` → the messageType it selects. */
const CHANNELS: Record<string, string> = {
	Call: 'TYPE_CALL',
	SMS: 'TYPE_SMS',
	Email: 'TYPE_EMAIL',
	WhatsApp: 'TYPE_WHATSAPP',
	Instagram: 'TYPE_INSTAGRAM',
	Facebook: 'TYPE_FACEBOOK',
};

const TYPE_NUMBERS = Object.values(MESSAGE_TYPES);

/** POST /conversations/ `{locationId, contactId}` → `{success: true, conversation}`; 400 for an unknown contact. */
export const createConversation: OperationHandler = (ctx) => {
	const contactId = String(ctx.body.contactId);
	if (!ctx.location.contacts.has(contactId)) throw badRequest(`Contact ${contactId} not found in this location`);
	const now = iso(ctx.now());
	const conversation = {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		contactId,
		dateAdded: now,
		dateUpdated: now,
		unreadCount: 0,
	};
	activityOf(ctx.location).conversations.set(conversation.id, conversation);
	return { status: 200, body: { success: true, conversation: { ...conversation } } };
};

/**
 * Stores a message in a conversation of the location. Used by add-an-inbound-message and by tests.
 * @throws HttpError 400 for an unknown conversation or a contact that is not the conversation's
 */
export function addMessage(
	ctx: Parameters<OperationHandler>[0],
	input: Omit<MessageRecord, 'id' | 'locationId' | 'type' | 'dateAdded' | 'contentType' | 'attachments'> &
		Partial<Pick<MessageRecord, 'dateAdded' | 'contentType' | 'attachments'>>,
): MessageRecord {
	const data = activityOf(ctx.location);
	const conversation = data.conversations.get(input.conversationId);
	if (!conversation) throw badRequest(`Conversation ${input.conversationId} not found`);
	if (conversation.contactId !== input.contactId) throw badRequest('contactId does not match the conversation');
	const message: MessageRecord = {
		...input,
		id: ctx.store.ids.id(),
		type: TYPE_NUMBERS.indexOf(input.messageType) + 1,
		locationId: ctx.location.id,
		contentType: input.contentType ?? 'text/plain',
		attachments: input.attachments ?? [],
		dateAdded: input.dateAdded ?? iso(ctx.now()),
	};
	for (const key of Object.keys(message) as Array<keyof MessageRecord>) if (message[key] === undefined) delete message[key];
	data.messages.set(message.id, message);
	if (message.status !== 'scheduled') {
		conversation.lastMessageDate = Date.parse(message.dateAdded);
		conversation.lastMessageBody = message.body ?? '';
		conversation.lastMessageType = message.messageType;
		if (message.direction === 'inbound') conversation.unreadCount++;
	}
	conversation.dateUpdated = iso(ctx.now());
	return message;
}

/**
 * POST /conversations/messages/inbound → `{success, conversationId, messageId, message, contactId, dateAdded}`.
 * `date` (ISO) sets the message's `dateAdded` (default now); `direction` defaults to `inbound`.
 */
export const addInboundMessage: OperationHandler = (ctx) => {
	const body = ctx.body as Record<string, unknown>;
	const messageType = MESSAGE_TYPES[String(body.type)] ?? `TYPE_${String(body.type).toUpperCase()}`;
	let dateAdded: string | undefined;
	if (body.date !== undefined) {
		const ms = Date.parse(String(body.date));
		if (!Number.isFinite(ms)) throw unprocessable(['date must be a valid ISO 8601 date string']);
		dateAdded = iso(ms);
	}
	const message = addMessage(ctx, {
		messageType,
		contactId: String(body.contactId),
		conversationId: String(body.conversationId),
		conversationProviderId: String(body.conversationProviderId),
		body: typeof body.message === 'string' ? body.message : typeof body.html === 'string' ? body.html : undefined,
		direction: body.direction === 'outbound' ? 'outbound' : 'inbound',
		status: 'delivered',
		contentType: typeof body.html === 'string' ? 'text/html' : 'text/plain',
		attachments: Array.isArray(body.attachments) ? body.attachments.map(String) : [],
		source: 'api',
		dateAdded,
	});
	return {
		status: 200,
		body: {
			success: true,
			conversationId: message.conversationId,
			messageId: message.id,
			message: 'Message added',
			contactId: message.contactId,
			dateAdded: message.dateAdded,
		},
	};
};

interface ExportCursor {
	/** Sort value (epoch ms) of the last message of the previous page. */
	s: number;
	/** Its id. */
	i: string;
}

function parseDate(value: unknown, name: string): number | undefined {
	if (value === undefined || value === '') return undefined;
	const text = String(value).trim();
	const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
	if (!Number.isFinite(ms)) throw unprocessable([`${name} must be a date (ISO 8601) or epoch milliseconds`]);
	return ms;
}

/**
 * GET /conversations/messages/export?locationId&limit(10–500, 100)&cursor&sortBy(createdAt|updatedAt)&sortOrder
 * (asc|desc, desc)&conversationId&contactId&channel&startDate&endDate → `{messages, nextCursor, total}`.
 * Without `channel`, every type except email (conversations.json: "all non-email message types"). Dates: ISO or
 * epoch ms, inclusive, on `dateAdded`. `nextCursor` (opaque base64url) is null on the last page; `total` counts
 * every match. Messages never change in the sandbox, so updatedAt sorts like createdAt.
 */
export const exportMessages: OperationHandler = (ctx) => {
	const q = ctx.query;
	const limit = (q.limit as number | undefined) ?? 100;
	const desc = q.sortOrder !== 'asc';
	const from = parseDate(q.startDate, 'startDate');
	const to = parseDate(q.endDate, 'endDate');
	const channel = typeof q.channel === 'string' ? CHANNELS[q.channel] : undefined;
	let cursor: ExportCursor | undefined;
	if (typeof q.cursor === 'string' && q.cursor) {
		try {
			cursor = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as ExportCursor;
		} catch {
			cursor = undefined;
		}
		if (!cursor || typeof cursor.s !== 'number' || typeof cursor.i !== 'string') throw unprocessable(['cursor is invalid']);
	}
	const compare = (a: { ms: number; id: string }, b: { ms: number; id: string }) => {
		const c = a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
		return desc ? -c : c;
	};
	const rows = [...activityOf(ctx.location).messages.values()]
		.filter((m) => {
			if (channel ? m.messageType !== channel : m.messageType === 'TYPE_EMAIL') return false;
			if (q.conversationId && m.conversationId !== q.conversationId) return false;
			if (q.contactId && m.contactId !== q.contactId) return false;
			const ms = Date.parse(m.dateAdded);
			if (from !== undefined && ms < from) return false;
			if (to !== undefined && ms > to) return false;
			return true;
		})
		.map((m) => ({ m, ms: Date.parse(m.dateAdded), id: m.id }))
		.sort(compare);
	const after = cursor;
	const start = after ? rows.findIndex((r) => compare(r, { ms: after.s, id: after.i }) > 0) : 0;
	const page = start < 0 ? [] : rows.slice(start, start + limit);
	const last = page[page.length - 1];
	const more = start >= 0 && start + page.length < rows.length;
	const nextCursor =
		more && last ? Buffer.from(JSON.stringify({ s: last.ms, i: last.id } satisfies ExportCursor)).toString('base64url') : null;
	return {
		status: 200,
		body: { messages: page.map((r) => structuredClone(r.m)), nextCursor, total: rows.length },
	};
};


/** The path parameter `name` (openapi-backend parses template parameters even where the spec does not declare them). */
function pathParam(ctx: OperationContext, name: string): string {
	const value = ctx.params[name];
	if (typeof value === 'string' && value) return value;
	throw badRequest(`${name} should not be empty`);
}

/** A conversation of the token's location: 403 when another location owns it, 404 `Conversation not found`. */
function conversationOf(ctx: OperationContext, id: string): ConversationRecord {
	const found = activityOf(ctx.location).conversations.get(id);
	if (found) return found;
	for (const other of ctx.store.locations.values()) {
		if (other !== ctx.location && activityOf(other).conversations.has(id)) throw forbiddenLocation();
	}
	throw notFound('Conversation not found');
}

/** A message of the token's location by id: 403 when another location owns it, 404 `Message not found`. */
function messageOf(ctx: OperationContext, id: string): MessageRecord {
	const found = activityOf(ctx.location).messages.get(id);
	if (found) return found;
	for (const other of ctx.store.locations.values()) {
		if (other !== ctx.location && activityOf(other).messages.has(id)) throw forbiddenLocation();
	}
	throw notFound('Message not found');
}

/**
 * Puts a conversation of `contactId` straight into a location's store (tests and seeding: no request, no event).
 * @param lastMessageDate epoch ms of its latest message (sort value of search-conversation)
 */
export function addConversation(
	location: LocationData,
	id: string,
	contactId: string,
	lastMessageDate: number,
	extra: Partial<ConversationRecord> = {},
): ConversationRecord {
	const conversation: ConversationRecord = {
		id,
		locationId: location.id,
		contactId,
		dateAdded: iso(lastMessageDate),
		dateUpdated: iso(lastMessageDate),
		lastMessageDate,
		lastMessageBody: '',
		lastMessageType: 'TYPE_SMS',
		unreadCount: 0,
		...extra,
	};
	activityOf(location).conversations.set(id, conversation);
	return conversation;
}

/** The contact's conversation: the first one of the location, or a new one (send-a-new-message threading). */
function threadOf(ctx: OperationContext, contactId: string): ConversationRecord {
	for (const c of activityOf(ctx.location).conversations.values()) if (c.contactId === contactId) return c;
	const now = ctx.now();
	return addConversation(ctx.location, ctx.store.ids.id(), contactId, now, { lastMessageDate: undefined, lastMessageBody: undefined, lastMessageType: undefined });
}

/** A conversation as search-conversation answers it (`ConversationSchema` + `sort`, `lastMessageDate` in ms). */
function searchShape(ctx: OperationContext, c: ConversationRecord): Record<string, unknown> {
	const contact = ctx.location.contacts.get(c.contactId);
	const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
	return {
		id: c.id,
		contactId: c.contactId,
		locationId: c.locationId,
		lastMessageBody: c.lastMessageBody ?? '',
		lastMessageType: c.lastMessageType ?? '',
		lastMessageDate: c.lastMessageDate ?? Date.parse(c.dateAdded),
		type: 'TYPE_PHONE',
		unreadCount: c.unreadCount,
		starred: c.starred ?? false,
		...(c.assignedTo ? { assignedTo: c.assignedTo } : {}),
		fullName: name,
		contactName: name,
		email: contact?.email ?? '',
		phone: contact?.phone ?? '',
		dateAdded: Date.parse(c.dateAdded),
		dateUpdated: Date.parse(c.dateUpdated),
		sort: [c.lastMessageDate ?? Date.parse(c.dateAdded)],
	};
}

/**
 * GET /conversations/search?locationId&contactId&assignedTo(comma list, `unassigned`)&query&status(all|read|unread|
 * starred|recents)&sortBy&sort(asc|desc, desc)&startAfterDate&limit(20) → `{conversations, total}`. Sorted by the
 * latest message date (last_manual_message_date sorts the same here; ties by id); `startAfterDate` = the sort value
 * of the last conversation of the previous page: the page starts strictly after it. `total` counts every match.
 */
export const searchConversations: OperationHandler = (ctx) => {
	const q = ctx.query;
	const limit = (q.limit as number | undefined) ?? 20;
	const desc = q.sort !== 'asc';
	const text = typeof q.query === 'string' ? q.query.trim().toLowerCase() : '';
	const assigned = typeof q.assignedTo === 'string' ? q.assignedTo.split(',').map((a) => a.trim()) : undefined;
	const rows = [...activityOf(ctx.location).conversations.values()]
		.map((c) => searchShape(ctx, c))
		.filter((c) => {
			if (q.contactId && c.contactId !== q.contactId) return false;
			if (assigned && !assigned.includes(String(c.assignedTo ?? 'unassigned'))) return false;
			if (q.status === 'unread' && !((c.unreadCount as number) > 0)) return false;
			if (q.status === 'read' && (c.unreadCount as number) > 0) return false;
			if (q.status === 'starred' && !c.starred) return false;
			if (text && ![c.contactName, c.email, c.phone, c.lastMessageBody].some((v) => String(v).toLowerCase().includes(text))) return false;
			return true;
		})
		.sort((a, b) => {
			const c = (a.lastMessageDate as number) - (b.lastMessageDate as number) || (String(a.id) < String(b.id) ? -1 : 1);
			return desc ? -c : c;
		});
	let start = 0;
	if (q.startAfterDate !== undefined && q.startAfterDate !== '') {
		const after = Number(Array.isArray(q.startAfterDate) ? q.startAfterDate[0] : q.startAfterDate);
		if (!Number.isFinite(after)) throw unprocessable(['startAfterDate must be a number']);
		start = rows.findIndex((r) => (desc ? (r.lastMessageDate as number) < after : (r.lastMessageDate as number) > after));
		if (start < 0) start = rows.length;
	}
	return { status: 200, body: { conversations: rows.slice(start, start + limit), total: rows.length } };
};

/** GET /conversations/{conversationId} → the flat conversation (`GetConversationByIdResponse`). */
export const getConversation: OperationHandler = (ctx) => {
	const c = conversationOf(ctx, pathParam(ctx, 'conversationId'));
	return {
		status: 200,
		body: {
			id: c.id,
			contactId: c.contactId,
			locationId: c.locationId,
			deleted: false,
			inbox: true,
			type: 1,
			unreadCount: c.unreadCount,
			starred: c.starred ?? false,
			...(c.assignedTo ? { assignedTo: c.assignedTo } : {}),
			lastMessageBody: c.lastMessageBody,
			lastMessageType: c.lastMessageType,
			lastMessageDate: c.lastMessageDate,
		},
	};
};

/** PUT /conversations/{conversationId} `{locationId, unreadCount?, starred?}` → `{success, conversation}`. */
export const updateConversation: OperationHandler = (ctx) => {
	const c = conversationOf(ctx, pathParam(ctx, 'conversationId'));
	if (typeof ctx.body.unreadCount === 'number') c.unreadCount = ctx.body.unreadCount;
	if (typeof ctx.body.starred === 'boolean') c.starred = ctx.body.starred;
	c.dateUpdated = iso(ctx.now());
	return {
		status: 200,
		body: { success: true, conversation: { ...c, deleted: false, lastMessageDate: iso(c.lastMessageDate ?? Date.parse(c.dateAdded)) } },
	};
};

/** DELETE /conversations/{conversationId} → `{success: true}`; its messages go with it. */
export const deleteConversation: OperationHandler = (ctx) => {
	const c = conversationOf(ctx, pathParam(ctx, 'conversationId'));
	const data = activityOf(ctx.location);
	data.conversations.delete(c.id);
	for (const m of [...data.messages.values()]) if (m.conversationId === c.id) data.messages.delete(m.id);
	return { status: 200, body: { success: true } };
};

/** A message as get-message / get-messages answer it: e-mail headers stay behind `meta.email`. */
function messageShape(m: MessageRecord): Record<string, unknown> {
	const { emailMessageId, subject, from, to, cc, bcc, threadId, replyToMessageId, scheduledTimestamp, ...rest } = m;
	void from;
	void to;
	void cc;
	void bcc;
	void threadId;
	void replyToMessageId;
	void scheduledTimestamp;
	return {
		...structuredClone(rest),
		...(emailMessageId ? { meta: { ...(rest.meta ?? {}), email: { messageIds: [emailMessageId], subject } } } : {}),
	};
}

/** GET /conversations/messages/{id} → the flat message (`GetMessageResponseDto`). */
export const getMessage: OperationHandler = (ctx) => ({
	status: 200,
	body: messageShape(messageOf(ctx, pathParam(ctx, 'id'))),
});

/** GET /conversations/messages/email/{id} → the flat e-mail (`GetEmailMessageResponseDto`), by `emailMessageId`. */
export const getEmailMessage: OperationHandler = (ctx) => {
	const id = pathParam(ctx, 'id');
	const m = [...activityOf(ctx.location).messages.values()].find((x) => x.emailMessageId === id);
	if (!m) throw notFound('Email not found');
	return {
		status: 200,
		body: {
			id,
			altId: m.id,
			threadId: m.threadId ?? id,
			locationId: m.locationId,
			contactId: m.contactId,
			conversationId: m.conversationId,
			dateAdded: m.dateAdded,
			subject: m.subject,
			body: m.body ?? '',
			direction: m.direction,
			status: m.status,
			contentType: m.contentType,
			attachments: m.attachments,
			provider: 'Leadconnector Email',
			from: m.from ?? '',
			to: m.to ?? [],
			cc: m.cc ?? [],
			bcc: m.bcc ?? [],
			...(m.replyToMessageId ? { replyToMessageId: m.replyToMessageId } : {}),
			source: m.source,
		},
	};
};

/**
 * GET /conversations/{conversationId}/messages?lastMessageId&limit(20)&type → newest first, answered in the nested
 * shape many clients see (`{messages: {lastMessageId, nextPage, messages}}`, FACTS.md 2.4); `lastMessageId` = the
 * last message of the page, `nextPage` true while more follow. Scheduled messages are listed too.
 */
export const getConversationMessages: OperationHandler = (ctx) => {
	const c = conversationOf(ctx, pathParam(ctx, 'conversationId'));
	const limit = (ctx.query.limit as number | undefined) ?? 20;
	const type = typeof ctx.query.type === 'string' ? ctx.query.type.split(',') : undefined;
	const rows = [...activityOf(ctx.location).messages.values()]
		.filter((m) => m.conversationId === c.id && (!type || type.includes(m.messageType)))
		.sort((a, b) => Date.parse(b.dateAdded) - Date.parse(a.dateAdded) || (a.id < b.id ? 1 : -1));
	let start = 0;
	if (typeof ctx.query.lastMessageId === 'string' && ctx.query.lastMessageId) {
		const at = rows.findIndex((m) => m.id === ctx.query.lastMessageId);
		if (at < 0) throw badRequest('lastMessageId is not a message of this conversation');
		start = at + 1;
	}
	const page = rows.slice(start, start + limit);
	return {
		status: 200,
		body: {
			messages: {
				lastMessageId: page.length ? page[page.length - 1].id : '',
				nextPage: start + page.length < rows.length,
				messages: page.map(messageShape),
			},
		},
	};
};

/** `type` of send-a-new-message → the message's `messageType`. */
const SEND_TYPES: Record<string, string> = {
	SMS: 'TYPE_SMS',
	RCS: 'TYPE_RCS',
	Email: 'TYPE_EMAIL',
	WhatsApp: 'TYPE_WHATSAPP',
	IG: 'TYPE_INSTAGRAM',
	FB: 'TYPE_FACEBOOK',
	Custom: 'TYPE_CUSTOM_SMS',
	Live_Chat: 'TYPE_LIVE_CHAT',
	TIKTOK: 'TYPE_TIKTOK',
};

/**
 * POST /conversations/messages → `{conversationId, messageId, emailMessageId?, messageIds, msg, status}`.
 * Threading: the message goes to the contact's conversation, created when it has none. Rules beyond the schema
 * (422, recorded as invalid): SMS and chat channels need `message` or `attachments`, e-mail needs `subject` and
 * `html` or `message`. 400: unknown contact, no phone (SMS without `toNumber`) or e-mail (Email without `emailTo`),
 * `scheduledTimestamp` (UTC seconds) not in the future. Immediate sends are `delivered` at once (OutboundMessage
 * event); scheduled ones stay `scheduled` (no event) until cancelled.
 */
export const sendMessage: OperationHandler = (ctx) => {
	const b = ctx.body as Record<string, unknown>;
	const type = String(b.type);
	const contactId = String(b.contactId);
	const contact = ctx.location.contacts.get(contactId);
	if (!contact) throw badRequest(`Contact ${contactId} not found in this location`);
	const attachments = Array.isArray(b.attachments) ? b.attachments.map(String) : [];
	const text = typeof b.message === 'string' && b.message.trim() ? b.message : undefined;
	if (type === 'Email') {
		const missing: string[] = [];
		if (typeof b.subject !== 'string' || !b.subject.trim()) missing.push('subject should not be empty');
		if (!text && !(typeof b.html === 'string' && b.html.trim())) missing.push('html or message should not be empty');
		if (missing.length) throw unprocessable(missing);
		if (!contact.email && !b.emailTo) throw badRequest('The contact has no email address');
	} else {
		if (!text && !attachments.length) throw unprocessable(['message should not be empty']);
		if (type === 'SMS' && !contact.phone && !b.toNumber) throw badRequest('The contact has no phone number');
	}
	let scheduled: number | undefined;
	if (b.scheduledTimestamp !== undefined) {
		scheduled = Number(b.scheduledTimestamp);
		if (scheduled * 1000 <= ctx.now()) throw badRequest('scheduledTimestamp must be in the future');
	}
	const conversation = threadOf(ctx, contactId);
	const emailMessageId = type === 'Email' ? ctx.store.ids.id() : undefined;
	const message = addMessage(ctx, {
		messageType: SEND_TYPES[type] ?? `TYPE_${type.toUpperCase()}`,
		contactId,
		conversationId: conversation.id,
		body: type === 'Email' ? String(b.html ?? text ?? '') : text,
		contentType: type === 'Email' && b.html ? 'text/html' : 'text/plain',
		direction: 'outbound',
		status: scheduled ? 'scheduled' : 'delivered',
		attachments,
		source: 'api',
		userId: ctx.token.userId,
		...(typeof b.conversationProviderId === 'string' ? { conversationProviderId: b.conversationProviderId } : {}),
		...(type === 'Email'
			? {
					emailMessageId,
					subject: String(b.subject),
					from: typeof b.emailFrom === 'string' ? b.emailFrom : 'sandbox@sandbox.leadconnectorhq.test',
					to: [typeof b.emailTo === 'string' ? b.emailTo : String(contact.email)],
					cc: Array.isArray(b.emailCc) ? b.emailCc.map(String) : [],
					bcc: Array.isArray(b.emailBcc) ? b.emailBcc.map(String) : [],
					threadId: typeof b.threadId === 'string' ? b.threadId : undefined,
					replyToMessageId: typeof b.replyMessageId === 'string' ? b.replyMessageId : undefined,
				}
			: {}),
		...(scheduled ? { scheduledTimestamp: scheduled } : {}),
	});
	return {
		status: 200,
		body: {
			conversationId: conversation.id,
			messageId: message.id,
			...(emailMessageId ? { emailMessageId } : {}),
			messageIds: [message.id],
			msg: scheduled ? 'Message scheduled' : 'Message queued successfully.',
			status: scheduled ? 'pending' : 'delivered',
		},
	};
};

/**
 * POST /conversations/messages/outbound `{type: Call, conversationId, conversationProviderId, call?, date?, altId?,
 * attachments?}` → `{success, conversationId, messageId, message}`: a logged outbound call (OutboundMessage event).
 */
export const addOutboundMessage: OperationHandler = (ctx) => {
	const b = ctx.body as Record<string, unknown>;
	const conversation = conversationOf(ctx, String(b.conversationId));
	let dateAdded: string | undefined;
	if (b.date !== undefined) {
		const ms = Date.parse(String(b.date));
		if (!Number.isFinite(ms)) throw unprocessable(['date must be a valid ISO 8601 date string']);
		dateAdded = iso(ms);
	}
	const message = addMessage(ctx, {
		messageType: 'TYPE_CALL',
		contactId: conversation.contactId,
		conversationId: conversation.id,
		conversationProviderId: String(b.conversationProviderId),
		direction: 'outbound',
		status: 'completed',
		attachments: Array.isArray(b.attachments) ? b.attachments.map(String) : [],
		source: 'api',
		dateAdded,
		meta: { call: { ...((b.call as Record<string, unknown> | undefined) ?? {}) } },
		...(typeof b.altId === 'string' ? { altId: b.altId } : {}),
	});
	return {
		status: 200,
		body: {
			success: true,
			conversationId: conversation.id,
			messageId: message.id,
			message: 'Message added',
			contactId: message.contactId,
			dateAdded: message.dateAdded,
		},
	};
};

/** Cancels a scheduled message (status `scheduled`): it is removed; anything else → 400. */
function cancelScheduled(ctx: OperationContext, message: MessageRecord | undefined, notFoundText: string) {
	if (!message) throw notFound(notFoundText);
	if (message.status !== 'scheduled') throw badRequest('Message is not scheduled');
	activityOf(ctx.location).messages.delete(message.id);
	return { status: 200, body: { status: 200, message: 'Scheduled message cancelled' } };
}

/** DELETE /conversations/messages/{messageId}/schedule → `{status, message}`. */
export const cancelScheduledMessage: OperationHandler = (ctx) =>
	cancelScheduled(ctx, messageOf(ctx, pathParam(ctx, 'messageId')), 'Message not found');

/** DELETE /conversations/messages/email/{emailMessageId}/schedule → `{status, message}`. */
export const cancelScheduledEmailMessage: OperationHandler = (ctx) => {
	const id = pathParam(ctx, 'emailMessageId');
	return cancelScheduled(
		ctx,
		[...activityOf(ctx.location).messages.values()].find((m) => m.emailMessageId === id),
		'Email not found',
	);
};

/** PUT /conversations/messages/{messageId}/status `{status, …}` → `{conversationId, messageId, status}`. */
export const updateMessageStatus: OperationHandler = (ctx) => {
	const message = messageOf(ctx, pathParam(ctx, 'messageId'));
	const updated = { ...message, status: String(ctx.body.status) };
	activityOf(ctx.location).messages.set(message.id, updated);
	return { status: 200, body: { conversationId: message.conversationId, messageId: message.id, status: updated.status } };
};

/** One uploaded attachment, as recorded by upload-file-attachments (tests read the bytes). */
export interface UploadRecord extends Record<string, unknown> {
	id: string;
	conversationId: string;
	contactId: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
	url: string;
}

/** The attachments uploaded in a location, by id (a record-store collection without webhook events). */
export function uploadsOf(location: LocationData) {
	return recordsOf<UploadRecord>(location, 'messageUploads');
}

/** File types upload-file-attachments accepts (its description). */
const UPLOAD_TYPES = ['jpg', 'jpeg', 'png', 'mp4', 'mpeg', 'zip', 'rar', 'pdf', 'doc', 'docx', 'txt', 'mp3', 'wav'];

/**
 * POST /conversations/messages/upload (multipart/form-data: `conversationId`, `contactId`, `locationId`, files
 * under `fileAttachment`) → `{uploadedFiles: {fileName: url}}`. The conversation must be the contact's (400); no file
 * → 400; another type → 415. Every file is recorded with its bytes ({@link uploadsOf}).
 */
export const uploadAttachments: OperationHandler = (ctx) => {
	const b = ctx.body as Record<string, unknown>;
	const conversation = conversationOf(ctx, String(b.conversationId));
	if (conversation.contactId !== b.contactId) throw badRequest('contactId does not match the conversation');
	const files = (ctx.files ?? []).filter((f) => f.field === 'fileAttachment');
	if (!files.length) throw badRequest('No file under fileAttachment');
	const uploadedFiles: Record<string, string> = {};
	for (const file of files) {
		const extension = (/\.([A-Za-z0-9]+)$/.exec(file.fileName)?.[1] ?? '').toLowerCase();
		if (!UPLOAD_TYPES.includes(extension)) {
			throw new HttpError(415, { statusCode: 415, message: `File type ${extension || '(none)'} is not allowed` });
		}
	}
	for (const file of files) {
		const id = ctx.store.ids.id();
		const url = `https://files.sandbox.invalid/${ctx.location.id}/${id}/${encodeURIComponent(file.fileName)}`;
		uploadsOf(ctx.location).set(id, {
			id,
			conversationId: conversation.id,
			contactId: conversation.contactId,
			fileName: file.fileName,
			mimeType: file.mimeType,
			data: file.data,
			url,
		});
		uploadedFiles[file.fileName] = url;
	}
	return { status: 200, body: { uploadedFiles } };
};

/**
 * Parses a multipart/form-data body: text parts into `fields` (a repeated name becomes an array), file parts (with
 * a `filename`) into `files`.
 * @returns undefined when the content type has no boundary or the body does not parse
 */
export function parseMultipart(
	raw: Buffer,
	contentType: string,
): { fields: Record<string, unknown>; files: UploadedFile[] } | undefined {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const fields: Record<string, unknown> = {};
	const files: UploadedFile[] = [];
	let at = raw.indexOf(delimiter);
	if (at < 0) return undefined;
	for (;;) {
		const start = at + delimiter.length;
		if (raw.subarray(start, start + 2).toString() === '--') break;
		const next = raw.indexOf(delimiter, start);
		if (next < 0) return undefined;
		const part = raw.subarray(start + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) return undefined;
		const head = part.subarray(0, split).toString('utf8');
		const data = part.subarray(split + 4);
		const name = /name="([^"]*)"/i.exec(head)?.[1];
		if (name === undefined) return undefined;
		const fileName = /filename="([^"]*)"/i.exec(head)?.[1];
		if (fileName !== undefined) {
			const mimeType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
			files.push({ field: name, fileName, mimeType, data: Buffer.from(data) });
		} else {
			const value = data.toString('utf8');
			const existing = fields[name];
			fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
		}
		at = next;
	}
	return { fields, files };
}

/** Handlers by operationId. */
export const conversationHandlers: Record<string, OperationHandler> = {
	'search-conversation': searchConversations,
	'get-conversation': getConversation,
	'create-conversation': createConversation,
	'update-conversation': updateConversation,
	'delete-conversation': deleteConversation,
	'send-a-new-message': sendMessage,
	'get-message': getMessage,
	'get-email-by-id': getEmailMessage,
	'get-messages': getConversationMessages,
	'add-an-inbound-message': addInboundMessage,
	'add-an-outbound-message': addOutboundMessage,
	'cancel-scheduled-message': cancelScheduledMessage,
	'cancel-scheduled-email-message': cancelScheduledEmailMessage,
	'update-message-status': updateMessageStatus,
	'upload-file-attachments': uploadAttachments,
	'export-messages-by-location': exportMessages,
};
