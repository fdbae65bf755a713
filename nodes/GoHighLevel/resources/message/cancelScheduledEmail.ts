import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { emailMessageIdField } from './fields';

const show = { resource: ['message'], operation: ['cancelScheduledEmail'] };

/** Cancel Scheduled Email: `DELETE /conversations/messages/email/{emailMessageId}/schedule` (`cancel-scheduled-email-message`). */
export const option: INodePropertyOptions = {
	name: 'Cancel Scheduled Email',
	value: 'cancelScheduledEmail',
	action: 'Cancel a scheduled email',
	description: 'Cancel an e-mail that was sent with Schedule At and has not gone out yet',
	routing: routeTo({
		endpoint: ENDPOINTS.cancelScheduledEmailMessage,
		pathParameters: { emailMessageId: 'emailMessageId' },
	}),
};

export const description: INodeProperties[] = [
	emailMessageIdField(show, 'The emailMessageId Send returned for the scheduled e-mail'),
];
