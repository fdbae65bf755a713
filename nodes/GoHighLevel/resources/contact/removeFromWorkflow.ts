import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { convertEventStartTime, enrolmentOutput, workflowField, workflowOptionsField } from './automationFields';

const show = { resource: ['contact'], operation: ['removeFromWorkflow'] };

/** Remove From Workflow: `DELETE /contacts/{contactId}/workflow/{workflowId}` (contacts.json `delete-contact-from-workflow`, body `CreateWorkflowDto {eventStartTime?}`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Remove From Workflow',
	value: 'removeFromWorkflow',
	action: 'Remove a contact from a workflow',
	description: 'Stop a workflow for a contact',
	routing: routeTo({
		endpoint: ENDPOINTS.removeContactFromWorkflow,
		pathParameters: { contactId: 'contactId', workflowId: 'workflowId' },
		preSend: [convertEventStartTime],
		fieldNames: { eventStartTime: 'Options → Event Start Time' },
		output: enrolmentOutput('workflowId', 'removed'),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), workflowField(show), workflowOptionsField(show)];
