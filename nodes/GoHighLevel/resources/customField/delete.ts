import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { afterFieldChange, customFieldLocator } from './fields';

const show = { resource: ['customField'], operation: ['delete'] };

/** Delete: `DELETE /locations/{locationId}/customFields/{id}` (locations.json `delete-custom-field`; answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a custom field',
	description: 'Delete a contact or opportunity custom field permanently, with the values records hold in it',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteCustomField,
		pathParameters: { id: 'customFieldId' },
		output: afterFieldChange(function () {
			return [{ id: this.getNodeParameter('customFieldId', '', { extractValue: true }), deleted: true }];
		}),
	}),
};

export const description: INodeProperties[] = [customFieldLocator(show)];
