import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['conversation'], operation: ['create'] };

/** Puts the chosen contact into the body (`CreateConversationDto.contactId`; `locationId` comes from the credential). */
async function contactIntoBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }) ?? '').trim();
	return { ...requestOptions, body: { ...((requestOptions.body as IDataObject) ?? {}), contactId } };
}

/** Create: `POST /conversations/` (conversations.json `create-conversation`), root `conversation`. */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a conversation',
	description: 'Start a conversation with a contact. Send Message creates one by itself when the contact has none.',
	routing: routeTo({ endpoint: ENDPOINTS.createConversation, preSend: [contactIntoBody] }),
};

export const description: INodeProperties[] = [contactLocator('contactId', show)];
