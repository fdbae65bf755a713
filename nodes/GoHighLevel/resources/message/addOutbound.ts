import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { listOf } from '../../shared/body';
import { collectionField, contactLocator, TIME_ZONE_HINT } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import {
	CALL_STATUS_OPTIONS,
	conversationOption,
	conversationProviderIdField,
	requiredProviderId,
	withDateAndConversation,
} from './fields';

const show = { resource: ['message'], operation: ['addOutbound'] };

/**
 * Builds `ProcessOutboundMessageBodyDto` (conversations.json `add-an-outbound-message`): `type: Call` (the only
 * type the spec allows), `conversationId` (given, or the contact's conversation), `conversationProviderId`,
 * `call` {from, to, status}, and `date` (ISO 8601 UTC), `altId`, `attachments` when given. The DTO has no
 * `contactId`: the contact only selects the conversation.
 * @throws NodeOperationError naming the parameter
 */
async function buildOutbound(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
	const conversationProviderId = requiredProviderId(this);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const body: IDataObject = { type: 'Call', conversationProviderId };
	const call: IDataObject = { status: this.getNodeParameter('callStatus', 'completed') };
	for (const key of ['from', 'to']) {
		const value = String(this.getNodeParameter(`call${key === 'from' ? 'From' : 'To'}`, '') ?? '').trim();
		if (value) call[key] = value;
	}
	body.call = call;
	const attachments = listOf(options.attachmentUrls);
	if (attachments.length) body.attachments = attachments;
	const altId = String(options.altId ?? '').trim();
	if (altId) body.altId = altId;
	return await withDateAndConversation(this, requestOptions, body, contactId, options);
}

/**
 * Add Outbound: `POST /conversations/messages/outbound` (conversations.json `add-an-outbound-message`): logs an
 * outbound call made through a custom provider. Answer `{success, conversationId, messageId, message}`.
 */
export const option: INodePropertyOptions = {
	name: 'Add Outbound',
	value: 'addOutbound',
	action: 'Log an outbound call',
	description: 'Log a call made to the contact through a custom conversation provider',
	routing: routeTo({ endpoint: ENDPOINTS.addOutboundMessage, preSend: [buildOutbound] }),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	conversationProviderIdField(show, 'ID of the conversation provider of your Marketplace app that made the call'),
	{
		displayName: 'Call Status',
		name: 'callStatus',
		type: 'options',
		options: CALL_STATUS_OPTIONS,
		default: 'completed',
		displayOptions: { show },
	},
	{ displayName: 'Call From', name: 'callFrom', type: 'string', default: '', displayOptions: { show }, description: 'The calling number (E.164)' },
	{ displayName: 'Call To', name: 'callTo', type: 'string', default: '', displayOptions: { show }, description: 'The called number (E.164)' },
	collectionField('options', show, [
		{ displayName: 'Attachment URLs', name: 'attachmentUrls', type: 'string', default: '', description: 'URLs separated by commas, e.g. the recording' },
		conversationOption,
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the call was made. Default: now.', hint: TIME_ZONE_HINT },
		{ displayName: 'External ID', name: 'altId', type: 'string', default: '', description: "The call's ID in your provider" },
	]),
];
