import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { listOf } from '../../shared/body';
import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { messageLocator } from './fields';

const show = { resource: ['message'], operation: ['updateStatus'] };

/** Builds `UpdateMessageStatusDto`: `status`, and `emailMessageId` / `recipients` when given. */
async function buildStatus(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { status: this.getNodeParameter('status', 'delivered') };
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const emailMessageId = String(options.emailMessageId ?? '').trim();
	if (emailMessageId) body.emailMessageId = emailMessageId;
	const recipients = listOf(options.recipients);
	if (recipients.length) body.recipients = recipients;
	return { ...requestOptions, body };
}

/**
 * Update Status: `PUT /conversations/messages/{messageId}/status` (conversations.json `update-message-status`),
 * for messages of a custom conversation provider (the provider reports delivery).
 */
export const option: INodePropertyOptions = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update the status of a message',
	description: 'Report the delivery status of a message sent through a custom conversation provider',
	routing: routeTo({
		endpoint: ENDPOINTS.updateMessageStatus,
		pathParameters: { messageId: 'messageId' },
		preSend: [buildStatus],
	}),
};

export const description: INodeProperties[] = [
	messageLocator('messageId', show),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Read', value: 'read' },
		],
		default: 'delivered',
		displayOptions: { show },
	},
	collectionField('options', show, [
		{
			displayName: 'Email Message ID',
			name: 'emailMessageId',
			type: 'string',
			default: '',
			description: 'For an e-mail: its emailMessageId',
		},
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'string',
			default: '',
			description: 'For an e-mail: the addresses this status applies to, separated by commas',
		},
	]),
];
