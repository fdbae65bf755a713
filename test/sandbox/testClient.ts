/**
 * Minimal HTTP client for the sandbox's own tests (plain fetch, no retries, no pacing).
 */
import type { Sandbox } from './index';

/** A response: status, lower-case headers, parsed JSON body (or undefined). */
export interface ClientResponse {
	status: number;
	headers: Record<string, string>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** Options of one call. */
export interface CallOptions {
	/** JSON body. */
	body?: unknown;
	/** Form body (application/x-www-form-urlencoded). */
	form?: Record<string, string>;
	/** Bearer token; default the sandbox PIT; `null` sends no Authorization header. */
	token?: string | null;
	/** `Version` header; default `2021-07-28`; `null` omits it. */
	version?: string | null;
	headers?: Record<string, string>;
}

/** Calls `method path` on the sandbox. */
export async function call(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<ClientResponse> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		...(options.headers ?? {}),
	};
	const token = options.token === undefined ? sandbox.privateIntegrationToken : options.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	const version = options.version === undefined ? '2021-07-28' : options.version;
	if (version !== null) headers.Version = version;
	let body: string | undefined;
	if (options.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	} else if (options.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.body);
	}
	const res = await fetch(`${sandbox.url}${path}`, { method, headers, body, redirect: 'manual' });
	const text = await res.text();
	const out: Record<string, string> = {};
	res.headers.forEach((v, k) => (out[k] = v));
	return { status: res.status, headers: out, body: text ? JSON.parse(text) : undefined };
}

/**
 * Calls `method path` with the sandbox's Private Integration Token and a JSON body, the way a HighLevel client
 * would, and returns the parsed body.
 * @throws Error naming the request, status and body when the answer is not 2xx
 */
export async function callOk(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<Record<string, unknown>> {
	const response = await call(sandbox, method, path, { body });
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
	}
	return response.body as Record<string, unknown>;
}

/** A controllable clock for `SandboxOptions.now`. */
export function fakeClock(start = Date.UTC(2026, 0, 5, 12, 0, 0)): {
	now: () => number;
	advance(ms: number): void;
} {
	let t = start;
	return {
		now: () => t,
		advance(ms: number) {
			t += ms;
		},
	};
}
