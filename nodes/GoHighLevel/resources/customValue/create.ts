import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { customValueFields } from './fields';

const show = { resource: ['customValue'], operation: ['create'] };

/**
 * Create: `POST /locations/{locationId}/customValues` (locations.json `create-custom-value`, body `customValuesDTO
 * {name, value}`, scope `locations/customValues.write`), 201 root `customValue` (`id, name, fieldKey, value,
 * locationId`; `fieldKey` is the merge tag).
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a custom value',
	description: 'Add a location-wide custom value that templates insert with its merge tag',
	routing: routeTo({ endpoint: ENDPOINTS.createCustomValue, fieldNames: { name: 'Name', value: 'Value' } }),
};

export const description: INodeProperties[] = [...customValueFields(show, false)];
