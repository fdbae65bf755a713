import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { followersField, followersRouting } from './automationFields';

const show = { resource: ['contact'], operation: ['removeFollowers'] };

/** Remove Followers: `DELETE /contacts/{contactId}/followers` (contacts.json `remove-followers-contact`, body `FollowersDTO {followers[]}`), answer `followers` + `followersRemoved`. */
export const option: INodePropertyOptions = {
	name: 'Remove Followers',
	value: 'removeFollowers',
	action: 'Remove followers from a contact',
	description: 'Remove users from the followers of a contact',
	routing: followersRouting(ENDPOINTS.removeContactFollowers),
};

export const description: INodeProperties[] = [contactLocator('contactId', show), followersField(show)];
