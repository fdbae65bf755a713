import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { enrolmentOutput } from './automationFields';

const show = { resource: ['contact'], operation: ['removeFromAllCampaigns'] };

/** Remove From All Campaigns: `DELETE /contacts/{contactId}/campaigns/removeAll` (contacts.json `remove-contact-from-every-campaign`; HighLevel answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Remove From All Campaigns',
	value: 'removeFromAllCampaigns',
	action: 'Remove a contact from all campaigns',
	description: 'Remove a contact from every campaign it is in',
	routing: routeTo({
		endpoint: ENDPOINTS.removeContactFromAllCampaigns,
		pathParameters: { contactId: 'contactId' },
		output: enrolmentOutput(undefined, 'removedFromAllCampaigns'),
	}),
};

export const description: INodeProperties[] = [contactLocator('contactId', show)];
