import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.calendarsAndConversations;

/**
 * Endpoints of conversations.json (FACTS.md 2.4, Version 2021-04-15): conversations, messages, attachments. Keys are
 * unique across all app modules (see index.ts).
 *
 * Spec gaps (test/GoHighLevel/shared/endpoints.test.ts `SPEC_GAPS`): `get-email-by-id` and
 * `cancel-scheduled-email-message` declare no `Version` header and no `security`; the Version and scope used are
 * those of their sibling message operations. `get-message` and `get-email-by-id` do not declare their `{id}` path
 * parameter.
 */
export const CONVERSATIONS_ENDPOINTS = {
	/**
	 * Keyset paging (FACTS.md 2.4/2.14): `limit` (default 20, no documented maximum; 100 is used), next page
	 * `startAfterDate` = the sort value of the last conversation; `total` counts every match.
	 */
	searchConversations: {
		spec: 'conversations',
		operationId: 'search-conversation',
		method: 'GET',
		path: '/conversations/search',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'conversations',
		scope: 'conversations.readonly',
		pagination: { style: 'startAfterDate', sizeParameter: 'limit', maxPageSize: 100 },
	},
	/** Flat conversation (no root). */
	getConversation: {
		spec: 'conversations',
		operationId: 'get-conversation',
		method: 'GET',
		path: '/conversations/{conversationId}',
		version: VERSION,
		scope: 'conversations.readonly',
	},
	createConversation: {
		spec: 'conversations',
		operationId: 'create-conversation',
		method: 'POST',
		path: '/conversations/',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'conversation',
		scope: 'conversations.write',
	},
	/** `locationId` is required in the body (UpdateConversationDto). */
	updateConversation: {
		spec: 'conversations',
		operationId: 'update-conversation',
		method: 'PUT',
		path: '/conversations/{conversationId}',
		version: VERSION,
		location: { in: 'body', name: 'locationId' },
		root: 'conversation',
		scope: 'conversations.write',
	},
	deleteConversation: {
		spec: 'conversations',
		operationId: 'delete-conversation',
		method: 'DELETE',
		path: '/conversations/{conversationId}',
		version: VERSION,
		scope: 'conversations.write',
	},
	/**
	 * Cursor `lastMessageId` + `nextPage` (boolean), page size `limit` (default 20, no documented maximum; 100 is
	 * asked and `nextPage` decides). The spec puts the three fields at the top level; some answers nest them under
	 * `messages` (FACTS.md 2.4) — pagination.ts reads both.
	 */
	getConversationMessages: {
		spec: 'conversations',
		operationId: 'get-messages',
		method: 'GET',
		path: '/conversations/{conversationId}/messages',
		version: VERSION,
		root: 'messages',
		scope: 'conversations/message.readonly',
		pagination: { style: 'lastMessageId', sizeParameter: 'limit', maxPageSize: 100 },
	},
	/** Flat message. The spec does not declare the `{id}` path parameter. */
	getMessage: {
		spec: 'conversations',
		operationId: 'get-message',
		method: 'GET',
		path: '/conversations/messages/{id}',
		version: VERSION,
		scope: 'conversations/message.readonly',
	},
	/** Flat e-mail message. The spec declares no Version, security or `{id}` parameter (see above). */
	getEmailMessage: {
		spec: 'conversations',
		operationId: 'get-email-by-id',
		method: 'GET',
		path: '/conversations/messages/email/{id}',
		version: VERSION,
		scope: 'conversations/message.readonly',
	},
	/**
	 * Send: `type` + `contactId` (FACTS.md 2.4: the spec's `subType`/`status` are not really required);
	 * `scheduledTimestamp` in UTC **seconds**. Answer `{conversationId, messageId, emailMessageId?, msg, status}`.
	 */
	sendMessage: {
		spec: 'conversations',
		operationId: 'send-a-new-message',
		method: 'POST',
		path: '/conversations/messages',
		version: VERSION,
		scope: 'conversations/message.write',
	},
	/** Custom conversation providers: store a message received elsewhere (needs `conversationProviderId`). */
	addInboundMessage: {
		spec: 'conversations',
		operationId: 'add-an-inbound-message',
		method: 'POST',
		path: '/conversations/messages/inbound',
		version: VERSION,
		scope: 'conversations/message.write',
	},
	/** Custom providers: log an outbound call (`type: Call` only). */
	addOutboundMessage: {
		spec: 'conversations',
		operationId: 'add-an-outbound-message',
		method: 'POST',
		path: '/conversations/messages/outbound',
		version: VERSION,
		scope: 'conversations/message.write',
	},
	/** Answer `{status, message}`. */
	cancelScheduledMessage: {
		spec: 'conversations',
		operationId: 'cancel-scheduled-message',
		method: 'DELETE',
		path: '/conversations/messages/{messageId}/schedule',
		version: VERSION,
		scope: 'conversations/message.write',
	},
	/** Answer `{status, message}`. The spec declares no Version or security (see above). */
	cancelScheduledEmailMessage: {
		spec: 'conversations',
		operationId: 'cancel-scheduled-email-message',
		method: 'DELETE',
		path: '/conversations/messages/email/{emailMessageId}/schedule',
		version: VERSION,
		scope: 'conversations/message.write',
	},
	/** Custom providers: `status` ∈ delivered/failed/pending/read. Answer SendMessageResponseDto. */
	updateMessageStatus: {
		spec: 'conversations',
		operationId: 'update-message-status',
		method: 'PUT',
		path: '/conversations/messages/{messageId}/status',
		version: VERSION,
		scope: 'conversations/message.write',
	},
	/**
	 * multipart/form-data: `conversationId`, `contactId`, `locationId` fields and files under `fileAttachment`
	 * (JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3, WAV). Answer `{uploadedFiles: {name: url}}`.
	 * The location id is written into the form by the caller (resources/message/attachments.ts), not by `buildRequest`.
	 */
	uploadMessageAttachments: {
		spec: 'conversations',
		operationId: 'upload-file-attachments',
		method: 'POST',
		path: '/conversations/messages/upload',
		version: VERSION,
		root: 'uploadedFiles',
		scope: 'conversations/message.write',
	},
	/** Cursor paging: `limit` (10–500), `cursor` ← `nextCursor` (null on the last page); `sortBy`, `sortOrder`, `startDate`, `channel`. */
	exportMessages: {
		spec: 'conversations',
		operationId: 'export-messages-by-location',
		method: 'GET',
		path: '/conversations/messages/export',
		version: VERSION,
		location: { in: 'query', name: 'locationId' },
		root: 'messages',
		scope: 'conversations/message.readonly',
		pagination: { style: 'nextCursor', sizeParameter: 'limit', minPageSize: 10, maxPageSize: 500 },
	},
} satisfies Record<string, Endpoint>;
