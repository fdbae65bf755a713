import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { objectLocator } from '../../shared/objects';
import { limitRecords, routeTo } from '../../shared/routing';

const show = { resource: ['customField'], operation: ['getAllByObjectKey'] };

/**
 * Get Many by Object Key: `GET /custom-fields/object-key/{objectKey}?locationId=` (custom-fields.json
 * `get-custom-fields-by-object-key`, scope `locations/customFields.readonly`), one item per field of `fields`
 * (`ICustomField`: `id, name, fieldKey, dataType, objectKey, parentId, options…`); the folders are left out. Not
 * paged: Limit keeps the first ones. HighLevel's "Custom Fields V2" serve custom objects and the Company (Business)
 * object only (FACTS.md 2.7).
 */
export const option: INodePropertyOptions = {
	name: 'Get Many by Object Key',
	value: 'getAllByObjectKey',
	action: 'Get many custom fields of a custom object or business',
	description: 'List the fields of a custom object (e.g. custom_objects.pets) or of businesses',
	routing: routeTo({
		endpoint: ENDPOINTS.getCustomFieldsByObjectKey,
		pathParameters: { objectKey: 'objectKey' },
		output: limitRecords(),
	}),
};

export const description: INodeProperties[] = [
	objectLocator(show, 'The custom object or business whose fields to list, picked from the location\'s objects or given by key (e.g. custom_objects.pets)'),
	...returnAllOrLimit(show),
];
