import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { conversationLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['conversation'], operation: ['get'] };

/** Get: `GET /conversations/{conversationId}` (conversations.json `get-conversation`), a flat conversation. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a conversation',
	description: 'Retrieve a conversation by ID: its contact, unread count, starred flag and assigned user',
	routing: routeTo({ endpoint: ENDPOINTS.getConversation, pathParameters: { conversationId: 'conversationId' } }),
};

export const description: INodeProperties[] = [conversationLocator('conversationId', show)];
