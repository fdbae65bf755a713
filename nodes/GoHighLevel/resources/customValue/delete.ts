import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { customValueLocator } from './fields';

const show = { resource: ['customValue'], operation: ['delete'] };

/** Delete: `DELETE /locations/{locationId}/customValues/{id}` (locations.json `delete-custom-value`; answers `{ succeded: true }`). */
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a custom value',
	description: 'Delete a custom value of the location permanently; templates that use its merge tag then insert nothing',
	routing: routeTo({
		endpoint: ENDPOINTS.deleteCustomValue,
		pathParameters: { id: 'customValueId' },
		output() {
			return [{ id: this.getNodeParameter('customValueId', '', { extractValue: true }), deleted: true }];
		},
	}),
};

export const description: INodeProperties[] = [customValueLocator(show)];
