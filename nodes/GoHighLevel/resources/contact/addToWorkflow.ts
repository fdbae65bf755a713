import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { convertEventStartTime, enrolmentOutput, workflowField, workflowOptionsField } from './automationFields';

const show = { resource: ['contact'], operation: ['addToWorkflow'] };

/** Add to Workflow: `POST /contacts/{contactId}/workflow/{workflowId}` (contacts.json `add-contact-to-workflow`, body `CreateWorkflowDto {eventStartTime?}`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Add to Workflow',
	value: 'addToWorkflow',
	action: 'Add a contact to a workflow',
	description: 'Enrol a contact in a workflow, optionally with the event start time its timed steps count from',
	routing: routeTo({
		endpoint: ENDPOINTS.addContactToWorkflow,
		pathParameters: { contactId: 'contactId', workflowId: 'workflowId' },
		preSend: [convertEventStartTime],
		fieldNames: { eventStartTime: 'Options → Event Start Time' },
		output: enrolmentOutput('workflowId', 'added'),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), workflowField(show), workflowOptionsField(show)];
