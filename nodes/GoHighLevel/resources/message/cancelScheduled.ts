import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { messageLocator } from './fields';

const show = { resource: ['message'], operation: ['cancelScheduled'] };

/** Cancel Scheduled: `DELETE /conversations/messages/{messageId}/schedule` (`cancel-scheduled-message`). */
export const option: INodePropertyOptions = {
	name: 'Cancel Scheduled',
	value: 'cancelScheduled',
	action: 'Cancel a scheduled message',
	description: 'Cancel a message that was sent with Schedule At and has not gone out yet (for e-mails use Cancel Scheduled Email)',
	routing: routeTo({ endpoint: ENDPOINTS.cancelScheduledMessage, pathParameters: { messageId: 'messageId' } }),
};

export const description: INodeProperties[] = [messageLocator('messageId', show)];
