import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/endpoints';
import { routeTo } from '../../shared/routing';
import { invalidParameter, isEmail, isPhone } from '../../shared/validation';

const show = { resource: ['contact'], operation: ['findDuplicate'] };

/**
 * `preSend`: the query of `GET /contacts/search/duplicate` — `email` or `number` (contacts.json
 * `get-duplicate-contact`), checked before the request.
 * @throws NodeOperationError naming Email or Phone when the value is empty or malformed
 */
export async function buildDuplicateQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const by = this.getNodeParameter('searchBy', 'email') as 'email' | 'phone';
	const parameter = by === 'email' ? 'Email' : 'Phone';
	const value = String(this.getNodeParameter(by, '') ?? '').trim();
	const valid = by === 'email' ? isEmail(value) : isPhone(value);
	if (!valid) {
		const expected = by === 'email' ? 'an e-mail address like name@example.com' : 'a phone number with 7 to 15 digits';
		throw invalidParameter(this, parameter, `${value ? `"${value}" is not ${expected}` : 'enter the value to look for'}.`);
	}
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	if (by === 'email') qs.email = value.toLowerCase();
	else qs.number = value;
	return { ...requestOptions, qs };
}

/**
 * Find Duplicate: `GET /contacts/search/duplicate?locationId=&email=|number=` (contacts.json
 * `get-duplicate-contact`), root `contact` (FACTS.md 2.1, the shape is not in the spec). Outputs the contact the
 * location's duplicate rule matches, or no item when there is none (turn on Always Output Data to branch on that).
 */
export const option: INodePropertyOptions = {
	name: 'Find Duplicate',
	value: 'findDuplicate',
	action: 'Find a duplicate contact by email or phone',
	description: 'Find the existing contact that has this e-mail or phone, as HighLevel\'s duplicate check sees it',
	routing: routeTo({
		endpoint: ENDPOINTS.findDuplicateContact,
		preSend: [buildDuplicateQuery],
		fieldNames: { email: 'Email', number: 'Phone' },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
		default: 'email',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { ...show, searchBy: ['email'] } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { ...show, searchBy: ['phone'] } },
		description: 'Phone number, ideally in E.164 form (e.g. +14155550123)',
	},
];
