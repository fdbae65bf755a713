import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { conversationLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';

const show = { resource: ['conversation'], operation: ['delete'] };

/** Delete: `DELETE /conversations/{conversationId}` (conversations.json `delete-conversation`; answer `{success}`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a conversation',
	description: 'Delete a conversation and its messages from the inbox',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteConversation,
		pathParameters: { conversationId: 'conversationId' },
		output() {
			return [{ id: this.getNodeParameter('conversationId', '', { extractValue: true }), deleted: true }];
		},
	}),
};

export const description: INodeProperties[] = [conversationLocator('conversationId', show)];
