import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { workflowField, workflowOptionsField, workflowRouting } from './automationFields';

const show = { resource: ['contact'], operation: ['addToWorkflow'] };

/** Add to Workflow: `POST /contacts/{contactId}/workflow/{workflowId}` (contacts.json `add-contact-to-workflow`, body `CreateWorkflowDto {eventStartTime?}`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Add to Workflow',
	value: 'addToWorkflow',
	action: 'Add a contact to a workflow',
	description: 'Enrol a contact in a workflow, optionally with the event start time its timed steps count from',
	routing: workflowRouting(ENDPOINTS.addContactToWorkflow, 'added'),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), workflowField(show), workflowOptionsField(show)];
