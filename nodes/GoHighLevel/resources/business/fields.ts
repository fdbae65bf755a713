import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { BodyRule } from '../../shared/validation';

/** `routing.send` of a body property. */
const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * Optional business properties of Create and Update (businesses.json `CreateBusinessDto` / `UpdateBusinessDto`:
 * the same fields besides `name` and `locationId`).
 */
export const BUSINESS_FIELD_OPTIONS: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Street address', routing: toBody('address') },
	{ displayName: 'City', name: 'city', type: 'string', default: '', routing: toBody('city') },
	{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. US', routing: toBody('country') },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		routing: toBody('description'),
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', routing: toBody('email') },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +18832327657', routing: toBody('phone') },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', routing: toBody('postalCode') },
	{ displayName: 'State', name: 'state', type: 'string', default: '', routing: toBody('state') },
	{ displayName: 'Website', name: 'website', type: 'string', default: '', placeholder: 'e.g. www.example.com', routing: toBody('website') },
];

/** Local checks of the e-mail and phone of a business (shared/validation.ts `validateBody`). */
export function businessBodyRules(collection: string): BodyRule[] {
	return [
		{ property: 'email', parameter: `${collection} → Email`, kind: 'email' },
		{ property: 'phone', parameter: `${collection} → Phone`, kind: 'phone' },
	];
}

/**
 * The business of a create or update answer: under `buiseness` (sic, businesses.json `UpdateBusinessResponseDto`,
 * FACTS.md 2.13), or `business` should HighLevel ever fix the spelling.
 */
export function businessOf(body: IDataObject): IDataObject[] {
	const record = (body.buiseness ?? body.business) as IDataObject | undefined;
	return record && typeof record === 'object' ? [record] : [];
}
