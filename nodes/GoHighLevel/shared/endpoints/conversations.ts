import { API_VERSION, type Endpoint } from './types';

const VERSION = API_VERSION.calendarsAndConversations;

/** Endpoints of conversations.json (FACTS.md 2.4, Version 2021-04-15): conversations and messages. Keys are unique across all app modules (see index.ts). */
export const CONVERSATIONS_ENDPOINTS = {
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
