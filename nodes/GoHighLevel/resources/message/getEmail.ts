import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { emailMessageIdField } from './fields';

const show = { resource: ['message'], operation: ['getEmail'] };

/** Get Email: `GET /conversations/messages/email/{id}` (conversations.json `get-email-by-id`), a flat e-mail. */
export const option: INodePropertyOptions = {
	name: 'Get Email',
	value: 'getEmail',
	action: 'Get an email message',
	description: 'Retrieve an e-mail by its e-mail message ID: subject, body, from, to, CC, BCC, thread and status',
	routing: routeTo({ endpoint: ENDPOINTS.getEmailMessage, pathParameters: { id: 'emailMessageId' } }),
};

export const description: INodeProperties[] = [
	emailMessageIdField(show, 'The emailMessageId of the e-mail (returned by Send for the Email channel)'),
];
