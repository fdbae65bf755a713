import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { messageLocator } from './fields';

const show = { resource: ['message'], operation: ['get'] };

/** Get: `GET /conversations/messages/{id}` (conversations.json `get-message`), a flat message. */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a message',
	description: 'Retrieve a message by ID: channel, direction, status, body and attachments',
	routing: routeTo({ endpoint: ENDPOINTS.getMessage, pathParameters: { id: 'messageId' } }),
};

export const description: INodeProperties[] = [messageLocator('messageId', show)];
