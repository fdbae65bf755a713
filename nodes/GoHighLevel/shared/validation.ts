import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The error for bad input of one parameter, raised before any request: message `Invalid <parameter>`,
 * description `Parameter "<parameter>": <problem>` (the problem says what to change), for the current item.
 */
export function invalidParameter(ctx: IExecuteSingleFunctions, parameter: string, problem: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Invalid ${parameter}`, {
		description: `Parameter "${parameter}": ${problem}`,
		itemIndex: ctx.getItemIndex(),
	});
}

/**
 * A pragmatic e-mail check; HighLevel does its own on top. One `@`, no spaces; the local part neither starts nor
 * ends with a dot; the domain has at least two labels separated by single dots, none empty or starting or ending
 * with a hyphen, and a top-level label of at least two characters. No two dots in a row anywhere (`a@b..c`,
 * `a..b@c.io` are refused).
 */
export function isEmail(value: string): boolean {
	const v = value.trim();
	return !v.includes('..') && EMAIL.test(v);
}

/** Domain label: no dot, `@` or space, not starting or ending with a hyphen. */
const LABEL = '[^\\s@.-](?:[^\\s@.]*[^\\s@.-])?';
const EMAIL = new RegExp(`^(?!\\.)[^\\s@]+(?<!\\.)@(?:${LABEL}\\.)+[^\\s@.-][^\\s@.]*[^\\s@.-]$`);

/**
 * A phone check: optional leading `+`, then digits with spaces, dots, dashes or parentheses; 7 to 15 digits
 * (E.164 allows at most 15). HighLevel stores phones in E.164 (`+1 888-888-8888` in the spec examples).
 */
export function isPhone(value: string): boolean {
	const v = value.trim();
	if (!/^\+?[\d\s().-]+$/.test(v)) return false;
	const digits = v.replace(/\D/g, '').length;
	return digits >= 7 && digits <= 15;
}

/**
 * Parses a date or date-time given by the user — an ISO 8601 string starting `YYYY-MM-DD` (what n8n's dateTime
 * parameters hold; without a zone it is read as UTC), or a `Date` — into an ISO 8601 string in UTC.
 * @returns the ISO string, or undefined when the value is empty or not such a date
 */
export function toIsoDateTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const text = String(value).trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
	if (!iso) return undefined;
	const withZone = iso[4] ? (iso[7] ? text : `${text}Z`) : `${text}T00:00:00Z`;
	const date = new Date(withZone.replace(' ', 'T'));
	if (Number.isNaN(date.getTime())) return undefined;
	// Reject impossible dates that Date rolls over (2024-02-31 → March).
	const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
	return date.toISOString();
}

/** One field checked in the request body before sending. */
export interface BodyRule {
	/** Property of the request body, e.g. `email`. */
	property: string;
	/** The node parameter a user sees, e.g. `Email`, named in the error. */
	parameter: string;
	/** `date`: an ISO date or date-time, sent as `YYYY-MM-DD` (contacts.json `dateOfBirth` formats). */
	kind: 'email' | 'phone' | 'date';
}

/** What each kind accepts, as told to the user, and how a valid value is sent. */
const KINDS: Record<BodyRule['kind'], { check: (value: string) => string | undefined; expected: string }> = {
	email: { check: (v) => (isEmail(v) ? v.trim() : undefined), expected: 'an e-mail address like name@example.com' },
	phone: {
		check: (v) => (isPhone(v) ? v.trim() : undefined),
		expected: 'a phone number with 7 to 15 digits, ideally in E.164 form like +14155550123',
	},
	date: { check: (v) => toIsoDateTime(v)?.slice(0, 10), expected: 'a date like 1990-09-25 (ISO 8601)' },
};

/**
 * A `preSend` hook that checks body fields locally and fails before any request is sent.
 * @throws NodeOperationError naming the parameter and the fix
 */
export function validateBody(rules: BodyRule[], required?: { anyOf: string[]; message: string }) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as IDataObject;
		for (const rule of rules) {
			const value = body[rule.property];
			if (value === undefined || value === null || value === '') continue;
			const kind = KINDS[rule.kind];
			const sent = kind.check(String(value));
			if (sent === undefined) {
				throw new NodeOperationError(this.getNode(), `Invalid ${rule.parameter}: "${String(value)}"`, {
					description: `Parameter "${rule.parameter}" must be ${kind.expected}.`,
					itemIndex: this.getItemIndex(),
				});
			}
			body[rule.property] = sent;
		}
		if (required && !required.anyOf.some((p) => body[p] !== undefined && body[p] !== '')) {
			throw new NodeOperationError(this.getNode(), required.message, { itemIndex: this.getItemIndex() });
		}
		return { ...requestOptions, body };
	};
}
