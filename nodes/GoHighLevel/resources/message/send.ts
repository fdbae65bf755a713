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
import { toEpochMs } from '../../shared/time';
import { invalidParameter, isEmail } from '../../shared/validation';
import { readBinaryAttachments, uploadAttachments, type BinaryAttachment } from './attachments';
import { messageTextField } from './fields';

const show = { resource: ['message'], operation: ['send'] };

/** Channels of `SendMessageBodyDto.type` (conversations.json `send-a-new-message`; GMB is not among them). */
export const SEND_CHANNELS = [
	{ name: 'Custom', value: 'Custom' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Facebook', value: 'FB' },
	{ name: 'Instagram', value: 'IG' },
	{ name: 'Live Chat', value: 'Live_Chat' },
	{ name: 'RCS', value: 'RCS' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'TikTok', value: 'TIKTOK' },
	{ name: 'WhatsApp', value: 'WhatsApp' },
];

/** The address of `Name <address>` or of a bare address. */
const addressOf = (value: string) => /<([^>]+)>\s*$/.exec(value)?.[1]?.trim() ?? value.trim();

/** Binary files read by {@link buildSendMessage}, uploaded by {@link uploadBinaryAttachments}; per item. */
const pendingFiles = new WeakMap<IHttpRequestOptions, BinaryAttachment[]>();

/**
 * Builds the `SendMessageBodyDto` body and checks everything that can be checked before any request (FACTS.md 2.4):
 * - `type` = the channel, `contactId`;
 * - Email: Subject and an HTML or Plain Text body are required; From, To, CC, BCC must be e-mail addresses
 *   (From may carry a display name: `Jane Doe <jane@acme.com>`); thread (`threadId`, `replyMessageId`,
 *   `emailReplyMode`);
 * - other channels: Message is required unless an attachment is sent (an MMS may be an image alone);
 * - Schedule At: a future time, sent as `scheduledTimestamp` in UTC **seconds**;
 * - attachments: URLs (http/https) as given, binary files read and checked (type, channel size limit) here and
 *   uploaded by the next hook, after every check passed.
 * Nothing the user left empty is sent.
 * @throws NodeOperationError naming the parameter and the fix
 */
export async function buildSendMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fail = (parameter: string, problem: string) => invalidParameter(this, parameter, problem);
	const channel = String(this.getNodeParameter('channel', 'SMS'));
	const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
	if (!contactId) throw fail('Contact', 'choose the contact to send to, or give its ID.');
	const body: IDataObject = { type: channel, contactId };
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const message = String(this.getNodeParameter('message', '') ?? '');
	if (message.trim()) body.message = message;

	const urls = listOf(options.attachmentUrls);
	for (const url of urls) {
		if (!/^https?:\/\/\S+$/i.test(url)) throw fail('Attachment URLs', `"${url}" is not an http(s) URL.`);
	}
	const binaryProperties = String(options.binaryProperties ?? '').trim();
	const hasAttachments = urls.length > 0 || binaryProperties !== '';

	if (channel === 'Email') {
		const subject = String(this.getNodeParameter('subject', '') ?? '').trim();
		if (!subject) throw fail('Subject', 'an e-mail needs a subject.');
		body.subject = subject;
		const html = String(this.getNodeParameter('html', '') ?? '');
		if (html.trim()) body.html = html;
		if (!body.html && !body.message) throw fail('HTML', 'an e-mail needs a body: fill in HTML or Plain Text.');
		const email = this.getNodeParameter('emailOptions', {}) as IDataObject;
		const from = String(email.emailFrom ?? '').trim();
		if (from) {
			if (!isEmail(addressOf(from))) throw fail('From', `"${from}" is not an e-mail address (e.g. Jane Doe <jane@acme.com>).`);
			body.emailFrom = from;
		}
		const to = String(email.emailTo ?? '').trim();
		if (to) {
			if (!isEmail(to)) throw fail('To', `"${to}" is not an e-mail address.`);
			body.emailTo = to;
		}
		for (const [key, name] of [
			['emailCc', 'CC'],
			['emailBcc', 'BCC'],
		] as const) {
			const list = listOf(email[key]);
			const bad = list.find((a) => !isEmail(a));
			if (bad) throw fail(name, `"${bad}" is not an e-mail address; separate addresses with commas.`);
			if (list.length) body[key] = list;
		}
		for (const key of ['threadId', 'replyMessageId', 'emailReplyMode']) {
			const value = String(email[key] ?? '').trim();
			if (value) body[key] = value;
		}
	} else if (!body.message && !hasAttachments) {
		throw fail('Message', `a ${channel} message needs text (or an attachment).`);
	}

	if (channel === 'SMS') {
		for (const key of ['fromNumber', 'toNumber']) {
			const value = String(options[key] ?? '').trim();
			if (value) body[key] = value;
		}
	}
	const providerId = String(options.conversationProviderId ?? '').trim();
	if (providerId) body.conversationProviderId = providerId;

	if (options.scheduledAt !== undefined && options.scheduledAt !== '') {
		const at = toEpochMs(options.scheduledAt, {
			node: this.getNode(),
			parameter: 'Schedule At',
			itemIndex: this.getItemIndex(),
			timeZone: this.getTimezone(),
		});
		if (at <= Date.now()) {
			throw fail('Schedule At', `${new Date(at).toISOString()} is in the past; choose a future time or remove the option to send now.`);
		}
		body.scheduledTimestamp = Math.floor(at / 1000);
	}

	if (urls.length) body.attachments = urls;
	const prepared: IHttpRequestOptions = { ...requestOptions, body };
	if (binaryProperties) {
		const textBytes = Buffer.byteLength(String(body.message ?? '')) + Buffer.byteLength(String(body.html ?? ''));
		pendingFiles.set(prepared, await readBinaryAttachments(this, binaryProperties, channel, textBytes));
	}
	return prepared;
}

/**
 * After every local check passed: uploads the binary files read by {@link buildSendMessage} to the contact's
 * conversation (finding or creating it, see attachments.ts) and adds their URLs to `attachments`, after the URLs given.
 */
export async function uploadBinaryAttachments(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const files = pendingFiles.get(requestOptions);
	if (!files?.length) return requestOptions;
	const body = requestOptions.body as IDataObject;
	const urls = await uploadAttachments(this, String(body.contactId), files);
	return {
		...requestOptions,
		body: { ...body, attachments: [...((body.attachments as string[] | undefined) ?? []), ...urls] },
	};
}

/**
 * Send: `POST /conversations/messages` (conversations.json `send-a-new-message`). Answer: `conversationId`,
 * `messageId`, `emailMessageId` (e-mail), `status`, `msg`. A POST: never re-sent after an ambiguous failure, only
 * after a 429 (shared/transport.ts), so a message is not sent twice.
 */
export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description:
		'Send an SMS, e-mail, WhatsApp, Facebook, Instagram, live chat or custom-channel message to a contact, now or scheduled, with attachments',
	routing: routeTo({
		endpoint: ENDPOINTS.sendMessage,
		preSend: [buildSendMessage, uploadBinaryAttachments],
		fieldNames: {
			message: 'Message',
			subject: 'Subject',
			html: 'HTML',
			emailFrom: 'Email Options → From',
			emailTo: 'Email Options → To',
			emailCc: 'Email Options → CC',
			emailBcc: 'Email Options → BCC',
			scheduledTimestamp: 'Options → Schedule At',
			attachments: 'Options → Attachment URLs',
		},
	}),
};

const email = { ...show, channel: ['Email'] };
const notEmail = { ...show, channel: SEND_CHANNELS.map((c) => c.value).filter((c) => c !== 'Email') };

export const description: INodeProperties[] = [
	contactLocator('contactId', show),
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: SEND_CHANNELS,
		default: 'SMS',
		displayOptions: { show },
		description: "How the message reaches the contact; the location must have the channel set up (e.g. a phone number for SMS)",
	},
	messageTextField('Message', notEmail, 'Text of the message. Required unless an attachment is sent.'),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: email },
	},
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		displayOptions: { show: email },
		description: 'HTML body of the e-mail. Fill in HTML, Plain Text or both.',
	},
	messageTextField('Plain Text', email, 'Plain-text body of the e-mail'),
	collectionField('emailOptions', email, [
		{
			displayName: 'BCC',
			name: 'emailBcc',
			type: 'string',
			default: '',
			description: 'Blind-copy addresses, separated by commas',
		},
		{
			displayName: 'CC',
			name: 'emailCc',
			type: 'string',
			default: '',
			description: 'Copy addresses, separated by commas',
		},
		{
			displayName: 'From',
			name: 'emailFrom',
			type: 'string',
			placeholder: 'e.g. Jane Doe <jane@acme.com>',
			default: '',
			description: "Sender address, optionally with a display name. Default: the location's sender.",
		},
		{
			displayName: 'Reply Mode',
			name: 'emailReplyMode',
			type: 'options',
			options: [
				{ name: 'Reply', value: 'reply' },
				{ name: 'Reply All', value: 'reply_all' },
			],
			default: 'reply',
			description: 'With Reply to Message ID: answer the sender only, or everyone on the thread',
		},
		{
			displayName: 'Reply to Message ID',
			name: 'replyMessageId',
			type: 'string',
			default: '',
			description: 'ID of the message this e-mail answers; it joins that message\'s thread',
		},
		{
			displayName: 'Thread ID',
			name: 'threadId',
			type: 'string',
			default: '',
			description: 'E-mail thread to add this message to',
		},
		{
			displayName: 'To',
			name: 'emailTo',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "Recipient address. Default: the contact's e-mail.",
		},
	]),
	collectionField('options', show, [
		{
			displayName: 'Attachment URLs',
			name: 'attachmentUrls',
			type: 'string',
			default: '',
			description: 'Public URLs of files to attach, separated by commas',
		},
		{
			displayName: 'Attachments From Binary Data',
			name: 'binaryProperties',
			type: 'string',
			default: '',
			placeholder: 'e.g. data',
			description:
				'Names of the input binary properties holding files to attach, separated by commas. They are uploaded to the contact\'s conversation first (JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3, WAV; SMS up to 5 MB, e-mail up to 25 MB in total).',
		},
		{
			displayName: 'Conversation Provider ID',
			name: 'conversationProviderId',
			type: 'string',
			default: '',
			description: 'For the Custom channel: the conversation provider (Marketplace app) that delivers the message',
		},
		{
			displayName: 'From Number',
			name: 'fromNumber',
			type: 'string',
			default: '',
			description: "SMS only: the location's phone number to send from (E.164). Default: the location's default number.",
		},
		{
			displayName: 'Schedule At',
			name: 'scheduledAt',
			type: 'dateTime',
			default: '',
			description: 'Send later, at this time (must be in the future); cancel with Cancel Scheduled',
			hint: TIME_ZONE_HINT,
		},
		{
			displayName: 'To Number',
			name: 'toNumber',
			type: 'string',
			default: '',
			description: "SMS only: the number to send to (E.164). Default: the contact's phone.",
		},
	]),
];
