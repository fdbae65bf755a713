/**
 * Forms, surveys and their submissions (forms.json, surveys.json, Version 2021-07-28).
 *
 * Seeded per location on first use (ids derived from the location id, the same on every run): forms "Contact Us",
 * "Quote Request", "Newsletter Signup"; surveys "Customer Satisfaction", "Service Feedback"; 260 form submissions
 * and 230 survey submissions (enough for three pages of 100), `createdAt` every 5 hours from
 * {@link SUBMISSIONS_START} (about 54 and 48 days), newest first in the lists, spread over the forms / surveys in
 * turn. Tests add submissions with {@link addSubmission}.
 *
 * Lists (hand-written, because HighLevel pages and filters them):
 * - `get-forms` / `get-surveys`: `skip` + `limit` (≤ 50, the description's maximum; more → 422), by name; `total`.
 * - `get-forms-submissions` / `get-surveys-submissions`: `page` (from 1) + `limit` (≤ 100; more → 422), newest
 *   first; `formId` / `surveyId`; `q` (contact id, name, e-mail or phone, case ignored); `startAt` / `endAt` dates
 *   `YYYY-MM-DD` (another format → 422), both days included, compared with the date of `createdAt` in the
 *   **location's time zone** (HighLevel does not document the zone; the sandbox's choice). Without `startAt` the
 *   range starts the same date last month, without `endAt` it ends today (the parameters' descriptions).
 *   `meta {total, currentPage, nextPage (null on the last page), prevPage}`.
 */
import { unprocessable, type OperationContext, type OperationHandler } from './context';
import { createRng, randomId, randomUuid } from './random';
import { recordsOf, type PlainRecord } from './records';
import type { LocationData } from './store';

/** `createdAt` of the first seeded submission (ms); the others follow every 5 hours. */
export const SUBMISSIONS_START = Date.UTC(2025, 10, 1, 9, 30);
const SEED_STEP_MS = 5 * 3_600_000;

/** A form or a survey (`FormsParams` / `GetSurveysSchema`: `id, name, locationId`). */
export interface FormRecord extends PlainRecord {
	name: string;
	locationId: string;
}

/** A submission (`FormsSubmissionsSubmissionsSchema` / `SubmissionSchema`). */
export interface SubmissionRecord extends PlainRecord {
	contactId: string;
	/** ISO 8601. */
	createdAt: string;
	formId?: string;
	surveyId?: string;
	name: string;
	email: string;
	others: Record<string, unknown>;
}

/** The two kinds, with their collections and the parameter naming the form or survey. */
const KINDS = {
	form: { list: 'forms', submissions: 'formSubmissions', idField: 'formId', names: ['Contact Us', 'Quote Request', 'Newsletter Signup'], seeded: 260 },
	survey: { list: 'surveys', submissions: 'surveySubmissions', idField: 'surveyId', names: ['Customer Satisfaction', 'Service Feedback'], seeded: 230 },
} as const;

/** Forms, surveys or submissions. */
export type SubmissionKind = keyof typeof KINDS;

const PEOPLE = [
	['Ada', 'Lovelace'],
	['Grace', 'Hopper'],
	['Alan', 'Turing'],
	['Katherine', 'Johnson'],
	['Edsger', 'Dijkstra'],
	['Barbara', 'Liskov'],
];

const seededLocations = new WeakSet<LocationData>();

/** The seeded id of a location's `index`-th form or survey (stable across runs). */
export function seededFormId(kind: SubmissionKind, locationId: string, index: number): string {
	return randomId(createRng(`${kind}:${locationId}:${index}`));
}

function seed(location: LocationData): void {
	if (seededLocations.has(location)) return;
	seededLocations.add(location);
	for (const kind of Object.keys(KINDS) as SubmissionKind[]) {
		const k = KINDS[kind];
		const parents = recordsOf<FormRecord>(location, k.list);
		k.names.forEach((name, i) => {
			const id = seededFormId(kind, location.id, i);
			parents.set(id, { id, name, locationId: location.id });
		});
		const ids = [...parents.keys()];
		const submissions = recordsOf<SubmissionRecord>(location, k.submissions);
		for (let i = 0; i < k.seeded; i++) {
			const [first, last] = PEOPLE[i % PEOPLE.length];
			const rng = createRng(`${kind}-submission:${location.id}:${i}`);
			const record: SubmissionRecord = {
				id: randomUuid(rng),
				contactId: randomId(rng),
				createdAt: new Date(SUBMISSIONS_START + i * SEED_STEP_MS).toISOString(),
				[k.idField]: ids[i % ids.length],
				name: `${first} ${last}`,
				email: `${first}.${last}.${i}@example.com`.toLowerCase(),
				others: { phone: `+1555${String(1000000 + i).slice(1)}` },
			};
			submissions.set(record.id, record);
		}
	}
}

/** The forms or surveys of a location (seeded on first use). */
export function formsOf(location: LocationData, kind: SubmissionKind): Map<string, FormRecord> {
	seed(location);
	return recordsOf<FormRecord>(location, KINDS[kind].list);
}

/** The form or survey submissions of a location (seeded on first use). */
export function submissionsOf(location: LocationData, kind: SubmissionKind): Map<string, SubmissionRecord> {
	seed(location);
	return recordsOf<SubmissionRecord>(location, KINDS[kind].submissions);
}

/**
 * Adds a submission of the location's form or survey `parentId` (default its first), as if a contact sent it now.
 * @param createdAt ISO 8601 or epoch ms (default: now)
 * @returns the stored record
 */
export function addSubmission(
	location: LocationData,
	kind: SubmissionKind,
	o: { id: string; parentId?: string; createdAt?: string | number; name?: string; email?: string; contactId?: string },
): SubmissionRecord {
	const parentId = o.parentId ?? [...formsOf(location, kind).keys()][0];
	const createdAt = new Date(o.createdAt ?? Date.now()).toISOString();
	const record: SubmissionRecord = {
		id: o.id,
		contactId: o.contactId ?? `c${o.id}`.slice(0, 20),
		createdAt,
		[KINDS[kind].idField]: parentId,
		name: o.name ?? 'Test Submitter',
		email: o.email ?? `${o.id}@example.com`.toLowerCase(),
		others: {},
	};
	submissionsOf(location, kind).set(record.id, record);
	return record;
}

/** `YYYY-MM-DD` of an instant in an IANA time zone. */
function dateIn(zone: string, ms: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(ms),
	);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function numberOf(value: unknown, fallback: number): number {
	const n = Number(value);
	return value === undefined || value === '' || !Number.isFinite(n) ? fallback : n;
}

/** Checks `limit` against the maximum the parameter's description states. */
function pageLimit(ctx: OperationContext, fallback: number, max: number): number {
	const limit = numberOf(ctx.query.limit, fallback);
	if (limit > max) throw unprocessable([`limit must not be greater than ${max}`]);
	if (limit < 1) throw unprocessable(['limit must not be less than 1']);
	return limit;
}

/** get-forms / get-surveys: `skip` + `limit` (≤ 50), by name, `{forms|surveys, total}`. */
function listForms(kind: SubmissionKind): OperationHandler {
	return (ctx) => {
		const limit = pageLimit(ctx, 10, 50);
		const skip = numberOf(ctx.query.skip, 0);
		const all = [...formsOf(ctx.location, kind).values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
		return {
			status: 200,
			body: { [KINDS[kind].list]: all.slice(skip, skip + limit).map((f) => ({ ...f })), total: all.length },
		};
	};
}

/** get-forms-submissions / get-surveys-submissions (see the file comment). */
function listSubmissions(kind: SubmissionKind): OperationHandler {
	const k = KINDS[kind];
	return (ctx) => {
		const limit = pageLimit(ctx, 20, 100);
		const page = numberOf(ctx.query.page, 1);
		if (page < 1 || !Number.isInteger(page)) throw unprocessable(['page must not be less than 1']);
		const bad = (['startAt', 'endAt'] as const).filter((p) => ctx.query[p] !== undefined && !DATE.test(String(ctx.query[p])));
		if (bad.length) throw unprocessable(bad.map((p) => `${p} must be a date in the format YYYY-MM-DD`));
		const zone = ctx.location.location.timezone || 'UTC';
		const today = dateIn(zone, ctx.now());
		const [y, m, d] = today.split('-').map(Number);
		const startAt = ctx.query.startAt === undefined ? dateIn('UTC', Date.UTC(y, m - 2, d)) : String(ctx.query.startAt);
		const endAt = ctx.query.endAt === undefined ? today : String(ctx.query.endAt);
		const parentId = ctx.query[k.idField];
		const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim().toLowerCase() : '';
		const matches = [...submissionsOf(ctx.location, kind).values()]
			.filter((s) => parentId === undefined || s[k.idField] === parentId)
			.filter((s) => {
				const day = dateIn(zone, Date.parse(s.createdAt));
				return day >= startAt && day <= endAt;
			})
			.filter(
				(s) =>
					!q ||
					[s.contactId, s.name, s.email, s.others.phone].some((v) => typeof v === 'string' && v.toLowerCase().includes(q)),
			)
			.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
		const start = (page - 1) * limit;
		const last = Math.max(1, Math.ceil(matches.length / limit));
		return {
			status: 200,
			body: {
				submissions: matches.slice(start, start + limit).map((s) => structuredClone(s)),
				meta: {
					total: matches.length,
					currentPage: page,
					nextPage: page < last ? page + 1 : null,
					prevPage: page > 1 ? page - 1 : null,
				},
			},
		};
	};
}

/** Handlers by operationId. */
export const formHandlers: Record<string, OperationHandler> = {
	'get-forms': listForms('form'),
	'get-forms-submissions': listSubmissions('form'),
	'get-surveys': listForms('survey'),
	'get-surveys-submissions': listSubmissions('survey'),
};
