/**
 * Conversation and message operations (conversations.json, Version 2021-04-15; FACTS.md 2.4): create-conversation,
 * add-an-inbound-message, export-messages-by-location (cursor paging with `nextCursor`).
 */
import { activityOf, type MessageRecord } from './activity';
import { badRequest, iso, unprocessable, type OperationHandler } from './context';

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
	conversation.lastMessageDate = Date.parse(message.dateAdded);
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

/** Handlers by operationId. */
export const conversationHandlers: Record<string, OperationHandler> = {
	'create-conversation': createConversation,
	'add-an-inbound-message': addInboundMessage,
	'export-messages-by-location': exportMessages,
};
