/**
 * Contact field normalisation and custom field values, shared by the contact and opportunity handlers.
 */
import { unprocessable } from './context';
import type { ContactRecord, CustomFieldRecord, CustomFieldValue, LocationData } from './store';

/**
 * Normalises a phone number to E.164 (`+` and 8–15 digits). Numbers without a country code are taken as North
 * American when they have 10 digits (`(415) 555-0101` → `+14155550101`).
 * @returns the E.164 string, or `undefined` when it cannot be one
 */
export function normalizePhone(input: string): string | undefined {
	const trimmed = input.trim();
	let digits = trimmed.replace(/\D/g, '');
	const international = trimmed.startsWith('+') || trimmed.startsWith('00');
	if (trimmed.startsWith('00')) digits = digits.slice(2);
	if (!international && digits.length === 10) digits = `1${digits}`;
	if (digits.length < 8 || digits.length > 15) return undefined;
	return `+${digits}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and checks an email (HighLevel stores `emailLowerCase`). @returns undefined when invalid */
export function normalizeEmail(input: string): string | undefined {
	const email = input.trim().toLowerCase();
	return EMAIL.test(email) ? email : undefined;
}

/** Lower-cases, trims and de-duplicates tags, keeping first-seen order (HighLevel stores tags lower-case). */
export function normalizeTags(tags: unknown[]): string[] {
	const out: string[] = [];
	for (const tag of tags) {
		const t = String(tag).trim().toLowerCase();
		if (t && !out.includes(t)) out.push(t);
	}
	return out;
}

/** `customFields` item as sent by clients: `{id, key?, field_value}` (spec) or `{id|key, value}` (FACTS.md 2.7). */
interface CustomFieldInput {
	id?: unknown;
	key?: unknown;
	field_value?: unknown;
	value?: unknown;
}

/**
 * Resolves and coerces `customFields` input items against the location's custom fields of `model`.
 * Items are matched by `id`, or by `key` (`lead_score` or `contact.lead_score`) when no id is given.
 * Empty values (`''`, `null`, `[]`) clear the field.
 * @returns values by field id, `null` meaning "clear"
 * @throws HttpError 422 naming every unknown field id/key and every value of the wrong type
 */
export function resolveCustomFields(
	data: LocationData,
	model: 'contact' | 'opportunity',
	items: unknown[],
): Map<string, CustomFieldValue | null> {
	const errors: string[] = [];
	const out = new Map<string, CustomFieldValue | null>();
	items.forEach((raw, i) => {
		const item = (raw ?? {}) as CustomFieldInput;
		const at = `customFields.${i}`;
		let field: CustomFieldRecord | undefined;
		if (typeof item.id === 'string' && item.id) {
			field = data.customFields.get(item.id);
			if (!field)
				return errors.push(`${at}.id: custom field ${item.id} does not exist in this location`);
		} else if (typeof item.key === 'string' && item.key) {
			const key = item.key.includes('.') ? item.key : `${model}.${item.key}`;
			field = [...data.customFields.values()].find((f) => f.fieldKey === key);
			if (!field)
				return errors.push(`${at}.key: custom field ${item.key} does not exist in this location`);
		} else {
			return errors.push(`${at}: id or key should not be empty`);
		}
		if (field.model !== model)
			return errors.push(
				`${at}: custom field ${field.id} belongs to model ${field.model}, not ${model}`,
			);
		const value = 'field_value' in item ? item.field_value : item.value;
		const coerced = coerceValue(field, value);
		if ('error' in coerced) return errors.push(`${at}.field_value: ${coerced.error}`);
		out.set(field.id, coerced.value);
		return undefined;
	});
	if (errors.length) throw unprocessable(errors);
	return out;
}

/** Applies resolved custom field values to a record's value map. */
export function applyCustomFields(
	target: Record<string, CustomFieldValue>,
	values: Map<string, CustomFieldValue | null>,
): void {
	for (const [id, value] of values) {
		if (value === null) delete target[id];
		else target[id] = value;
	}
}

function coerceValue(
	field: CustomFieldRecord,
	value: unknown,
): { value: CustomFieldValue | null } | { error: string } {
	if (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	)
		return { value: null };
	const options = field.picklistOptions ?? [];
	const option = (v: unknown): string | undefined =>
		options.find((o) => o.toLowerCase() === String(v).trim().toLowerCase());
	switch (field.dataType) {
		case 'NUMERICAL':
		case 'MONETORY':
		case 'FLOAT': {
			const n =
				typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
			return Number.isFinite(n)
				? { value: n }
				: { error: `${field.name} (${field.dataType}) must be a number` };
		}
		case 'SINGLE_OPTIONS':
		case 'RADIO': {
			const o = typeof value === 'string' || typeof value === 'number' ? option(value) : undefined;
			return o ? { value: o } : { error: `${field.name} must be one of: ${options.join(', ')}` };
		}
		case 'MULTIPLE_OPTIONS':
		case 'CHECKBOX': {
			const list = Array.isArray(value) ? value : [value];
			const mapped = list.map(option);
			const bad = list.filter((_, i) => mapped[i] === undefined);
			return bad.length
				? { error: `${field.name} options must be among: ${options.join(', ')}` }
				: { value: mapped as string[] };
		}
		case 'FILE_UPLOAD':
			return typeof value === 'object'
				? { value: value as Record<string, unknown> }
				: { error: `${field.name} must be an object` };
		default:
			return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
				? { value: String(value) }
				: { error: `${field.name} (${field.dataType}) must be a string` };
	}
}

/** Full name used for `contactName` / `fullNameLowerCase`. */
export function contactFullName(contact: ContactRecord): string {
	return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

function compact(value: Record<string, unknown>): Record<string, unknown> {
	for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
	return value;
}

/**
 * A contact as GET /contacts/{id} returns it (contacts.json `GetContectByIdSchema`; live shape per
 * GoHighLevel/highlevel-api-docs#289): unset fields omitted, `customFields: [{id, value}]`.
 */
export function contactToApi(contact: ContactRecord): Record<string, unknown> {
	const fullName = contactFullName(contact);
	return compact({
		id: contact.id,
		locationId: contact.locationId,
		contactName: fullName || undefined,
		firstName: contact.firstName,
		lastName: contact.lastName,
		firstNameLowerCase: contact.firstName?.toLowerCase(),
		lastNameLowerCase: contact.lastName?.toLowerCase(),
		fullNameLowerCase: fullName ? fullName.toLowerCase() : undefined,
		email: contact.email,
		emailLowerCase: contact.email,
		phone: contact.phone,
		companyName: contact.companyName,
		address1: contact.address1,
		city: contact.city,
		state: contact.state,
		postalCode: contact.postalCode,
		country: contact.country,
		website: contact.website,
		timezone: contact.timezone,
		gender: contact.gender,
		dateOfBirth: contact.dateOfBirth,
		dnd: contact.dnd,
		dndSettings: contact.dndSettings,
		inboundDndSettings: contact.inboundDndSettings,
		type: contact.type,
		source: contact.source,
		assignedTo: contact.assignedTo,
		businessId: contact.businessId,
		tags: [...contact.tags],
		dateAdded: contact.dateAdded,
		dateUpdated: contact.dateUpdated,
		customFields: Object.entries(contact.customFields).map(([id, value]) => ({ id, value })),
		additionalEmails: [],
		followers: [],
	});
}

/**
 * A contact as POST /contacts/search returns it: like {@link contactToApi} but, as observed live
 * (GoHighLevel/highlevel-api-docs#314), `address` instead of `address1` and `dateOfBirth` as epoch ms; plus the
 * record's `searchAfter` cursor.
 */
export function contactToSearchApi(
	contact: ContactRecord,
	searchAfter: unknown[],
): Record<string, unknown> {
	const out = contactToApi(contact);
	if ('address1' in out) {
		out.address = out.address1;
		delete out.address1;
	}
	if (contact.dateOfBirth) {
		const ms = parseDateOfBirth(contact.dateOfBirth);
		if (ms === undefined) delete out.dateOfBirth;
		else out.dateOfBirth = ms;
	}
	out.searchAfter = searchAfter;
	return out;
}

/**
 * Parses the date-of-birth formats of contacts.json `dateOfBirth` (YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD,
 * MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD, MM_DD_YYYY) to epoch ms (UTC midnight).
 */
export function parseDateOfBirth(value: string): number | undefined {
	const m = /^(\d{4})[/\-._](\d{1,2})[/\-._](\d{1,2})$/.exec(value) ?? null;
	if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	const us = /^(\d{1,2})[/\-._](\d{1,2})[/\-._](\d{4})$/.exec(value);
	if (us) return Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]));
	return undefined;
}
