import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listOf } from '../../shared/body';
import { forgetCachedLists } from '../../shared/cache';
import { recordLocator } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import type { OutputShaper } from '../../shared/routing';
import { apiRequest, getConnection } from '../../shared/transport';
import { invalidParameter } from '../../shared/validation';

/**
 * The Custom Field locator: a contact or opportunity custom field of the location (listSearch `searchCustomFields`,
 * locations.json `get-custom-fields` with `model=all`), or a custom field ID.
 */
export function customFieldLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Custom Field',
		name: 'customFieldId',
		record: 'custom field',
		searchListMethod: 'searchCustomFields',
		searchPlaceholder: 'Search by name or key…',
		idExample: '3sv6UEo51C9Bmpo1cKTq',
		show,
		description: 'A contact or opportunity custom field of the location, picked from its fields or given by ID',
	});
}

/** Data types whose options are a picklist (sent as `options: string[]`, answered as `picklistOptions`). */
export const PICKLIST_TYPES = ['SINGLE_OPTIONS', 'MULTIPLE_OPTIONS', 'RADIO', 'CHECKBOX'];
/** The data type whose options are labelled text boxes (locations.json `textBoxListOptions`). */
const TEXTBOX_LIST = 'TEXTBOX_LIST';

/**
 * Data types of a custom field: the `dataType` values custom-fields.json `ICustomField` enumerates (locations.json
 * `CreateCustomFieldsDTO.dataType` is a free string with example TEXT; MONETORY is HighLevel's spelling).
 */
export const DATA_TYPE_OPTIONS = [
	{ name: 'Checkbox', value: 'CHECKBOX' },
	{ name: 'Date', value: 'DATE' },
	{ name: 'File Upload', value: 'FILE_UPLOAD' },
	{ name: 'Large Text', value: 'LARGE_TEXT' },
	{ name: 'Monetary', value: 'MONETORY' },
	{ name: 'Multiple Options', value: 'MULTIPLE_OPTIONS' },
	{ name: 'Number', value: 'NUMERICAL' },
	{ name: 'Phone', value: 'PHONE' },
	{ name: 'Radio', value: 'RADIO' },
	{ name: 'Single Option (Dropdown)', value: 'SINGLE_OPTIONS' },
	{ name: 'Text', value: 'TEXT' },
	{ name: 'Text Box List', value: 'TEXTBOX_LIST' },
];

/** The Field Options parameter (top level of Create, or an entry of Update Fields). */
export function fieldOptionsField(show?: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Field Options',
		name: 'fieldOptions',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Option' },
		default: [],
		...(show ? { displayOptions: { show } } : {}),
		description:
			'The choices of a dropdown, radio, checkbox or multiple-options field, or the box labels of a text box list; an expression may give an array or a comma-separated text',
		hint: show ? 'Required for checkbox, multiple options, radio and single option fields' : 'Replaces every option of the field',
	};
}

/** Optional properties of a custom field (locations.json `CreateCustomFieldsDTO` / `UpdateCustomFieldsDTO`). */
export const FIELD_PROPERTY_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Placeholder',
		name: 'placeholder',
		type: 'string',
		default: '',
		description: 'Text shown in the empty field on forms',
		routing: { send: { type: 'body', property: 'placeholder' } },
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Place of the field in the list of fields (0 = first)',
		routing: { send: { type: 'body', property: 'position' } },
	},
];


/**
 * Puts the Field Options into the body the way the data type wants them: `options: string[]` for CHECKBOX,
 * MULTIPLE_OPTIONS, RADIO and SINGLE_OPTIONS (answered as `picklistOptions`; the field is missing from
 * `CreateCustomFieldsDTO`, GoHighLevel/highlevel-api-docs#300), `textBoxListOptions: [{label}]` for TEXTBOX_LIST;
 * other types take no options.
 * @throws NodeOperationError when a picklist type has no option, or options are given for a type without options
 */
export function applyFieldOptions(
	ctx: IExecuteSingleFunctions,
	body: IDataObject,
	dataType: string,
	options: string[] | undefined,
	parameter: string,
): void {
	if (options === undefined) return;
	if (PICKLIST_TYPES.includes(dataType)) {
		if (!options.length) {
			throw invalidParameter(ctx, parameter, `a ${dataType} field needs at least one option: add its choices`);
		}
		body.options = options;
	} else if (dataType === TEXTBOX_LIST) {
		body.textBoxListOptions = options.map((label) => ({ label }));
	} else if (options.length) {
		throw invalidParameter(ctx, parameter, `a ${dataType || 'field of this'} type takes no options: remove them`);
	}
}

/**
 * `preSend` of Create: the Field Options by data type ({@link applyFieldOptions}); a picklist type without options
 * fails before the request.
 */
export async function buildFieldCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	const dataType = String(this.getNodeParameter('dataType', ''));
	const showsOptions = PICKLIST_TYPES.includes(dataType) || dataType === TEXTBOX_LIST;
	const options = showsOptions ? listOf(this.getNodeParameter('fieldOptions', [])) : undefined;
	applyFieldOptions(this, body, dataType, options, 'Field Options');
	return { ...requestOptions, body };
}

/**
 * `preSend` of Update: `PUT …/customFields/{id}` requires `name` (locations.json `UpdateCustomFieldsDTO`), so the
 * current field is read (`get-custom-field`) when the name is left empty or options are given (their form depends
 * on the field's data type); nothing set fails before any request.
 * @throws NodeOperationError "Nothing to update", or for options the field's type does not take
 */
export async function buildFieldUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	const updates = this.getNodeParameter('updateFields', {}) as IDataObject;
	const options = updates.fieldOptions === undefined ? undefined : listOf(updates.fieldOptions);
	const changes = Object.keys(body).length + (options?.length ? 1 : 0);
	if (!changes) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			description: 'Set at least one field in Update Fields. Fields left empty are not sent.',
			itemIndex: this.getItemIndex(),
		});
	}
	if (body.name === undefined || options?.length) {
		const id = String(this.getNodeParameter('customFieldId', '', { extractValue: true }) ?? '');
		const current = await apiRequest<{ customField?: IDataObject }>(this, ENDPOINTS.getCustomField, { path: { id } });
		body.name ??= current.customField?.name;
		if (options?.length) applyFieldOptions(this, body, String(current.customField?.dataType ?? ''), options, 'Update Fields → Field Options');
	}
	return { ...requestOptions, body };
}

/**
 * Output of Create, Update and Delete: the records as answered (or `output`'s items), after forgetting the location's
 * cached custom field lists (shared/customFields.ts `loadCustomFields`), so that Custom Fields rows and dropdowns of
 * later items and nodes see the change at once instead of after the cache's minute.
 */
export function afterFieldChange(output?: OutputShaper): OutputShaper {
	return async function (this: IExecuteSingleFunctions, body, records) {
		const { rateLimitKey } = await getConnection(this);
		forgetCachedLists(`${rateLimitKey}|customFields|`);
		return output ? await output.call(this, body, records) : records;
	};
}
