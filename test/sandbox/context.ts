/**
 * What an operation handler receives and how it fails. Error bodies follow FACTS.md 6
 * (`{statusCode, message}`; 422 with `message` as an array and `error: "Unprocessable Entity"`).
 */
import type { TokenRecord } from './auth';
import type { LocationData, SandboxStore } from './store';
import type { SandboxStats } from './stats';

/** An HTTP error answer. `validationErrors` marks a 422 that is recorded in `stats.invalidRequests`. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
		readonly validationErrors?: string[],
	) {
		super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
	}
}

/** 400 `{statusCode: 400, message, ...extra}`. */
export function badRequest(message: string, extra: Record<string, unknown> = {}): HttpError {
	return new HttpError(400, { statusCode: 400, message, ...extra });
}

/** 404 `{statusCode: 404, message}`, e.g. `Contact not found`. */
export function notFound(message: string): HttpError {
	return new HttpError(404, { statusCode: 404, message });
}

/** 403 for a token used on another location's data (FACTS.md 6, issue #213). */
export function forbiddenLocation(): HttpError {
	return new HttpError(403, {
		statusCode: 403,
		message: 'The token does not have access to this location.',
	});
}

/** 422 `{statusCode: 422, message: [...], error: 'Unprocessable Entity'}`; counted as an invalid request. */
export function unprocessable(messages: string[]): HttpError {
	return new HttpError(
		422,
		{ statusCode: 422, message: messages, error: 'Unprocessable Entity' },
		messages,
	);
}

/** The request as seen by an operation handler (after auth, rate limit and validation). */
export interface OperationContext {
	operationId: string;
	/** Path parameters. */
	params: Record<string, string>;
	/** Query parameters, coerced per spec (numbers are numbers). */
	query: Record<string, unknown>;
	/** Parsed JSON (or form) body. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	token: TokenRecord;
	/** The token's location. */
	location: LocationData;
	store: SandboxStore;
	stats: SandboxStats;
	/** Sandbox clock, epoch ms. */
	now(): number;
	/** Base URL of the sandbox, no trailing slash (used in `nextPageUrl`). */
	baseUrl: string;
	/** Files of a multipart/form-data request (server.ts), in order; their text fields are in `body`. */
	files?: UploadedFile[];
}

/** One file part of a multipart/form-data request. */
export interface UploadedFile {
	/** Form field name, e.g. `fileAttachment`. */
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** A success answer. */
export interface OperationResult {
	status: number;
	body: Record<string, unknown>;
}

/** An operation handler; throws {@link HttpError} for error answers. */
export type OperationHandler = (ctx: OperationContext) => OperationResult;

/** Resolves a record owned by the token's location: 403 if another location owns it, else 404 with `message`. */
export function ownedRecord<T>(
	ctx: OperationContext,
	id: string,
	get: (data: LocationData) => T | undefined,
	owner: (store: SandboxStore) => LocationData | undefined,
	message: string,
): T {
	const record = get(ctx.location);
	if (record) return record;
	if (owner(ctx.store)) throw forbiddenLocation();
	throw notFound(message);
}

/** ISO 8601 string of an epoch-ms time. */
export function iso(ms: number): string {
	return new Date(ms).toISOString();
}
