/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Shared fakes for the GoHighLevel node's unit tests: a minimal n8n context, axios-shaped HTTP errors carrying a
 * bearer token (to prove it never leaks), full responses, and a virtual clock for the rate limiter.
 */
import { inspect } from 'node:util';

import { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INode,
} from 'n8n-workflow';

import type { Clock } from '../../nodes/GoHighLevel/shared/rateLimiter';

/** Token placed in every fake request's `Authorization` header; must never appear in a thrown error. */
export const SECRET_TOKEN = 'pit-secret-123';
export const LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const BASE_URL = 'https://services.leadconnectorhq.com';

export const testNode: INode = {
	id: '8d7c3b2a-1f0e-4c5d-9a8b-7c6d5e4f3a2b',
	name: 'HighLevel',
	type: 'n8n-nodes-gohighlevel.goHighLevel',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The Private Integration Token credential as n8n decrypts it. */
export function pitCredentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { token: SECRET_TOKEN, locationId: LOCATION_ID, baseUrl: BASE_URL, ...overrides };
}

/** The OAuth2 credential as n8n decrypts it: the location comes from the token response (`oauthTokenData`). */
export function oauthCredentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		clientId: 'client-id',
		clientSecret: 'client-secret',
		baseUrl: BASE_URL,
		oauthTokenData: { access_token: SECRET_TOKEN, locationId: LOCATION_ID, userType: 'Location' },
		...overrides,
	};
}

export type HttpMock = jest.Mock<Promise<IN8nHttpFullResponse>, [string, IHttpRequestOptions]>;

export interface FakeContextOptions {
	/** Node parameters by name (dotted names such as `customFields.values` are stored as written). */
	parameters?: Record<string, unknown>;
	credentials?: ICredentialDataDecryptedObject;
	http?: HttpMock;
	itemIndex?: number;
}

/** A fake n8n context implementing only what the package's shared modules call. */
export function fakeContext(options: FakeContextOptions = {}) {
	const parameters = options.parameters ?? {};
	const http: HttpMock = options.http ?? jest.fn();
	const getCredentials = jest.fn<Promise<ICredentialDataDecryptedObject>, [string]>(
		async () => options.credentials ?? pitCredentials(),
	);
	// (name, fallback, options): the options (e.g. `extractValue`) are recorded by the mock, not interpreted.
	const getNodeParameter = jest.fn<unknown, [string, unknown?, unknown?]>((name, fallback) =>
		Object.prototype.hasOwnProperty.call(parameters, name) ? parameters[name] : fallback,
	);
	const raw = {
		getNodeParameter,
		getCredentials,
		getNode: () => testNode,
		getItemIndex: () => options.itemIndex ?? 0,
		helpers: { httpRequestWithAuthentication: http },
	};
	return { ctx: raw as unknown as IExecuteSingleFunctions, http, getCredentials, getNodeParameter };
}

/** A full response as `httpRequestWithAuthentication` returns it with `returnFullResponse: true`. */
export function ok(body: unknown, headers: Record<string, unknown> = {}, statusCode = 200): IN8nHttpFullResponse {
	return { body, headers, statusCode, statusMessage: 'OK' } as IN8nHttpFullResponse;
}

function requestConfig(): InternalAxiosRequestConfig {
	return {
		method: 'get',
		baseURL: BASE_URL,
		url: '/contacts/abc',
		headers: new AxiosHeaders({ Authorization: `Bearer ${SECRET_TOKEN}`, Version: '2021-07-28' }),
	} as InternalAxiosRequestConfig;
}

/** A real `AxiosError` for an HTTP error status; its request config carries the bearer token. */
export function httpError(status: number, data?: unknown, headers: Record<string, unknown> = {}): AxiosError {
	const config = requestConfig();
	const response = {
		status,
		statusText: String(status),
		headers: new AxiosHeaders(headers as Record<string, string>),
		data,
		config,
	} as AxiosResponse;
	return new AxiosError(
		`Request failed with status code ${status}`,
		status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
		config,
		{ _header: `GET /contacts/abc HTTP/1.1\r\nAuthorization: Bearer ${SECRET_TOKEN}\r\n` },
		response,
	);
}

/**
 * How n8n-core 2.8's `httpRequestWithAuthentication` answers an HTTP error status, as a mock implementation:
 * with `ignoreHttpStatusErrors` it resolves with the full response; otherwise it throws
 * `new NodeApiError(node, axiosError)`, which keeps the status (`httpCode`) and body (`context.data`) but not the
 * axios error itself nor the response headers.
 */
export function n8nHttpStatus(status: number, data?: unknown, headers: Record<string, unknown> = {}) {
	return async (_type: string, options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		if (options.ignoreHttpStatusErrors) return ok(data, headers, status);
		throw new NodeApiError(testNode, httpError(status, data, headers) as never);
	};
}

/** A real `AxiosError` without a response (the connection failed); its config carries the bearer token. */
export function networkError(code = 'ECONNRESET', message = 'socket hang up'): AxiosError {
	return new AxiosError(message, code, requestConfig(), {});
}

/**
 * Every string an error exposes: JSON, `util.inspect` (own properties, hidden ones too), message, description,
 * and the whole `cause` chain. Used to prove the token does not leak.
 */
export function everythingIn(error: unknown): string {
	const parts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && depth < 10; depth++) {
		const e = current as { message?: unknown; description?: unknown; cause?: unknown; stack?: unknown };
		parts.push(safeJson(current), inspect(current, { depth: 20, showHidden: true }));
		parts.push(String(e.message ?? ''), String(e.description ?? ''), String(e.stack ?? ''));
		current = e.cause;
	}
	return parts.join('\n');
}

function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, v: unknown) => {
			if (v && typeof v === 'object') {
				if (seen.has(v)) return '[circular]';
				seen.add(v);
			}
			return v;
		});
	} catch {
		return '';
	}
}

/** Lets pending promise callbacks and one turn of the event loop run. */
export const flush = async (): Promise<void> => await new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A virtual clock for {@link RateLimiter}: no real waiting.
 * - auto mode (default): `sleep(ms)` yields one event-loop turn (so every already-resolved callback runs first),
 *   then moves the time forward by `ms`;
 * - manual mode: `sleep` waits until {@link advance} passes its wake time; an abort rejects it with the reason.
 */
export class FakeClock implements Clock {
	/** Every sleep asked for (ms). */
	readonly sleeps: number[] = [];
	private t: number;
	private timers: Array<{ at: number; resolve: () => void }> = [];

	constructor(
		start = 1_700_000_000_000,
		private readonly auto = true,
	) {
		this.t = start;
	}

	now(): number {
		return this.t;
	}

	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		this.sleeps.push(ms);
		if (signal?.aborted) throw signal.reason;
		const at = this.t + ms;
		if (this.auto) {
			await flush();
			this.t = Math.max(this.t, at);
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const timer = { at, resolve };
			this.timers.push(timer);
			signal?.addEventListener('abort', () => {
				this.timers = this.timers.filter((t) => t !== timer);
				reject(signal.reason);
			});
		});
	}

	/** Manual mode: moves the time forward by `ms`, waking sleepers in order of their wake time. */
	async advance(ms: number): Promise<void> {
		const target = this.t + ms;
		for (;;) {
			await flush();
			const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
			if (!next) break;
			this.timers = this.timers.filter((t) => t !== next);
			this.t = Math.max(this.t, next.at);
			next.resolve();
		}
		this.t = target;
		await flush();
	}

	/** Manual mode: sleepers not yet woken. */
	get pending(): number {
		return this.timers.length;
	}
}
