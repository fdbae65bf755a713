import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { collectionField, conversationLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['conversation'], operation: ['update'] };

/**
 * Builds the `UpdateConversationDto` body (conversations.json `update-conversation`): `starred` (boolean) and
 * `unreadCount` (number; Mark as Read sends 0). Fields not added are not sent.
 */
async function buildUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = { ...((requestOptions.body as IDataObject) ?? {}) };
	if (typeof fields.starred === 'boolean') body.starred = fields.starred;
	if (fields.markAsRead === true) body.unreadCount = 0;
	else if (fields.unreadCount !== undefined && fields.unreadCount !== '') body.unreadCount = Number(fields.unreadCount);
	return { ...requestOptions, body };
}

/** Update: `PUT /conversations/{conversationId}` (conversations.json `update-conversation`), root `conversation`. */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a conversation',
	description: 'Star or unstar a conversation, mark it as read or set its unread count',
	routing: routeTo({
		endpoint: ENDPOINTS.updateConversation,
		pathParameters: { conversationId: 'conversationId' },
		preSend: [buildUpdate, requireChanges('Update Fields')],
	}),
};

export const description: INodeProperties[] = [
	conversationLocator('conversationId', show),
	collectionField('updateFields', show, [
		{
			displayName: 'Mark as Read',
			name: 'markAsRead',
			type: 'boolean',
			default: true,
			description: 'Whether to set the unread count to 0',
		},
		{
			displayName: 'Starred',
			name: 'starred',
			type: 'boolean',
			default: true,
			description: 'Whether the conversation is starred in the inbox',
		},
		{
			displayName: 'Unread Count',
			name: 'unreadCount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Number of unread messages to show; ignored when Mark as Read is on',
		},
	]),
];
