import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';
import { toEpochMs } from '../../shared/time';
import { getConnection } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';
import { conversationOfContact } from './attachments';

/**
 * The Message resource locator: pick from the location's latest messages (listSearch `searchMessages`,
 * `export-messages-by-location`; e-mails are not listed there) or paste an ID (e.g. the `messageId` of Send).
 */
export function messageLocator(name: string, show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Message',
		name,
		record: 'message',
		searchListMethod: 'searchMessages',
		searchPlaceholder: 'Filter the latest messages by text…',
		idExample: 've9EPM428h8vShlRW1KT',
		show,
		description: 'The message, from the latest messages of the location, or given by ID (e.g. the messageId Send returned)',
	});
}

/** The E-mail Message ID parameter: the `emailMessageId` Send returns for an e-mail. */
export function emailMessageIdField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Email Message ID',
		name: 'emailMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
		displayOptions: { show },
		description,
	};
}


/**
 * The conversation a logged message goes to: the Conversation option when set, else the contact's conversation
 * (found or created, attachments.ts `conversationOfContact`).
 */
export async function targetConversation(ctx: IExecuteSingleFunctions, contactId: string, options: IDataObject): Promise<string> {
	const given = options.conversationId;
	const id = String((given && typeof given === 'object' ? (given as IDataObject).value : given) ?? '').trim();
	if (id) return id;
	return await conversationOfContact(ctx, contactId, await getConnection(ctx));
}

/** The Conversation option of Add Inbound / Add Outbound (a resource locator inside a collection). */
export const conversationOption: INodeProperties = recordLocator({
	displayName: 'Conversation',
	name: 'conversationId',
	record: 'conversation',
	searchListMethod: 'searchConversations',
	searchPlaceholder: 'Search by contact name, e-mail or phone…',
	idExample: 'tDtDnQdgm2LXpyiqYvZ6',
	required: false,
	description: "Conversation to add the message to. Default: the contact's conversation, created when it has none.",
});

/** Call statuses of `call.status` (conversations.json `ProcessMessageBodyDto` / `ProcessOutboundMessageBodyDto`). */
export const CALL_STATUS_OPTIONS: INodePropertyOptions[] = [
	'answered',
	'busy',
	'canceled',
	'completed',
	'failed',
	'no-answer',
	'pending',
	'voicemail',
].map((v) => ({
	name: v.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase()),
	value: v,
}));

/** The required Conversation Provider ID of Add Inbound / Add Outbound; `description` says what the provider did. */
export function conversationProviderIdField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Conversation Provider ID',
		name: 'conversationProviderId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description,
	};
}

/**
 * The Conversation Provider ID of Add Inbound / Add Outbound, trimmed.
 * @throws NodeOperationError naming the parameter when it is empty
 */
export function requiredProviderId(ctx: IExecuteSingleFunctions): string {
	const id = String(ctx.getNodeParameter('conversationProviderId', '') ?? '').trim();
	if (!id) throw invalidParameter(ctx, 'Conversation Provider ID', "enter the ID of your app's conversation provider.");
	return id;
}

/**
 * Ends the body of a logged message (Add Inbound / Add Outbound): `date` from the Date option (read in the
 * workflow's time zone by shared/time.ts, sent as ISO 8601 UTC) when given, then `conversationId`
 * ({@link targetConversation}).
 * @throws NodeOperationError naming Date when it is not a date
 */
export async function withDateAndConversation(
	ctx: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	body: IDataObject,
	contactId: string,
	options: IDataObject,
): Promise<IHttpRequestOptions> {
	if (options.date !== undefined && options.date !== '') {
		const ms = toEpochMs(options.date, {
			node: ctx.getNode(),
			parameter: 'Date',
			itemIndex: ctx.getItemIndex(),
			timeZone: ctx.getTimezone(),
		});
		body.date = new Date(ms).toISOString();
	}
	body.conversationId = await targetConversation(ctx, contactId, options);
	return { ...requestOptions, body };
}

/**
 * The text of a message (`message`, 4 rows): Message of Send and Add Inbound, and Plain Text of an e-mail on Send
 * (conversations.json `SendMessageBodyDto.message` / `ProcessMessageBodyDto.message`).
 */
export function messageTextField(
	displayName: string,
	show: Record<string, string[]>,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show },
		...(description ? { description } : {}),
	};
}
