import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { followersField, followersRouting } from './automationFields';

const show = { resource: ['contact'], operation: ['addFollowers'] };

/** Add Followers: `POST /contacts/{contactId}/followers` (contacts.json `add-followers-contact`, body `FollowersDTO {followers[]}`), answer `followers` + `followersAdded`. */
export const option: INodePropertyOptions = {
	name: 'Add Followers',
	value: 'addFollowers',
	action: 'Add followers to a contact',
	description: 'Add users of the location as followers of a contact',
	routing: followersRouting(ENDPOINTS.addContactFollowers),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), followersField(show)];
