import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, conversationLocator, returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['message'], operation: ['getAll'] };

/** Message types the `type` filter of get-messages accepts (conversations.json enum). */
const MESSAGE_TYPES = [
	['Call', 'TYPE_CALL'],
	['Email', 'TYPE_EMAIL'],
	['Facebook', 'TYPE_FACEBOOK'],
	['GMB', 'TYPE_GMB'],
	['Instagram', 'TYPE_INSTAGRAM'],
	['Live Chat', 'TYPE_LIVE_CHAT'],
	['RCS', 'TYPE_RCS'],
	['SMS', 'TYPE_SMS'],
	['TikTok', 'TYPE_TIKTOK'],
	['WhatsApp', 'TYPE_WHATSAPP'],
].map(([name, value]) => ({ name, value }));

/**
 * Get Many: `GET /conversations/{conversationId}/messages` (conversations.json `get-messages`), newest first,
 * paged with `lastMessageId` while `nextPage` is true (FACTS.md 2.4/2.14).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many messages of a conversation',
	description: 'List the messages of a conversation, newest first, optionally of one channel',
	routing: routeTo({
		endpoint: ENDPOINTS.getConversationMessages,
		pathParameters: { conversationId: 'conversationId' },
		fieldNames: { type: 'Filters → Message Type' },
	}),
};

export const description: INodeProperties[] = [
	conversationLocator('conversationId', show),
	...returnAllOrLimit(show),
	collectionField('filters', show, [
		{
			displayName: 'Message Type',
			name: 'type',
			type: 'options',
			options: MESSAGE_TYPES,
			default: 'TYPE_SMS',
			routing: { send: { type: 'query', property: 'type' } },
		},
	]),
];
