import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { workflowField, workflowOptionsField, workflowRouting } from './automationFields';

const show = { resource: ['contact'], operation: ['removeFromWorkflow'] };

/** Remove From Workflow: `DELETE /contacts/{contactId}/workflow/{workflowId}` (contacts.json `delete-contact-from-workflow`, body `CreateWorkflowDto {eventStartTime?}`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Remove From Workflow',
	value: 'removeFromWorkflow',
	action: 'Remove a contact from a workflow',
	description: 'Stop a workflow for a contact',
	routing: workflowRouting(ENDPOINTS.removeContactFromWorkflow, 'removed'),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), workflowField(show), workflowOptionsField(show)];
