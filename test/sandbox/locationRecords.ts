/**
 * Location-wide records beyond custom fields and tags (locations.json and custom-fields.json, Version 2021-07-28;
 * FACTS.md 2.7, 2.9): the agency's location search, time zones, message templates, custom values, and the fields
 * of custom objects and businesses by object key. Merged into `locationHandlers` (locations.ts).
 */
import { forbiddenLocation, HttpError, notFound, type OperationContext, type OperationHandler } from './context';
import { objectsOf } from './objects';
import { recordsOf, recordResource } from './records';
import type { LocationData, LocationRecord, SandboxStore } from './store';

/** Collection of custom values (`recordsOf(location, CUSTOM_VALUES)`). */
export const CUSTOM_VALUES = 'customValues';
/** Collection of message templates (locations.json `GetSmsTemplateResponseSchema` / `GetEmailTemplateResponseSchema`). */
export const TEMPLATES = 'templates';

/** `{{ custom_values.<snake_case name> }}`, the merge tag of a custom value (locations.json `CustomValueSchema.fieldKey`). */
export function customValueKey(name: string): string {
	const key = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
	return `{{ custom_values.${key || 'value'} }}`;
}

/**
 * Custom values (locations.json `create-custom-value` → 201 `{customValue}`, `get-custom-value`,
 * `update-custom-value` → `{customValue}`, `delete-custom-value` → `{succeded: true}`, `get-custom-values` →
 * `{customValues}` by name, not paged): plain records with `id, name, value, fieldKey, locationId`. `fieldKey` is
 * the merge tag from the name at creation (`{{ custom_values.<snake_case name> }}`); a rename keeps it (whether
 * HighLevel changes the key on rename is not documented).
 */
export const customValueHandlers = recordResource({
	spec: 'locations',
	collection: CUSTOM_VALUES,
	record: 'Custom value',
	create: 'create-custom-value',
	get: 'get-custom-value',
	update: 'update-custom-value',
	delete: 'delete-custom-value',
	list: 'get-custom-values',
	idParam: 'id',
	root: 'customValue',
	listRoot: 'customValues',
	withLocationId: true,
	created: (ctx) => ({ fieldKey: customValueKey(String((ctx.body as { name?: unknown }).name ?? '')) }),
	sort: (a, b) => String(a.name).localeCompare(String(b.name)) || (a.id < b.id ? -1 : 1),
	toApi: (r) => ({ id: r.id, name: r.name, fieldKey: r.fieldKey, value: r.value, locationId: r.locationId }),
});

/** A location as locations.json `GetLocationSchema` shows it in a search. */
function searchedLocation(l: LocationRecord): Record<string, unknown> {
	return {
		id: l.id,
		name: l.name,
		phone: l.phone,
		email: l.email,
		address: l.address,
		city: l.city,
		state: l.state,
		country: l.country,
		postalCode: l.postalCode,
		website: l.website,
		timezone: l.timezone,
	};
}

/**
 * GET /locations/search?companyId&skip(0)&limit(10)&order(asc|desc)&email → `{locations}` (locations.json
 * `search-locations`): the locations of the agency, by name (`order`), then id; `email` keeps the locations with
 * that e-mail (case ignored). Offset paging, no total (FACTS.md 2.14). `companyId` defaults to the token's agency;
 * another agency → 403. The spec allows Agency-Access and Location-Access tokens; with a Location token the sandbox
 * answers the token's agency too (HighLevel does not document a narrower answer).
 */
export const searchLocations: OperationHandler = (ctx) => {
	const companyId = typeof ctx.query.companyId === 'string' && ctx.query.companyId ? ctx.query.companyId : ctx.token.companyId;
	if (companyId !== ctx.token.companyId) throw forbiddenLocation();
	const skip = Math.max(0, Number(ctx.query.skip ?? 0) || 0);
	const limit = Math.max(0, Number(ctx.query.limit ?? 10) || 10);
	const email = typeof ctx.query.email === 'string' ? ctx.query.email.trim().toLowerCase() : '';
	const direction = ctx.query.order === 'desc' ? -1 : 1;
	const locations = [...ctx.store.locations.values()]
		.map((d) => d.location)
		.filter((l) => l.companyId === companyId && (!email || l.email.toLowerCase() === email))
		.sort((a, b) => direction * (a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)));
	return { status: 200, body: { locations: locations.slice(skip, skip + limit).map(searchedLocation) } };
};

/** IANA time zones the sandbox offers (a subset; HighLevel's list is longer). */
export const SANDBOX_TIME_ZONES = [
	'America/Chicago',
	'America/Denver',
	'America/Los_Angeles',
	'America/New_York',
	'America/Phoenix',
	'Asia/Kolkata',
	'Australia/Sydney',
	'Europe/Berlin',
	'Europe/London',
	'Pacific/Honolulu',
	'UTC',
];

/**
 * GET /locations/{locationId}/timezones → `{timeZones: string[]}` (locations.json `get-timezones`). The spec declares
 * no response schema; this shape is the sandbox's assumption, the node accepts any array in the answer.
 */
export const getTimezones: OperationHandler = () => ({ status: 200, body: { timeZones: [...SANDBOX_TIME_ZONES] } });

/**
 * GET /locations/{locationId}/templates?originId&type&deleted&skip(0)&limit(25) → `{templates, totalCount}`
 * (locations.json `GET-all-or-email-sms-templates`): the location's templates, newest first, of `type` when given;
 * deleted ones only with `deleted=true`. `originId` is required by the spec and not otherwise interpreted here.
 */
export const getTemplates: OperationHandler = (ctx) => {
	const skip = Math.max(0, Number(ctx.query.skip ?? 0) || 0);
	const limit = Math.max(0, Number(ctx.query.limit ?? 25) || 25);
	const deleted = ctx.query.deleted === true || ctx.query.deleted === 'true';
	const type = typeof ctx.query.type === 'string' ? ctx.query.type : undefined;
	const templates = [...recordsOf(ctx.location, TEMPLATES).values()]
		.filter((t) => (!type || t.type === type) && Boolean(t.deleted) === deleted)
		.sort((a, b) => Date.parse(String(b.dateAdded)) - Date.parse(String(a.dateAdded)) || (a.id < b.id ? 1 : -1));
	return {
		status: 200,
		body: {
			templates: templates.slice(skip, skip + limit).map((t) => {
				const shown = structuredClone(t);
				delete shown.deleted;
				return shown;
			}),
			totalCount: templates.length,
		},
	};
};

/**
 * GET /custom-fields/object-key/{objectKey}?locationId → `{fields, folders}` (custom-fields.json
 * `get-custom-fields-by-object-key`): the fields of a custom object (`custom_objects.<key>`) or of `business`, read
 * from the object schemas of objects.ts (`objectsOf`), as `ICustomField` (plus `showInForms`, `dateAdded`,
 * `dateUpdated`); no folders. Another or an unknown key → 404 `Object not found` (V2 custom fields serve only custom
 * objects and Company (Business), FACTS.md 2.7).
 */
export const getCustomFieldsByObjectKey: OperationHandler = (ctx) => {
	const schema = objectsOf(ctx.location).schemas.get(String(ctx.params.objectKey));
	if (!schema || (schema.standard && schema.key !== 'business')) throw notFound('Object not found');
	return {
		status: 200,
		body: {
			fields: schema.fields.map((f) => ({
				...structuredClone(f),
				showInForms: true,
				dateAdded: schema.dateAdded,
				dateUpdated: schema.dateUpdated,
			})),
			folders: [],
		},
	};
};

/**
 * A handler for locations.json operations whose operationId custom-fields.json uses too (`create-custom-field`,
 * `update-custom-field`, `delete-custom-field`): requests to custom-fields.json's paths (no `locationId` in the
 * path) are answered 501, as every operation the sandbox does not implement.
 */
export function locationsJsonOnly(handler: OperationHandler): OperationHandler {
	return (ctx: OperationContext) => {
		if (ctx.params.locationId === undefined) {
			throw new HttpError(501, {
				statusCode: 501,
				message: `The sandbox does not implement custom-fields.json ${ctx.operationId}`,
			});
		}
		return handler(ctx);
	};
}

/** Agency locations seeded besides the two main ones (for the location search): id, name, city, time zone. */
export const AGENCY_LOCATIONS: ReadonlyArray<readonly [string, string, string, string]> = [
	['Hx4kW9pLr2TnVb6QsJ1e', 'Bluebird Dental (sandbox)', 'Denver', 'America/Denver'],
	['Pq7sD3fGh8JkLm2NcX5v', 'Cedar Yoga Studio (sandbox)', 'Portland', 'America/Los_Angeles'],
	['Wm1tY6uIo4PaSd9FgH3j', 'Driftwood Realty (sandbox)', 'Miami', 'America/New_York'],
];

/** Seeded custom values and templates of a location, with fixed ids derived from the location id. */
function seedLocationRecords(data: LocationData): void {
	const id = (tag: string) => `${tag}${data.id}`.slice(0, 20);
	const values = recordsOf(data, CUSTOM_VALUES);
	for (const [n, name, value] of [
		['cv1', 'Company Phone', data.location.phone],
		['cv2', 'Booking Link', `${data.location.website}/book`],
	] as const) {
		values.set(id(n), {
			id: id(n),
			name,
			value,
			fieldKey: customValueKey(name),
			locationId: data.id,
			dateAdded: '2025-01-01T00:00:00.000Z',
		});
	}
	const templates = recordsOf(data, TEMPLATES);
	const templateRows = [
		['tp1', 'Appointment reminder', 'sms', { body: 'Hi {{contact.first_name}}, see you tomorrow!', attachments: [] }, '2025-01-02T10:00:00.000Z'],
		['tp2', 'Welcome e-mail', 'email', { subject: 'Welcome to {{location.name}}', html: '<p>Welcome!</p>', attachments: [] }, '2025-01-03T10:00:00.000Z'],
		['tp3', 'Order update', 'whatsapp', { body: 'Your order is on its way', attachments: [] }, '2025-01-04T10:00:00.000Z'],
	] as const;
	for (const [n, name, type, template, dateAdded] of templateRows) {
		templates.set(id(n), { id: id(n), name, type, template: structuredClone(template), dateAdded, locationId: data.id, urlAttachments: [] });
	}
}

/**
 * Seeds the {@link AGENCY_LOCATIONS} (same agency as the default location; no users, contacts or pipelines) and,
 * in every location, two custom values and three templates (sms, email, whatsapp). Ids are fixed (not from the store's generator), so the ids of
 * everything seeded before stay as they were.
 */
export function seedAgencyLocationsAndRecords(store: SandboxStore): void {
	const main = store.location();
	for (const [id, name, city, timezone] of AGENCY_LOCATIONS) {
		if (store.locations.has(id)) continue;
		const slug = name.toLowerCase().replace(/ \(sandbox\)$/, '').replace(/[^a-z0-9]+/g, '-');
		store.addLocation({
			...main.location,
			id,
			name,
			domain: `${slug}.example.com`,
			address: '1 Market St',
			city,
			website: `https://${slug}.example.com`,
			timezone,
			email: `owner@${slug}.example.com`,
		});
	}
	for (const data of store.locations.values()) seedLocationRecords(data);
}

/** Handlers by operationId (merged into `locationHandlers`). */
export const locationRecordHandlers: Record<string, OperationHandler> = {
	...customValueHandlers,
	'search-locations': searchLocations,
	'get-timezones': getTimezones,
	'GET-all-or-email-sms-templates': getTemplates,
	'get-custom-fields-by-object-key': getCustomFieldsByObjectKey,
};
