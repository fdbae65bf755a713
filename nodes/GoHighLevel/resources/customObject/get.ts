import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { objectLocator } from '../../shared/objects';
import { routeTo } from '../../shared/routing';

const show = { resource: ['customObject'], operation: ['get'] };

/**
 * Get: `GET /objects/{key}?locationId=&fetchProperties=true` (objects.json `get-object-schema-by-key`, scope
 * `objects/schema.readonly`), answer `{ object, fields, cache }`. Output: one item, the object schema with its
 * fields under `fields` (`cache` dropped).
 */
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a custom object schema',
	description: 'Retrieve an object schema by its key, with its fields',
	routing: routeTo({
		endpoint: ENDPOINTS.getObjectSchema,
		pathParameters: { key: 'objectKey' },
		output(body) {
			const object = (body.object ?? {}) as IDataObject;
			return [{ ...object, fields: (body.fields ?? []) as IDataObject[] }];
		},
	}),
};

export const description: INodeProperties[] = [
	objectLocator(show, 'The object, picked from the location\'s objects or given by key (e.g. custom_objects.pet)', {
		standardObjects: true,
	}),
	{
		displayName: 'Include Fields',
		name: 'fetchProperties',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether to include the fields (standard and custom) of the object',
		routing: { send: { type: 'query', property: 'fetchProperties', value: '={{ $value ? "true" : "false" }}' } },
	},
];
