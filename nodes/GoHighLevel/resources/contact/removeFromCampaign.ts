import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { campaignField, enrolmentOutput } from './automationFields';

const show = { resource: ['contact'], operation: ['removeFromCampaign'] };

/** Remove From Campaign: `DELETE /contacts/{contactId}/campaigns/{campaignId}` (contacts.json `remove-contact-from-campaign`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Remove From Campaign',
	value: 'removeFromCampaign',
	action: 'Remove a contact from a campaign',
	description: 'Remove a contact from one campaign',
	routing: routeTo({
		endpoint: ENDPOINTS.removeContactFromCampaign,
		pathParameters: { contactId: 'contactId', campaignId: 'campaignId' },
		output: enrolmentOutput('campaignId', 'removed'),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), campaignField(show)];
