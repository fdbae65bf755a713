import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest } from '../shared/transport';

/** How many records a searchable list shows. */
const PAGE = 50;

/** A short label of a message or conversation body: the first 60 characters on one line. */
function snippet(text: unknown): string {
	const line = String(text ?? '').replace(/\s+/g, ' ').trim();
	return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Resource locator searches of the conversation and message resources. */
export const conversationListSearch = {
	/**
	 * Conversations whose contact matches the typed text: `GET /conversations/search` (conversations.json
	 * `search-conversation`) with `query`, latest message first, one page of {@link PAGE}.
	 */
	async searchConversations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const qs: IDataObject = { limit: PAGE, sort: 'desc', sortBy: 'last_message_date' };
		if (filter?.trim()) qs.query = filter.trim();
		const body = await apiRequest<{ conversations?: IDataObject[] }>(this, ENDPOINTS.searchConversations, { qs });
		return {
			results: (body.conversations ?? []).map((c) => {
				const who = String(c.contactName ?? c.fullName ?? '').trim() || String(c.email ?? c.phone ?? c.contactId ?? c.id);
				const last = snippet(c.lastMessageBody);
				return { name: last ? `${who}: ${last}` : who, value: String(c.id) };
			}),
		};
	},

	/**
	 * The location's latest messages (all channels but e-mail), newest first: `GET /conversations/messages/export`
	 * (`export-messages-by-location`), one page of {@link PAGE}; the typed text filters by body (case ignored).
	 */
	async searchMessages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const body = await apiRequest<{ messages?: IDataObject[] }>(this, ENDPOINTS.exportMessages, {
			qs: { limit: PAGE, sortBy: 'createdAt', sortOrder: 'desc' },
		});
		const text = (filter ?? '').trim().toLowerCase();
		return {
			results: (body.messages ?? [])
				.map((m) => ({
					name: `${String(m.messageType ?? '').replace(/^TYPE_/, '')} ${String(m.direction ?? '')}: ${snippet(m.body) || '(no text)'}`,
					value: String(m.id),
				}))
				.filter((m) => !text || m.name.toLowerCase().includes(text)),
		};
	},
};
