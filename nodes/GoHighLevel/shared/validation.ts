import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A pragmatic e-mail check (one `@`, a dot in the domain, no spaces); HighLevel does its own on top. */
export function isEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

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
 * Parses a date or date-time given by the user (ISO 8601, or anything `Date` parses unambiguously such as
 * n8n's dateTime parameter values) into an ISO 8601 string in UTC.
 * @returns the ISO string, or undefined when the value is empty or not a date
 */
export function toIsoDateTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = value instanceof Date ? value : new Date(String(value));
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** One field checked in the request body before sending. */
export interface BodyRule {
	/** Property of the request body, e.g. `email`. */
	property: string;
	/** The node parameter a user sees, e.g. `Email`, named in the error. */
	parameter: string;
	kind: 'email' | 'phone';
}

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
			const ok = rule.kind === 'email' ? isEmail(String(value)) : isPhone(String(value));
			if (!ok) {
				throw new NodeOperationError(this.getNode(), `Invalid ${rule.parameter}: "${String(value)}"`, {
					description:
						rule.kind === 'email'
							? `Parameter "${rule.parameter}" must be an e-mail address like name@example.com.`
							: `Parameter "${rule.parameter}" must be a phone number with 7 to 15 digits, ideally in E.164 form like +14155550123.`,
					itemIndex: this.getItemIndex(),
				});
			}
			body[rule.property] = String(value).trim();
		}
		if (required && !required.anyOf.some((p) => body[p] !== undefined && body[p] !== '')) {
			throw new NodeOperationError(this.getNode(), required.message, { itemIndex: this.getItemIndex() });
		}
		return { ...requestOptions, body };
	};
}
