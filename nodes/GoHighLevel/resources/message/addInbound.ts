import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { collectionField, contactLocator, TIME_ZONE_HINT } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { listOf } from '../../shared/body';
import { invalidParameter } from '../../shared/validation';
import {
	CALL_STATUS_OPTIONS,
	conversationOption,
	conversationProviderIdField,
	messageTextField,
	requiredProviderId,
	withDateAndConversation,
} from './fields';

const show = { resource: ['message'], operation: ['addInbound'] };

/** Channels of `ProcessMessageBodyDto.type` (conversations.json `add-an-inbound-message`), the common ones. */
const INBOUND_CHANNELS = [
	['Call', 'Call'],
	['Custom', 'Custom'],
	['Email', 'Email'],
	['Facebook', 'FB'],
	['GMB', 'GMB'],
	['Instagram', 'IG'],
	['Live Chat', 'Live_Chat'],
	['SMS', 'SMS'],
	['Web Chat', 'WebChat'],
	['WhatsApp', 'WhatsApp'],
].map(([name, value]) => ({ name, value }));

/**
 * Builds `ProcessMessageBodyDto`: `type`, `contactId`, `conversationProviderId`, `conversationId` (given, or the
 * contact's conversation), `message`, and from Options `html`, `subject`, `emailFrom`, `emailTo`, `altId`,
 * `attachments`, `date` (ISO 8601 UTC), `call` {from, to, status}. Local checks first: Message or an attachment (or
 * call details for a call), a valid date.
 * @throws NodeOperationError naming the parameter
 */
async function buildInbound(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const type = String(this.getNodeParameter('channel', 'SMS'));
	const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
	const conversationProviderId = requiredProviderId(this);
	const message = String(this.getNodeParameter('message', '') ?? '');
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const fail = (parameter: string, problem: string) => invalidParameter(this, parameter, problem);
	const body: IDataObject = { type, contactId, conversationProviderId };
	if (message.trim()) body.message = message;
	const attachments = listOf(options.attachmentUrls);
	if (attachments.length) body.attachments = attachments;
	const call: IDataObject = {};
	for (const key of ['from', 'to', 'status']) {
		const value = String(options[`call_${key}`] ?? '').trim();
		if (value) call[key] = value;
	}
	if (Object.keys(call).length) body.call = call;
	if (!body.message && !attachments.length && !body.call && !options.html) {
		throw fail('Message', 'enter the text of the message (or an attachment, or call details).');
	}
	for (const key of ['html', 'subject', 'emailFrom', 'emailTo', 'altId']) {
		const value = String(options[key] ?? '').trim();
		if (value) body[key] = value;
	}
	return await withDateAndConversation(this, requestOptions, body, contactId, options);
}

/**
 * Add Inbound: `POST /conversations/messages/inbound` (conversations.json `add-an-inbound-message`): records a
 * message a custom conversation provider received. Answer `{success, conversationId, messageId, message}`.
 */
export const option: INodePropertyOptions = {
	name: 'Add Inbound',
	value: 'addInbound',
	action: 'Add an inbound message',
	description: 'Record a message the contact sent through a custom conversation provider, or a received call',
	routing: routeTo({ endpoint: ENDPOINTS.addInboundMessage, preSend: [buildInbound] }),
};

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: INBOUND_CHANNELS,
		default: 'SMS',
		displayOptions: { show },
	},
	conversationProviderIdField(show, 'ID of the conversation provider of your Marketplace app that received the message'),
	messageTextField('Message', show),
	collectionField('options', show, [
		{ displayName: 'Attachment URLs', name: 'attachmentUrls', type: 'string', default: '', description: 'URLs separated by commas' },
		{ displayName: 'Call From', name: 'call_from', type: 'string', default: '', description: 'Call: the calling number' },
		{
			displayName: 'Call Status',
			name: 'call_status',
			type: 'options',
			options: CALL_STATUS_OPTIONS,
			default: 'completed',
		},
		{ displayName: 'Call To', name: 'call_to', type: 'string', default: '', description: 'Call: the called number' },
		conversationOption,
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the message was received. Default: now.', hint: TIME_ZONE_HINT },
		{ displayName: 'Email From', name: 'emailFrom', type: 'string', default: '', placeholder: 'name@email.com' },
		{ displayName: 'Email To', name: 'emailTo', type: 'string', default: '', placeholder: 'name@email.com' },
		{ displayName: 'External ID', name: 'altId', type: 'string', default: '', description: "The message's ID in your provider" },
		{ displayName: 'HTML', name: 'html', type: 'string', default: '', description: 'E-mail: HTML body' },
		{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'E-mail: subject' },
	]),
];
