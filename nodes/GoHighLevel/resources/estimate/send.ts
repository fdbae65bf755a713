import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SENT_FROM_FIELDS, sendDocumentBody, sendFields } from '../../shared/billing';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { estimateLocator } from './fields';

const show = { resource: ['estimate'], operation: ['send'] };

/**
 * Send: `POST /invoices/estimate/{estimateId}/send` (invoices.json `send-estimate`) → 201, the estimate. `userId` is
 * the chosen user or the location's first (users.json `search-users`). Never re-sent after an ambiguous failure.
 */
export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an estimate',
	description: 'Send an estimate to its contact by e-mail or SMS, or mark it as sent',
	routing: routeTo({
		endpoint: ENDPOINTS.sendEstimate,
		pathParameters: { estimateId: 'estimateId' },
		preSend: [sendDocumentBody],
		fieldNames: { userId: 'Sent by User', action: 'Send By' },
	}),
};

export const description: INodeProperties[] = [
	estimateLocator(show),
	...sendFields(show, 'estimate'),
	collectionField('options', show, SENT_FROM_FIELDS),
];
