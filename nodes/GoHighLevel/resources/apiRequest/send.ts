import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField, returnAllOrLimit, rowsField } from '../../shared/descriptions';
import { sendApiRequest } from './execute';

const show = { resource: ['apiRequest'], operation: ['send'] };

/**
 * Send: any operation of the official HighLevel specs (the operation catalogue, shared/catalog), with the
 * Version header, location, pacing, 429 re-sends, error mapping and — where the package knows the operation's
 * pagination — Return All of the rest of the node. Routing: the `operations.pagination` hook owns the exchange,
 * as for every operation (shared/routing.ts `routeTo`), but the endpoint is the one chosen at run time.
 */
export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an API request',
	description:
		'Call any HighLevel API v2 operation not covered by the other resources: give the operation as app:operationId (e.g. contacts:get-contact) or as method and path (e.g. GET /contacts/{contactId}), its path parameters, query parameters and JSON body. The location, Version header, rate limit and paging are handled.',
	routing: {
		send: { paginate: true },
		operations: {
			async pagination() {
				return await sendApiRequest.call(this);
			},
		},
	},
};

/** A key/value list (Path Parameters, Query Parameters) whose names load from the chosen operation. */
function parameterRows(o: {
	name: string;
	displayName: string;
	placeholder: string;
	loadOptionsMethod: string;
	description: string;
}): INodeProperties {
	return rowsField(
		{
			displayName: o.displayName,
			name: o.name,
			placeholder: o.placeholder,
			row: ['Parameter', 'parameters'],
			show,
			description: o.description,
		},
		[
			{
				displayName: 'Name or ID',
				name: 'name',
				type: 'options',
				typeOptions: { loadOptionsMethod: o.loadOptionsMethod, loadOptionsDependsOn: ['apiOperation.value'] },
				// Names the spec does not list, and names from expressions, are accepted; a new row starts empty.
				allowArbitraryValues: true,
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				description: 'Left empty, the parameter is not sent',
			},
		],
	);
}

export const description: INodeProperties[] = [
	{
		displayName: 'API Operation',
		name: 'apiOperation',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description:
			'The HighLevel operation to call, from the official API specs (every app). "Return All" marks the operations the node can page; "agency" those that need an agency token.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by app, method, path or summary…',
				typeOptions: { searchListMethod: 'searchApiOperations', searchable: true },
			},
			{
				displayName: 'By Reference',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. contacts:get-contact or GET /contacts/{contactId}',
			},
		],
	},
	parameterRows({
		name: 'pathParameters',
		displayName: 'Path Parameters',
		placeholder: 'Add Path Parameter',
		loadOptionsMethod: 'getApiPathParameters',
		description:
			'Values of the {placeholders} in the operation\'s path, e.g. contactId. The location ID and the agency (company) ID are filled from the credential unless given here.',
	}),
	parameterRows({
		name: 'queryParameters',
		displayName: 'Query Parameters',
		placeholder: 'Add Query Parameter',
		loadOptionsMethod: 'getApiQueryParameters',
		description:
			'Query string parameters. The location ID, and a required agency (company) ID, are filled from the credential where the operation takes them, unless given here.',
	}),
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '',
		displayOptions: { show },
		description:
			'The request body as a JSON object, sent as written (empty values included). Leave empty for operations without a body (GET). The location ID is added where the operation takes it, unless given here.',
	},
	...returnAllOrLimit(show).map((property) =>
		property.name === 'returnAll'
			? {
					...property,
					hint: 'Only for the operations marked "Return All" in the list: they output one item per record, and the node sets the page size and cursor. Other operations output the answer as it is.',
				}
			: property,
	),
	collectionField('options', show, [
		{
			displayName: 'Validate Before Sending',
			name: 'validateBeforeSending',
			type: 'boolean',
			default: false,
			description:
				'Whether to check the request against the official spec before sending it: path parameters, required query parameters and top-level body fields, their types and allowed values (nested fields are not checked)',
		},
	]),
];
