/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- test code runs in Node and Jest, not inside n8n */
/**
 * The sandbox HTTP server. Request pipeline for HighLevel paths:
 * route by spec (404 `Cannot GET /x`) → bearer token (401 `Invalid JWT`) → scopes (401) → rate limit (429) →
 * OpenAPI validation (422) → token location vs `locationId`/`location_id` (403) → operation handler.
 * `POST /oauth/token` skips auth and rate limiting. `/__sandbox/*` admin paths skip everything.
 */
import * as http from 'http';
import { randomUUID } from 'crypto';
import type { AddressInfo } from 'net';
import { sleep } from 'n8n-workflow';
import {
	AGENCY_OAUTH_SCOPES,
	AuthRegistry,
	checkScopes,
	DEFAULT_OAUTH_SCOPES,
	type TokenRecord,
	type TokenSubject,
} from './auth';
import { automationHandlers } from './automation';
import { businessHandlers } from './businesses';
import { calendarHandlers } from './calendars';
import { contactHandlers } from './contacts';
import { formHandlers } from './forms';
import { invoiceHandlers } from './invoices';
import { conversationHandlers, parseMultipart } from './conversations';
import {
	forbiddenLocation,
	HttpError,
	type OperationContext,
	type OperationHandler,
	type UploadedFile,
} from './context';
import type {
	LatencyOption,
	PrivateIntegrationTokenOptions,
	Sandbox,
	SandboxOptions,
} from './index';
import { locationHandlers } from './locations';
import { objectHandlers } from './objects';
import { paymentHandlers } from './payments';
import { productHandlers } from './products';
import { opportunityHandlers } from './opportunities';
import { siteHandlers } from './sites';
import { taskHandlers } from './tasks';
import { userHandlers } from './users';
import { createRng, randomUuid } from './random';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from './rateLimit';
import { COMPANY_ID, DEFAULT_LOCATION_ID, generateContacts, SECOND_LOCATION_ID, seedStore } from './seed';
import { loadSpecs, matchOperation, validateRequest, type MatchedOperation } from './spec';
import { createStats, type SandboxStats } from './stats';
import { SandboxStore, type LocationData } from './store';
import { WebhookEmitter, webhookAdminReply } from './webhooks';

const HANDLERS: Record<string, OperationHandler> = {
	...contactHandlers,
	...opportunityHandlers,
	...locationHandlers,
	...calendarHandlers,
	...taskHandlers,
	...automationHandlers,
	...conversationHandlers,
	...userHandlers,
	...businessHandlers,
	...formHandlers,
	...invoiceHandlers,
	...siteHandlers,
	...objectHandlers,
	...paymentHandlers,
	...productHandlers,
};

interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** The stable PIT of a seeded location (`pit-<uuid>` derived from the location id). */
function defaultPit(locationId: string): string {
	return `pit-${randomUuid(createRng(`pit:${locationId}`))}`;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function send(res: http.ServerResponse, reply: Reply): void {
	const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(payload),
		...(reply.headers ?? {}),
	});
	res.end(payload);
}

function parseBasic(header: string | undefined): { id?: string; secret?: string } {
	const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!m) return {};
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	if (i < 0) return {};
	return {
		id: decodeURIComponent(decoded.slice(0, i)),
		secret: decodeURIComponent(decoded.slice(i + 1)),
	};
}

/**
 * Starts a sandbox on 127.0.0.1.
 * @throws when the port cannot be bound
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const specs = await loadSpecs();
	const now = options.now ?? Date.now;
	const seedOptions = options.seed ?? {};
	const stats: SandboxStats = createStats();
	const store = new SandboxStore(DEFAULT_LOCATION_ID);
	seedStore(store, seedOptions);
	const webhooks = new WebhookEmitter(store, stats, now, options.webhooks);
	const auth = new AuthRegistry(now, options.accessTokenTtlSeconds ?? 86399, options.refreshTokenGraceMs);
	const limiter = new RateLimiter(
		options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
		now,
	);
	let latency: LatencyOption = options.latencyMs ?? 0;
	const latencyRng = createRng('latency');
	let baseUrl = '';

	const subject = (locationId: string): TokenSubject => {
		const data = store.location(locationId);
		return {
			locationId,
			companyId: data.location.companyId,
			userId: data.users[0]?.id ?? locationId,
		};
	};
	for (const id of store.locations.keys()) auth.createPit(subject(id), 'all', defaultPit(id));
	/** An agency install: the company, no location (FACTS.md 3.4); the installing user is the default location's first. */
	const agencySubject = (companyId = COMPANY_ID): TokenSubject => ({
		userType: 'Company',
		locationId: '',
		companyId,
		userId: subject(store.defaultLocationId).userId,
	});
	/** Locations the app was uninstalled from (every seeded location starts installed). */
	const uninstalled = new Set<string>();
	/** The agency's locations, by name. */
	const locationsOfCompany = (companyId: string): LocationData[] =>
		[...store.locations.values()]
			.filter((data) => data.location.companyId === companyId)
			.sort((a, b) => a.location.name.localeCompare(b.location.name));
	auth.approvedLocations = (companyId) =>
		locationsOfCompany(companyId)
			.map((data) => data.location.id)
			.filter((id) => !uninstalled.has(id));
	const agencyScopes = [...DEFAULT_OAUTH_SCOPES, ...AGENCY_OAUTH_SCOPES.filter((s) => !DEFAULT_OAUTH_SCOPES.includes(s))];

	function delayMs(): number {
		if (Array.isArray(latency)) return latency[0] + latencyRng() * (latency[1] - latency[0]);
		return latency;
	}

	function countReply(reply: Reply): void {
		if (reply.status === 401) stats.unauthorized++;
		else if (reply.status === 403) stats.forbidden++;
		else if (reply.status === 404) stats.notFound++;
		else if (reply.status === 429) stats.rateLimited++;
	}

	function tokenEndpoint(
		match: MatchedOperation,
		req: http.IncomingMessage,
		url: URL,
		body: unknown,
	): Reply {
		const form = (
			body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {}
		) as Record<string, string | undefined>;
		const basic = parseBasic(req.headers.authorization);
		form.client_id ??= basic.id;
		form.client_secret ??= basic.secret;
		const v = validateRequest(match, {
			method: 'POST',
			path: url.pathname,
			rawQuery: '',
			headers: req.headers,
			body: form,
		});
		if (!v.valid) return invalid(match, req, url, v.errors);
		if (!auth.checkClient(form.client_id, form.client_secret)) {
			return {
				status: 401,
				body: { statusCode: 401, message: 'Invalid client credentials', error: 'Unauthorized' },
			};
		}
		const grant = form.grant_type;
		if (grant === 'authorization_code') {
			if (!form.code) return invalid(match, req, url, ['code should not be empty']);
			const result = auth.exchangeCode(form.code);
			return result.ok
				? { status: 200, body: result.body }
				: { status: result.status, body: result.body };
		}
		if (grant === 'refresh_token') {
			if (!form.refresh_token)
				return invalid(match, req, url, ['refresh_token should not be empty']);
			const result = auth.refresh(form.refresh_token, form.client_id as string);
			if (!result.ok) return { status: result.status, body: result.body };
			if (result.replay) stats.tokenRefreshReplays++;
			else stats.tokenRefreshes++;
			return { status: 200, body: result.body };
		}
		return {
			status: 400,
			body: { statusCode: 400, message: `grant_type ${grant} is not supported by the sandbox` },
		};
	}

	function invalid(
		match: MatchedOperation | undefined,
		req: http.IncomingMessage,
		url: URL,
		errors: string[],
		headers?: Record<string, string>,
	): Reply {
		stats.invalidRequests.push({
			method: req.method ?? 'GET',
			path: url.pathname,
			operationId: match?.operationId,
			errors,
		});
		return {
			status: 422,
			body: { statusCode: 422, message: errors, error: 'Unprocessable Entity' },
			headers,
		};
	}

	async function handleApi(req: http.IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
		const method = (req.method ?? 'GET').toUpperCase();
		const pathname = url.pathname;
		const token = auth.authenticate(req.headers.authorization);
		// HighLevel counts per app per location (FACTS.md 4); an agency token's own requests per app per company.
		const rateKey = (t: TokenRecord): string => `${t.appKey}|${t.locationId || `company:${t.companyId}`}`;
		const match = matchOperation(specs, method, pathname);
		if (!match) {
			return {
				status: 404,
				body: { statusCode: 404, message: `Cannot ${method} ${pathname}` },
				headers: limiter.peek(token && rateKey(token)),
			};
		}
		stats.byOperation[match.operationId] = (stats.byOperation[match.operationId] ?? 0) + 1;

		let body: unknown;
		let files: UploadedFile[] | undefined;
		const text = raw.toString('utf8');
		if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			body = Object.fromEntries(new URLSearchParams(text));
		} else if (String(req.headers['content-type'] ?? '').includes('multipart/form-data')) {
			const parsed = parseMultipart(raw, String(req.headers['content-type']));
			if (!parsed) return { status: 400, body: { statusCode: 400, message: 'Malformed multipart body', error: 'Bad Request' } };
			({ fields: body, files } = parsed);
		} else if (text.trim()) {
			try {
				body = JSON.parse(text);
			} catch (e) {
				return {
					status: 400,
					body: { statusCode: 400, message: (e as Error).message, error: 'Bad Request' },
				};
			}
		}

		if (match.operationId === 'get-access-token') return tokenEndpoint(match, req, url, body);

		if (!token)
			return {
				status: 401,
				body: { statusCode: 401, message: 'Invalid JWT' },
				headers: limiter.peek(undefined),
			};
		if (match.operationId === 'get-location-access-token' && token.kind !== 'oauth') {
			// FACTS.md 3.4 / issue reports: the exchange takes an agency OAuth access token, not a PIT.
			return {
				status: 401,
				body: { statusCode: 401, message: 'OAuth access token only', error: 'Unauthorized' },
				headers: limiter.peek(rateKey(token)),
			};
		}
		const scope = checkScopes(token, match.security);
		if (!scope.ok)
			return {
				status: 401,
				body: { statusCode: 401, message: scope.message },
				headers: limiter.peek(rateKey(token)),
			};
		const decision = limiter.take(rateKey(token));
		const headers = decision.headers;
		if (!decision.allowed)
			return { status: 429, body: { statusCode: 429, message: 'Too Many Requests' }, headers };

		const v = validateRequest(match, {
			method,
			path: pathname,
			rawQuery: url.search.slice(1),
			headers: req.headers,
			body,
		});
		if (!v.valid) return invalid(match, req, url, v.errors, headers);

		const bodyLocation =
			body && typeof body === 'object' ? (body as Record<string, unknown>).locationId : undefined;
		const asked = [
			v.query.locationId,
			v.query.location_id,
			v.params.locationId,
			bodyLocation,
		].filter((x) => typeof x === 'string');
		// A Location token reaches its own location only; an agency (Company) token every location of its company.
		// Handlers of agency operations without a location get the agency's first location and read
		// `token.companyId` + `store` for anything agency-wide.
		const location: LocationData | undefined =
			token.userType === 'Company'
				? asked.length
					? store.locations.get(asked[0] as string)
					: locationsOfCompany(token.companyId)[0]
				: store.locations.get(token.locationId);
		const reachable = (id: unknown) =>
			token.userType === 'Company'
				? store.locations.get(id as string)?.location.companyId === token.companyId
				: id === token.locationId;
		if (!location || !asked.every(reachable)) {
			const e = forbiddenLocation();
			return { status: e.status, body: e.body, headers };
		}
		if (match.operationId === 'get-location-access-token') return { ...locationTokenReply(token, body), headers };
		if (match.operationId === 'get-installed-location') return { ...installedLocationsReply(token, v.query), headers };

		// `<spec>:<operationId>` first: products.json reuses invoices.json's `list-invoices` for GET /products/.
		const handler = HANDLERS[`${match.spec.name}:${match.operationId}`] ?? HANDLERS[match.operationId];
		if (!handler) {
			return {
				status: 501,
				body: {
					statusCode: 501,
					message: `The sandbox does not implement ${match.operationId} (${method} ${match.path})`,
				},
				headers,
			};
		}
		const ctx: OperationContext = {
			operationId: match.operationId,
			params: v.params,
			query: v.query,
			body,
			token,
			location,
			store,
			stats,
			now,
			baseUrl,
			files,
		};
		try {
			const result = webhooks.capture(() => handler(ctx));
			// A list answered at the top level (funnels.json getPagesByFunnelId) is sent as it is, without a traceId.
			const answer = Array.isArray(result.body) ? result.body : { ...result.body, traceId: randomUUID() };
			return { status: result.status, body: answer, headers };
		} catch (e) {
			if (e instanceof HttpError) {
				if (e.validationErrors) return invalid(match, req, url, e.validationErrors, headers);
				return { status: e.status, body: e.body, headers };
			}
			throw e;
		}
	}

	/**
	 * `POST /oauth/locationToken` (oauth.json `get-location-access-token`, FACTS.md 3.4): an agency OAuth token's
	 * form `companyId` + `locationId` → a Location token pair. Another company → 403; a location outside the company
	 * or one the app is not installed on → 400.
	 */
	function locationTokenReply(token: TokenRecord, body: unknown): Reply {
		const form = (body ?? {}) as Record<string, string>;
		if (form.companyId !== token.companyId) {
			return { status: 403, body: { statusCode: 403, message: 'The token does not have access to this company.' } };
		}
		const target = store.locations.get(form.locationId);
		if (!target || target.location.companyId !== token.companyId || uninstalled.has(form.locationId)) {
			return {
				status: 400,
				body: { statusCode: 400, message: `The app is not installed on location ${form.locationId}` },
			};
		}
		return { status: 200, body: auth.issueLocationToken(token, form.locationId) };
	}

	/**
	 * `GET /oauth/installedLocations` (oauth.json `get-installed-location`, FACTS.md 3.4): the company's locations by
	 * name with `isInstalled`, filtered by `query` (name, case-insensitive) and `isInstalled`, paged by `skip` (default
	 * 0) and `limit` (default 20), with `count` = every match. Another company → 403; another app id → 400.
	 */
	function installedLocationsReply(token: TokenRecord, query: Record<string, unknown>): Reply {
		if (query.companyId !== token.companyId) {
			return { status: 403, body: { statusCode: 403, message: 'The token does not have access to this company.' } };
		}
		if (query.appId !== auth.appId) {
			return { status: 400, body: { statusCode: 400, message: `App ${String(query.appId)} not found` } };
		}
		const text = String(query.query ?? '').toLowerCase();
		const all = locationsOfCompany(token.companyId)
			.map((data) => ({
				_id: data.location.id,
				name: data.location.name,
				address: [data.location.address, data.location.city, data.location.state].filter(Boolean).join(', '),
				isInstalled: !uninstalled.has(data.location.id),
			}))
			.filter((l) => !text || l.name.toLowerCase().includes(text))
			.filter((l) => query.isInstalled === undefined || String(query.isInstalled) === String(l.isInstalled));
		const skip = Number(query.skip ?? 0) || 0;
		const limit = Number(query.limit ?? 20) || 20;
		return {
			status: 200,
			body: { locations: all.slice(skip, skip + limit), count: all.length, installToFutureLocations: true },
		};
	}

	function authorizePage(url: URL): Reply {
		const q = url.searchParams;
		if (q.get('client_id') !== auth.clientId)
			return { status: 400, body: { statusCode: 400, message: 'Invalid client_id' } };
		const redirect = q.get('redirect_uri');
		if (!redirect)
			return {
				status: 400,
				body: { statusCode: 400, message: 'redirect_uri should not be empty' },
			};
		const locationId = q.get('locationId') ?? store.defaultLocationId;
		if (!store.locations.has(locationId))
			return { status: 400, body: { statusCode: 400, message: `Unknown location ${locationId}` } };
		const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
		// An agency admin approving the app for the agency (bulk installation) gets a Company token.
		const code =
			q.get('userType') === 'Company'
				? auth.issueCode(agencySubject(), scopes.length ? scopes : agencyScopes)
				: auth.issueCode(subject(locationId), scopes.length ? scopes : DEFAULT_OAUTH_SCOPES);
		const target = new URL(redirect);
		target.searchParams.set('code', code);
		const state = q.get('state');
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, body: undefined, headers: { Location: target.toString() } };
	}

	function dumpLocation(data: LocationData): Record<string, unknown> {
		return {
			location: data.location,
			settings: data.settings,
			contacts: [...data.contacts.values()],
			opportunities: [...data.opportunities.values()],
			pipelines: data.pipelines,
			customFields: [...data.customFields.values()],
			users: data.users,
			tags: [...data.tags.values()],
		};
	}

	function adminReply(method: string, url: URL, raw: Buffer): Reply {
		let body: Record<string, unknown> = {};
		try {
			const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
			body =
				parsed && typeof parsed === 'object'
					? (parsed as Record<string, unknown>)
					: { value: parsed };
		} catch {
			return { status: 400, body: { message: 'admin body must be JSON' } };
		}
		const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
		const locationId =
			(typeof body.locationId === 'string'
				? body.locationId
				: url.searchParams.get('locationId')) ?? undefined;
		try {
			switch (route) {
				case 'GET /__sandbox/stats':
					return { status: 200, body: stats };
				case 'POST /__sandbox/stats/reset':
					stats.reset();
					return { status: 200, body: { ok: true } };
				case 'POST /__sandbox/reset':
					sandbox.reset();
					return { status: 200, body: { ok: true } };
				case 'GET /__sandbox/state':
					return { status: 200, body: dumpLocation(store.location(locationId)) };
				case 'GET /__sandbox/info':
					return {
						status: 200,
						body: {
							url: baseUrl,
							locationId: sandbox.locationId,
							secondLocationId: sandbox.secondLocationId,
							privateIntegrationToken: sandbox.privateIntegrationToken,
							oauth: {
								clientId: auth.clientId,
								clientSecret: auth.clientSecret,
								tokenUrl: sandbox.oauth.tokenUrl,
								authorizeUrl: sandbox.oauth.authorizeUrl,
							},
						},
					};
				case 'POST /__sandbox/seed': {
					const count = Number(body.contacts ?? 0);
					if (!Number.isInteger(count) || count < 0)
						return { status: 400, body: { message: 'contacts must be a non-negative integer' } };
					const tags = Array.isArray(body.tags) ? body.tags.map(String) : undefined;
					generateContacts(store, count, { locationId, tags });
					return {
						status: 200,
						body: { added: count, total: store.location(locationId).contacts.size },
					};
				}
				case 'POST /__sandbox/expire-tokens':
					auth.expireAccessTokens();
					return { status: 200, body: { ok: true } };
				case 'POST /__sandbox/rate-limit':
					sandbox.setRateLimit(
						body.enabled === false ? false : (body as unknown as RateLimitConfig),
					);
					return { status: 200, body: { rateLimit: limiter.getConfig() } };
				case 'POST /__sandbox/latency':
					sandbox.setLatency(body.ms as LatencyOption | undefined);
					return { status: 200, body: { latencyMs: latency } };
				case 'POST /__sandbox/oauth/code':
					return {
						status: 200,
						body: {
							code: body.agency
								? sandbox.oauth.agencyAuthorizationCode(body.scopes as string[] | undefined)
								: sandbox.oauth.authorizationCode(locationId, body.scopes as string[] | undefined),
						},
					};
				case 'POST /__sandbox/pit':
					return {
						status: 200,
						body: {
							token: sandbox.createPrivateIntegrationToken({
								locationId,
								scopes: body.scopes as string[] | undefined,
								agency: body.agency === true,
							}),
						},
					};
				default:
					return { status: 404, body: { message: `Unknown admin route ${route}` } };
			}
		} catch (e) {
			return { status: 400, body: { message: (e as Error).message } };
		}
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/')) {
			const raw = await readBody(req);
			const hook = await webhookAdminReply(webhooks, stats, method, url.pathname, raw);
			send(res, hook ?? adminReply(method, url, raw));
			return;
		}
		if (
			method === 'GET' &&
			(url.pathname === '/oauth/chooselocation' || url.pathname === '/v2/oauth/chooselocation')
		) {
			send(res, authorizePage(url));
			return;
		}
		stats.requests++;
		stats.inFlight++;
		stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.inFlight);
		try {
			const raw = await readBody(req);
			const wait = delayMs();
			if (wait > 0) await sleep(wait);
			const reply = await handleApi(req, url, raw);
			countReply(reply);
			send(res, reply);
		} finally {
			stats.inFlight--;
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			console.error('sandbox: unexpected error', e);
			if (!res.headersSent)
				send(res, { status: 500, body: { statusCode: 500, message: 'Internal server error' } });
			else res.end();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const sandbox: Sandbox = {
		url: baseUrl,
		locationId: DEFAULT_LOCATION_ID,
		companyId: COMPANY_ID,
		secondLocationId: store.locations.has(SECOND_LOCATION_ID) ? SECOND_LOCATION_ID : undefined,
		privateIntegrationToken: defaultPit(DEFAULT_LOCATION_ID),
		oauth: {
			clientId: auth.clientId,
			clientSecret: auth.clientSecret,
			authorizationCode: (locationId = store.defaultLocationId, scopes) =>
				auth.issueCode(subject(locationId), scopes ?? DEFAULT_OAUTH_SCOPES),
			agencyAuthorizationCode: (scopes) => auth.issueCode(agencySubject(), scopes ?? agencyScopes),
			appId: auth.appId,
			setInstalled: (locationId, installed) => {
				if (installed) uninstalled.delete(locationId);
				else uninstalled.add(locationId);
			},
			tokenUrl: `${baseUrl}/oauth/token`,
			authorizeUrl: `${baseUrl}/oauth/chooselocation`,
		},
		stats,
		store,
		seedContacts: (count, opts) => generateContacts(store, count, opts),
		setRateLimit: (limit) => limiter.setConfig(limit === undefined ? DEFAULT_RATE_LIMIT : limit),
		setLatency: (ms) => {
			latency = ms ?? 0;
		},
		expireAccessTokens: () => auth.expireAccessTokens(),
		webhooks,
		setWebhookUrl: (webhookUrl) => webhooks.setUrl(webhookUrl),
		deliver: (payload, deliverOptions) => webhooks.deliver(payload, deliverOptions),
		createPrivateIntegrationToken: (opts: PrivateIntegrationTokenOptions = {}) =>
			auth.createPit(
				opts.agency ? agencySubject() : subject(opts.locationId ?? store.defaultLocationId),
				opts.scopes ? new Set(opts.scopes) : 'all',
			),
		reset: () => {
			seedStore(store, seedOptions);
			stats.reset();
			limiter.reset();
			webhooks.clear();
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				webhooks.close();
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			}),
	};
	return sandbox;
}
