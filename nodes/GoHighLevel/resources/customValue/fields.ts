import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { apiRequest } from '../../shared/transport';

/**
 * The Custom Value locator: a custom value of the location (listSearch `searchCustomValues`, locations.json
 * `get-custom-values`), or a custom value ID.
 */
export function customValueLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Custom Value',
		name: 'customValueId',
		record: 'custom value',
		searchListMethod: 'searchCustomValues',
		searchPlaceholder: 'Search by name or merge tag…',
		idExample: 'rWQ709Pb62syqGLceg1x',
		show,
		description: 'A custom value of the location, picked from its custom values or given by ID',
	});
}

/** Hint on the fields of a custom value: what it is for. */
export const CUSTOM_VALUE_HINT =
	'Custom values are location-wide texts that templates, e-mails and workflows insert with their merge tag, e.g. {{ custom_values.booking_link }}';

/** Name and Value of a custom value (locations.json `customValuesDTO {name, value}`, both required on create). */
export function customValueFields(show: Record<string, string[]>, update: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			...(update ? {} : { required: true }),
			displayOptions: { show },
			description: update
				? 'New name of the custom value. Left empty, the name is kept.'
				: 'Name of the custom value; HighLevel derives its merge tag from it, e.g. "Booking Link" → {{ custom_values.booking_link }}',
			routing: { send: { type: 'body', property: 'name' } },
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			...(update ? {} : { required: true }),
			displayOptions: { show },
			description: update ? 'New value. Left empty, the value is kept.' : 'The text the merge tag is replaced with',
			hint: CUSTOM_VALUE_HINT,
			routing: { send: { type: 'body', property: 'value' } },
		},
	];
}

/**
 * `preSend` of Update: `PUT …/customValues/{id}` requires both `name` and `value` (locations.json
 * `customValuesDTO`), so the one left empty is read from the current custom value (`get-custom-value`) and sent
 * unchanged. Both empty fails before any request.
 * @throws NodeOperationError "Nothing to update" when Name and Value are both empty
 */
export async function completeCustomValue(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (body.name === undefined && body.value === undefined) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			description: 'Set Name or Value. Fields left empty are not changed.',
			itemIndex: this.getItemIndex(),
		});
	}
	if (body.name === undefined || body.value === undefined) {
		const id = String(this.getNodeParameter('customValueId', '', { extractValue: true }) ?? '');
		const current = await apiRequest<{ customValue?: IDataObject }>(this, ENDPOINTS.getCustomValue, { path: { id } });
		body.name ??= current.customValue?.name;
		body.value ??= current.customValue?.value ?? '';
	}
	return { ...requestOptions, body };
}
