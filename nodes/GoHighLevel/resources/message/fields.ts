import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';
import { getConnection } from '../../shared/transport';
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

/** Comma-separated text (or an array from an expression) → trimmed, non-empty strings. */
export function listOf(value: unknown): string[] {
	const items = Array.isArray(value) ? value : String(value ?? '').split(',');
	return items.map((v) => String(v).trim()).filter(Boolean);
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
