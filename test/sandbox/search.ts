/**
 * POST /contacts/search (contacts.json `search-contacts-advanced`; body and pagination per FACTS.md 2.1/2.14):
 * filters (`{field, operator, value}` or `{group: 'AND'|'OR', filters}`), sort, `query`, and either
 * `page` + `pageLimit` (at most 10,000 records deep) or `searchAfter` + `pageLimit`. Every returned contact
 * carries `searchAfter: [<sort values…>, <id>]`; the next page starts after the last record's cursor.
 */
import { unprocessable } from './context';
import { contactFullName, normalizePhone } from './fields';
import type { ContactRecord, LocationData } from './store';

/** Operators of the search filter language (FACTS.md 2.1). */
export const SEARCH_OPERATORS = [
	'eq',
	'not_eq',
	'contains',
	'not_contains',
	'exists',
	'not_exists',
	'range',
] as const;
type Operator = (typeof SEARCH_OPERATORS)[number];

/** Fields that can be sorted on; their cursor value is epoch ms for dates, the lower-case string otherwise. */
export const SORT_FIELDS = [
	'dateAdded',
	'dateUpdated',
	'firstNameLowerCase',
	'lastNameLowerCase',
	'fullNameLowerCase',
	'email',
] as const;
type SortField = (typeof SORT_FIELDS)[number];

/**
 * How the bounds of a date `range` filter are read. HighLevel documents neither ISO 8601 nor epoch ms for them
 * (FACTS.md 2.1), so by default both are accepted. `epoch-ms-only` behaves like a HighLevel that reads only epoch
 * ms: an ISO bound is not refused but matches nothing, so a client relying on ISO bounds silently gets no records.
 * Process-wide (tests switch it and switch it back).
 */
export type DateRangeReading = 'iso-or-epoch-ms' | 'epoch-ms-only';
let dateRangeReading: DateRangeReading = 'iso-or-epoch-ms';

/** Sets how date `range` bounds are read (see {@link DateRangeReading}); returns the previous setting. */
export function setDateRangeReading(reading: DateRangeReading): DateRangeReading {
	const previous = dateRangeReading;
	dateRangeReading = reading;
	return previous;
}

/** Page mode refuses to go deeper than this many records (FACTS.md 2.1 "Fetches up to 10,000 records total"). */
export const PAGE_MODE_MAX_RECORDS = 10_000;

type Kind = 'text' | 'tags' | 'date' | 'boolean' | 'phone' | 'custom';
type Accessor = (c: ContactRecord) => unknown;

const TEXT_FIELDS: Record<string, Accessor> = {
	id: (c) => c.id,
	email: (c) => c.email,
	firstName: (c) => c.firstName,
	lastName: (c) => c.lastName,
	firstNameLowerCase: (c) => c.firstName,
	lastNameLowerCase: (c) => c.lastName,
	fullNameLowerCase: (c) => contactFullName(c) || undefined,
	contactName: (c) => contactFullName(c) || undefined,
	companyName: (c) => c.companyName,
	address1: (c) => c.address1,
	city: (c) => c.city,
	state: (c) => c.state,
	postalCode: (c) => c.postalCode,
	country: (c) => c.country,
	source: (c) => c.source,
	timezone: (c) => c.timezone,
	website: (c) => c.website,
	assignedTo: (c) => c.assignedTo,
	type: (c) => c.type,
};

interface FieldInfo {
	kind: Kind;
	get: Accessor;
	/** Custom field data type, for `custom`. */
	dataType?: string;
}

function fieldInfo(data: LocationData, field: string): FieldInfo | undefined {
	if (field === 'tags') return { kind: 'tags', get: (c) => c.tags };
	if (field === 'phone') return { kind: 'phone', get: (c) => c.phone };
	if (field === 'dnd') return { kind: 'boolean', get: (c) => c.dnd };
	if (field === 'dateAdded') return { kind: 'date', get: (c) => Date.parse(c.dateAdded) };
	if (field === 'dateUpdated') return { kind: 'date', get: (c) => Date.parse(c.dateUpdated) };
	if (TEXT_FIELDS[field]) return { kind: 'text', get: TEXT_FIELDS[field] };
	const custom = /^customFields?\.(.+)$/.exec(field);
	if (custom) {
		const def =
			data.customFields.get(custom[1]) ??
			[...data.customFields.values()].find(
				(f) => f.fieldKey === custom[1] || f.fieldKey === `contact.${custom[1]}`,
			);
		if (def && def.model === 'contact')
			return { kind: 'custom', get: (c) => c.customFields[def.id], dataType: def.dataType };
	}
	return undefined;
}

type Predicate = (c: ContactRecord) => boolean;

const lower = (v: unknown): string => String(v).trim().toLowerCase();
const isEmpty = (v: unknown): boolean =>
	v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function toMs(v: unknown): number {
	if (typeof v === 'number') return v;
	if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v);
	return typeof v === 'string' ? Date.parse(v) : NaN;
}

function compileFilter(
	data: LocationData,
	filter: unknown,
	at: string,
	errors: string[],
): Predicate {
	const f = (filter ?? {}) as Record<string, unknown>;
	if ('group' in f) {
		const group = String(f.group).toUpperCase();
		if (group !== 'AND' && group !== 'OR')
			errors.push(`${at}.group must be one of the following values: AND, OR`);
		if (!Array.isArray(f.filters)) {
			errors.push(`${at}.filters must be an array`);
			return () => false;
		}
		const parts = f.filters.map((sub, i) => compileFilter(data, sub, `${at}.filters.${i}`, errors));
		return group === 'OR' ? (c) => parts.some((p) => p(c)) : (c) => parts.every((p) => p(c));
	}
	const field = typeof f.field === 'string' ? f.field : '';
	const operator = f.operator as Operator;
	if (!field) errors.push(`${at}.field should not be empty`);
	if (!SEARCH_OPERATORS.includes(operator))
		errors.push(
			`${at}.operator must be one of the following values: ${SEARCH_OPERATORS.join(', ')}`,
		);
	const info = field ? fieldInfo(data, field) : undefined;
	if (field && !info) errors.push(`${at}.field ${field} is not a searchable contact field`);
	if (!info || !SEARCH_OPERATORS.includes(operator)) return () => false;
	const value = f.value;
	if (operator === 'exists') return (c) => !isEmpty(info.get(c));
	if (operator === 'not_exists') return (c) => isEmpty(info.get(c));
	if (operator === 'range') return compileRange(info, value, at, errors);
	if (value === undefined) {
		errors.push(`${at}.value should not be empty`);
		return () => false;
	}
	const positive = compilePositive(
		info,
		operator === 'eq' || operator === 'not_eq' ? 'eq' : 'contains',
		value,
		at,
		errors,
	);
	return operator.startsWith('not_') ? (c) => !positive(c) : positive;
}

function compilePositive(
	info: FieldInfo,
	op: 'eq' | 'contains',
	value: unknown,
	at: string,
	errors: string[],
): Predicate {
	const values = (Array.isArray(value) ? value : [value]).map(lower);
	switch (info.kind) {
		case 'tags':
			// eq: has the tag (an array: has all of them); contains: some tag contains each given text
			return op === 'eq'
				? (c) => values.every((v) => c.tags.includes(v))
				: (c) => values.every((v) => c.tags.some((t) => t.includes(v)));
		case 'boolean': {
			const want = values[0] === 'true';
			if (op !== 'eq') errors.push(`${at}.operator contains is not supported for a boolean field`);
			return (c) => Boolean(info.get(c)) === want;
		}
		case 'date': {
			if (op !== 'eq') errors.push(`${at}.operator contains is not supported for a date field`);
			const ms = values.map((v) => toMs(v));
			return (c) => ms.includes(info.get(c) as number);
		}
		case 'phone': {
			const wanted = values.map((v) =>
				op === 'eq' ? (normalizePhone(v) ?? v) : v.replace(/\D/g, ''),
			);
			return op === 'eq'
				? (c) => c.phone !== undefined && wanted.includes(c.phone)
				: (c) => c.phone !== undefined && wanted.some((w) => c.phone!.includes(w));
		}
		default: {
			const get = (c: ContactRecord): string[] => {
				const v = info.get(c);
				if (isEmpty(v)) return [];
				return Array.isArray(v) ? v.map(lower) : [lower(v)];
			};
			return op === 'eq'
				? (c) => get(c).some((v) => values.includes(v))
				: (c) => get(c).some((v) => values.some((w) => v.includes(w)));
		}
	}
}

function compileRange(info: FieldInfo, value: unknown, at: string, errors: string[]): Predicate {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		errors.push(`${at}.value must be an object with gte, lte, gt or lt`);
		return () => false;
	}
	const bounds = value as Record<string, unknown>;
	const numeric =
		info.kind === 'custom' && ['NUMERICAL', 'MONETORY', 'FLOAT'].includes(info.dataType ?? '');
	if (info.kind !== 'date' && !numeric && !(info.kind === 'custom' && info.dataType === 'DATE')) {
		errors.push(`${at}.operator range is only supported for dates and numbers`);
		return () => false;
	}
	const conv = (v: unknown): number => (numeric ? Number(v) : toMs(v));
	const epochOnly = !numeric && dateRangeReading === 'epoch-ms-only';
	const checks: Array<(x: number) => boolean> = [];
	for (const [key, raw] of Object.entries(bounds)) {
		const isEpoch = typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw.trim()));
		if (epochOnly && !isEpoch && Number.isFinite(conv(raw))) {
			checks.push(() => false);
			continue;
		}
		const b = conv(raw);
		if (!Number.isFinite(b))
			errors.push(`${at}.value.${key} is not a valid ${numeric ? 'number' : 'date'}`);
		if (key === 'gte') checks.push((x) => x >= b);
		else if (key === 'gt') checks.push((x) => x > b);
		else if (key === 'lte') checks.push((x) => x <= b);
		else if (key === 'lt') checks.push((x) => x < b);
		else errors.push(`property ${at}.value.${key} should not exist`);
	}
	return (c) => {
		const v = info.get(c);
		if (isEmpty(v)) return false;
		const x = conv(v);
		return Number.isFinite(x) && checks.every((check) => check(x));
	};
}

interface SortSpec {
	field: SortField;
	desc: boolean;
}

function sortValue(c: ContactRecord, field: SortField): number | string {
	switch (field) {
		case 'dateAdded':
			return Date.parse(c.dateAdded);
		case 'dateUpdated':
			return Date.parse(c.dateUpdated);
		case 'firstNameLowerCase':
			return (c.firstName ?? '').toLowerCase();
		case 'lastNameLowerCase':
			return (c.lastName ?? '').toLowerCase();
		case 'fullNameLowerCase':
			return contactFullName(c).toLowerCase();
		case 'email':
			return c.email ?? '';
	}
}

interface Keyed {
	contact: ContactRecord;
	/** Sort values then id. */
	key: Array<number | string>;
}

function compareKeys(
	a: Array<number | string>,
	b: Array<number | string>,
	sort: SortSpec[],
): number {
	for (let i = 0; i < sort.length; i++) {
		const x = a[i];
		const y = b[i];
		if (x === y) continue;
		const c = x < y ? -1 : 1;
		return sort[i].desc ? -c : c;
	}
	const x = a[sort.length];
	const y = b[sort.length];
	return x === y ? 0 : x < y ? -1 : 1;
}

/** Cache of filtered + sorted results, keyed by location, request shape and contacts version. */
const cache = new WeakMap<LocationData, Map<string, { version: number; rows: Keyed[] }>>();

/** The documented search body (FACTS.md 2.1). */
export interface ContactSearchBody {
	locationId: string;
	page?: number;
	pageLimit: number;
	searchAfter?: unknown[];
	filters?: unknown[];
	sort?: Array<{ field: string; direction?: string }>;
	query?: string;
}

/**
 * Runs a contact search for one location.
 * @returns `contacts` (API shape with `searchAfter`) and `total` (all matches, not capped)
 * @throws HttpError 422 for unknown fields/operators, bad ranges, `page` together with `searchAfter`, a cursor of
 *   the wrong length, or a page beyond {@link PAGE_MODE_MAX_RECORDS}
 */
export function searchContacts(
	data: LocationData,
	body: ContactSearchBody,
	toApi: (c: ContactRecord, searchAfter: unknown[]) => Record<string, unknown>,
): { contacts: Array<Record<string, unknown>>; total: number } {
	const errors: string[] = [];
	if (body.page !== undefined && body.searchAfter !== undefined) {
		errors.push(
			'page and searchAfter cannot be used together; use searchAfter without page for deep pagination',
		);
	}
	const sort: SortSpec[] = [];
	(body.sort ?? []).forEach((s, i) => {
		if (!SORT_FIELDS.includes(s.field as SortField))
			errors.push(`sort.${i}.field must be one of the following values: ${SORT_FIELDS.join(', ')}`);
		else sort.push({ field: s.field as SortField, desc: (s.direction ?? 'desc') === 'desc' });
	});
	if (sort.length === 0) sort.push({ field: 'dateAdded', desc: true });
	const predicates = (body.filters ?? []).map((f, i) =>
		compileFilter(data, f, `filters.${i}`, errors),
	);
	const pageLimit = body.pageLimit;
	const page = body.page ?? 1;
	if (body.searchAfter === undefined && page * pageLimit > PAGE_MODE_MAX_RECORDS) {
		errors.push(
			`page + pageLimit can fetch at most ${PAGE_MODE_MAX_RECORDS} records; use searchAfter to go further`,
		);
	}
	if (body.searchAfter !== undefined && body.searchAfter.length !== sort.length + 1) {
		errors.push(
			`searchAfter must have ${sort.length + 1} values (the searchAfter of the last record of the previous page)`,
		);
	}
	if (errors.length) throw unprocessable(errors);

	const query = body.query?.trim().toLowerCase();
	const cacheKey = JSON.stringify([body.filters ?? [], sort, query ?? '', dateRangeReading]);
	let perLocation = cache.get(data);
	if (!perLocation) {
		perLocation = new Map();
		cache.set(data, perLocation);
	}
	let entry = perLocation.get(cacheKey);
	if (!entry || entry.version !== data.contactsVersion) {
		const rows: Keyed[] = [];
		for (const contact of data.contacts.values()) {
			if (query && !matchesQuery(contact, query)) continue;
			if (!predicates.every((p) => p(contact))) continue;
			rows.push({ contact, key: [...sort.map((s) => sortValue(contact, s.field)), contact.id] });
		}
		rows.sort((a, b) => compareKeys(a.key, b.key, sort));
		entry = { version: data.contactsVersion, rows };
		if (perLocation.size > 16) perLocation.clear();
		perLocation.set(cacheKey, entry);
	}
	const rows = entry.rows;
	let start: number;
	if (body.searchAfter !== undefined) {
		const cursor = body.searchAfter.map((v, i) => {
			if (i < sort.length && (sort[i].field === 'dateAdded' || sort[i].field === 'dateUpdated'))
				return toMs(v);
			return String(v);
		});
		// first row strictly after the cursor (binary search; rows are sorted by the same comparator)
		let lo = 0;
		let hi = rows.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (compareKeys(rows[mid].key, cursor, sort) <= 0) lo = mid + 1;
			else hi = mid;
		}
		start = lo;
	} else {
		start = (page - 1) * pageLimit;
	}
	const slice = rows.slice(start, start + pageLimit);
	return { contacts: slice.map((r) => toApi(r.contact, r.key)), total: rows.length };
}

/** Free-text `query`: name, email, company, or the digits of the phone. */
export function matchesQuery(contact: ContactRecord, query: string): boolean {
	const hay = [contactFullName(contact), contact.email, contact.companyName]
		.filter(Boolean)
		.join(' ')
		.toLowerCase();
	if (hay.includes(query)) return true;
	const digits = query.replace(/\D/g, '');
	return digits.length >= 3 && (contact.phone ?? '').includes(digits);
}
