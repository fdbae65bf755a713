import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { campaignField, enrolmentOutput } from './automationFields';

const show = { resource: ['contact'], operation: ['addToCampaign'] };

/** Add to Campaign: `POST /contacts/{contactId}/campaigns/{campaignId}` (contacts.json `add-contact-to-campaign`, empty body `AddContactToCampaignDto`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Add to Campaign',
	value: 'addToCampaign',
	action: 'Add a contact to a campaign',
	description: 'Add a contact to a campaign',
	routing: routeTo({
		endpoint: ENDPOINTS.addContactToCampaign,
		pathParameters: { contactId: 'contactId', campaignId: 'campaignId' },
		output: enrolmentOutput('campaignId', 'added'),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), campaignField(show)];
