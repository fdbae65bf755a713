import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireChanges } from '../../shared/body';
import { businessLocator, collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { validateBody } from '../../shared/validation';
import { BUSINESS_FIELD_OPTIONS, businessBodyRules, businessOf } from './fields';

const show = { resource: ['business'], operation: ['update'] };

/**
 * Update: `PUT /businesses/{businessId}` (businesses.json `update-business`, body `UpdateBusinessDto`) → `success`,
 * `buiseness` (sic, FACTS.md 2.13); the output is that record. Only the fields set are sent; nothing set fails
 * before the request.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a business',
	description: 'Change the name, contact details or address of a business',
	routing: routeTo({
		endpoint: ENDPOINTS.updateBusiness,
		pathParameters: { businessId: 'businessId' },
		preSend: [validateBody(businessBodyRules('Update Fields')), requireChanges('Update Fields')],
		output: (body) => businessOf(body),
		fieldNames: { name: 'Update Fields → Name', email: 'Update Fields → Email', phone: 'Update Fields → Phone' },
	}),
};

export const description: INodeProperties[] = [
	businessLocator(show),
	collectionField('updateFields', show, [
		...BUSINESS_FIELD_OPTIONS,
		{ displayName: 'Name', name: 'name', type: 'string', default: '', routing: { send: { type: 'body', property: 'name' } } },
	]),
];
