/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Helpers for engine tests of the GoHighLevel node (real n8n-core against the sandbox).
 *
 * Coverage convention (checked by coverage.test.ts): every operation of the node needs an engine test in a
 * `*.test.ts` file under test/engine/GoHighLevel/ that runs the node with a parameters object literal naming
 * `resource` then `operation`, side by side, as string literals, e.g.
 * `await runNode(sandbox, { resource: 'note', operation: 'create', contactId: byId(id), body: 'Called' })`.
 * Write both keys even when one is the default; an operation with no such literal fails coverage.test.ts.
 * The test asserts the request shape (sandbox stats / a recording proxy), the sandbox state and the output items.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeCredentials,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import {
	startSandbox,
	type OpportunityRecord,
	type PipelineRecord,
	type Sandbox,
	type SandboxOptions,
} from '../../sandbox';
import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { lateBound } from '../../support/lateBound';
import {
	createCredentialStore,
	ITEMS_SOURCE_TYPE,
	MANUAL_TRIGGER_TYPE,
	runWorkflow,
	type CredentialStore,
	type RunResult,
	type StoredCredential,
	type WorkflowJson,
} from '../harness';

/** Node type of the action node, as n8n names it when the package is installed. */
export const GHL_TYPE = 'n8n-nodes-gohighlevel.goHighLevel';

/** What a credential needs of a sandbox: also met by a sandbox in another process (test/bench/sandbox-process.ts). */
export type SandboxAddress = Pick<Sandbox, 'url' | 'locationId' | 'privateIntegrationToken'>;

/** Credential ids used in the workflows below. */
export const PIT_CREDENTIAL = { id: 'ghlSandboxCred01', name: 'HighLevel Sandbox' };
export const OAUTH_CREDENTIAL = { id: 'ghlSandboxOAuth01', name: 'HighLevel Sandbox OAuth2' };

/**
 * A Private Integration Token credential for the sandbox's default location.
 * @param token default: the sandbox's all-scope PIT
 * @param baseUrl default: the sandbox URL (pass a {@link startRecordingProxy} URL to record the requests)
 */
export function pitCredential(
	sandbox: SandboxAddress,
	token = sandbox.privateIntegrationToken,
	baseUrl = sandbox.url,
): StoredCredential {
	return {
		...PIT_CREDENTIAL,
		type: 'goHighLevelPrivateIntegrationTokenApi',
		data: { token, locationId: sandbox.locationId, baseUrl },
	};
}

/**
 * Sandbox rate limit for functional tests: high enough never to answer 429, but with the `X-RateLimit-*` headers
 * on, so the node learns it and does not pace itself at HighLevel's default 100 per 10 s (FACTS.md 4).
 * (`rateLimit: false` drops the headers, and the node then assumes the default.)
 */
export const GENEROUS_RATE_LIMIT = { max: 10_000, intervalMs: 1000, daily: 1_000_000 };

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * Time zone of the sandbox's default location (`timezone` of the seeded location, test/sandbox/seed.ts); its seeded
 * calendar is open Mon–Fri 09:00–17:00 there, in 30-minute slots.
 */
export const SANDBOX_ZONE = 'America/Chicago';

/** Starts a sandbox with fresh limiter and list caches (module state of the node is per process). */
export async function freshSandbox(options?: SandboxOptions): Promise<Sandbox> {
	rateLimiter.reset();
	clearListCache();
	return await startSandbox(options);
}

/** Manual trigger → (items source) → one GoHighLevel node named `HighLevel`. */
export function singleNodeWorkflow(
	parameters: INode['parameters'],
	options: { oauth?: boolean; itemsSource?: boolean; continueOnFail?: boolean } = {},
): WorkflowJson {
	const credentials: INodeCredentials = options.oauth
		? { goHighLevelOAuth2Api: OAUTH_CREDENTIAL }
		: { goHighLevelPrivateIntegrationTokenApi: PIT_CREDENTIAL };
	const nodes: INode[] = [
		{ id: 'n1', name: 'Start', type: MANUAL_TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'n3',
			name: 'HighLevel',
			type: GHL_TYPE,
			typeVersion: 1,
			position: [400, 0],
			parameters: options.oauth ? { authentication: 'oAuth2', ...parameters } : parameters,
			credentials,
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const connections: WorkflowJson['connections'] = {};
	if (options.itemsSource) {
		nodes.splice(1, 0, {
			id: 'n2',
			name: 'Items',
			type: ITEMS_SOURCE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: {},
		});
		connections.Start = { main: [[{ node: 'Items', type: 'main', index: 0 }]] };
		connections.Items = { main: [[{ node: 'HighLevel', type: 'main', index: 0 }]] };
	} else {
		connections.Start = { main: [[{ node: 'HighLevel', type: 'main', index: 0 }]] };
	}
	return { nodes, connections };
}

/** Runs one GoHighLevel node with the sandbox's PIT credential (or the given store) over `items`. */
export async function runNode(
	sandbox: SandboxAddress,
	parameters: INode['parameters'],
	options: {
		items?: IDataObject[];
		credentials?: CredentialStore;
		oauth?: boolean;
		continueOnFail?: boolean;
	} = {},
): Promise<RunResult> {
	const inputItems: INodeExecutionData[] | undefined = options.items?.map((json) => ({ json }));
	return await runWorkflow({
		workflow: singleNodeWorkflow(parameters, {
			oauth: options.oauth,
			itemsSource: !!inputItems,
			continueOnFail: options.continueOnFail,
		}),
		credentials: options.credentials ?? createCredentialStore([pitCredential(sandbox)]),
		inputItems,
	});
}

/** A resource locator value by ID, as n8n stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** One HighLevel request as it crossed the {@link startRecordingProxy} proxy. */
export interface RecordedRequest {
	method: string;
	/** Path without the query string, e.g. `/contacts/search`. */
	path: string;
	/** Query parameters (last value wins for repeated names). */
	query: Record<string, string>;
	/** Parsed JSON body, or undefined when the request had none (or it was not JSON). */
	body: unknown;
	/** HTTP status the sandbox answered. */
	status: number;
}

/** A transparent HTTP proxy in front of a sandbox that records every request the node sends. */
export interface RecordingProxy {
	/** E.g. `http://127.0.0.1:41235`; use it as the credential's `baseUrl`. */
	url: string;
	/** Requests in the order their responses arrived. */
	requests: RecordedRequest[];
	/** Requests to `method path` (path without query string). */
	to(method: string, path: string): RecordedRequest[];
	close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 (random port) forwarding every request unchanged to `targetUrl` (a sandbox URL)
 * and recording method, path, query, JSON body and status. The sandbox records counts (`stats.byOperation`) but
 * not bodies; page sizes, cursors and custom field shapes are read from here.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
	const target = new URL(targetUrl);
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const upstream = http.request(
				{
					host: target.hostname,
					port: target.port,
					method: req.method,
					path: req.url,
					headers: { ...req.headers, host: target.host },
				},
				(answer) => {
					const url = new URL(req.url ?? '/', 'http://proxy');
					let body: unknown;
					try {
						body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
					} catch {
						body = undefined;
					}
					requests.push({
						method: String(req.method).toUpperCase(),
						path: url.pathname,
						query: Object.fromEntries(url.searchParams),
						body,
						status: answer.statusCode ?? 0,
					});
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', () => {
				res.writeHead(502);
				res.end();
			});
			upstream.end(raw);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		to: (method, path) => requests.filter((r) => r.method === method && r.path === path),
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * A clock for `SandboxOptions.now` that runs with real time but can jump ahead: `now()` is `Date.now()` plus
 * everything passed to `advance(ms)`. Rate-limit windows keep working; token windows can be skipped.
 */
export function offsetClock(): { now: () => number; advance(ms: number): void } {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		advance(ms: number) {
			offset += ms;
		},
	};
}

/** Copy of the sandbox's per-operation request counts (`stats.byOperation`). */
export function operationCounts(sandbox: Sandbox): Record<string, number> {
	return { ...sandbox.stats.byOperation };
}

/**
 * Requests per operationId since `before` (a {@link operationCounts} snapshot); operations without new requests
 * are left out, so `{}` means "nothing was sent".
 */
export function operationsSince(sandbox: Sandbox, before: Record<string, number>): Record<string, number> {
	const delta: Record<string, number> = {};
	for (const [operationId, count] of Object.entries(sandbox.stats.byOperation)) {
		const added = count - (before[operationId] ?? 0);
		if (added) delta[operationId] = added;
	}
	return delta;
}

/** Id of the default location's custom field with this key (e.g. `contact.lead_score`). @throws Error if absent */
export function customFieldId(sandbox: Sandbox, fieldKey: string): string {
	const field = [...sandbox.store.location().customFields.values()].find((f) => f.fieldKey === fieldKey);
	if (!field) throw new Error(`No custom field ${fieldKey} in the sandbox`);
	return field.id;
}

/** The default location's pipeline of this name. @throws Error if absent */
export function pipelineNamed(sandbox: Sandbox, name: string): PipelineRecord {
	const pipeline = sandbox.store.location().pipelines.find((p) => p.name === name);
	if (!pipeline) throw new Error(`No pipeline ${name} in the sandbox`);
	return pipeline;
}

/** Id of the stage `stage` of `pipeline`. @throws Error if absent */
export function stageId(pipeline: PipelineRecord, stage: string): string {
	const found = pipeline.stages.find((s) => s.name === stage);
	if (!found) throw new Error(`No stage ${stage} in pipeline ${pipeline.name}`);
	return found.id;
}

/**
 * Puts `count` opportunities straight into the default location's store (the sandbox has no opportunity
 * generator): one per contact of `contactIds` (cycled), in `pipeline`'s first stage, status
 * `statuses[i % statuses.length]`, `createdAt` one minute apart from 2024-03-01T00:00:00Z — except that every
 * group of three shares a `createdAt`, so keyset pages must break ties by id (opportunities.json
 * `search-opportunity` `startAfterId`).
 * @returns the records added
 */
export function seedOpportunities(
	sandbox: Sandbox,
	count: number,
	options: { pipeline: PipelineRecord; contactIds: string[]; statuses: OpportunityRecord['status'][] },
): OpportunityRecord[] {
	const data = sandbox.store.location();
	const added: OpportunityRecord[] = [];
	for (let i = 0; i < count; i++) {
		const at = new Date(Date.UTC(2024, 2, 1) + Math.floor(i / 3) * 60_000).toISOString();
		const record: OpportunityRecord = {
			id: sandbox.store.ids.id(),
			locationId: data.id,
			name: `Seeded deal ${i}`,
			monetaryValue: 100 + i,
			pipelineId: options.pipeline.id,
			pipelineStageId: options.pipeline.stages[0].id,
			status: options.statuses[i % options.statuses.length],
			contactId: options.contactIds[i % options.contactIds.length],
			followers: [],
			customFields: {},
			createdAt: at,
			updatedAt: at,
			lastStatusChangeAt: at,
			lastStageChangeAt: at,
		};
		data.opportunities.set(record.id, record);
		added.push(record);
	}
	return added;
}

/**
 * Exchanges a fresh authorization code of the sandbox's OAuth client at `POST /oauth/token`
 * (oauth.json `get-access-token`, grant `authorization_code`), as n8n does after the consent redirect; `agency`:
 * the code of an agency (bulk) install, which gives a Company token (FACTS.md 3.4).
 * @returns the token response (`access_token`, `refresh_token`, `locationId`, … — FACTS.md 3.2)
 * @throws Error when the sandbox refuses the exchange
 */
export async function exchangeAuthorizationCode(
	sandbox: Sandbox,
	options: { agency?: boolean } = {},
): Promise<IDataObject> {
	const response = await fetch(sandbox.oauth.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: new URLSearchParams({
			client_id: sandbox.oauth.clientId,
			client_secret: sandbox.oauth.clientSecret,
			grant_type: 'authorization_code',
			code: options.agency ? sandbox.oauth.agencyAuthorizationCode() : sandbox.oauth.authorizationCode(),
			user_type: options.agency ? 'Company' : 'Location',
		}).toString(),
	});
	if (response.status !== 200) throw new Error(`Code exchange failed with HTTP ${response.status}`);
	return (await response.json()) as IDataObject;
}

/**
 * A `goHighLevelOAuth2Api` credential for the sandbox's OAuth client, holding `oauthTokenData` (e.g. from
 * {@link exchangeAuthorizationCode}); tokens are sent by n8n's OAuth2 helper and refreshed at `${baseUrl}/oauth/token`
 * with the client credentials in the body.
 */
export function oauthCredential(sandbox: Sandbox, oauthTokenData: IDataObject): StoredCredential {
	return {
		...OAUTH_CREDENTIAL,
		type: 'goHighLevelOAuth2Api',
		data: {
			clientId: sandbox.oauth.clientId,
			clientSecret: sandbox.oauth.clientSecret,
			baseUrl: sandbox.url,
			scope: 'contacts.readonly contacts.write opportunities.readonly opportunities.write locations/customFields.readonly',
			grantType: 'authorizationCode',
			authentication: 'body',
			oauthTokenData,
		},
	};
}

/**
 * Sends one request to the sandbox as another client of the same app would (plain fetch, no pacing or retries).
 * @returns the HTTP status
 */
export async function directRequest(
	sandbox: Sandbox,
	method: string,
	path: string,
	token = sandbox.privateIntegrationToken,
	body?: IDataObject,
): Promise<number> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			Authorization: `Bearer ${token}`,
			Version: '2021-07-28',
			Accept: 'application/json',
			...(body ? { 'Content-Type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	await response.arrayBuffer();
	return response.status;
}

/**
 * Registers a `beforeAll` starting a {@link freshSandbox} with `options` (no rate limit unless given) and an
 * `afterAll` closing it; for blocks that need no recording proxy (see {@link useEngineSandbox}).
 * @returns the block's sandbox, usable inside its tests and hooks (and in `beforeAll` hooks registered after this call)
 */
export function useSandbox(options?: SandboxOptions): Sandbox {
	let started: Sandbox | undefined;
	beforeAll(async () => {
		started = await freshSandbox(options);
	});
	afterAll(async () => await started?.close());
	return lateBound(() => started, 'sandbox');
}

/** What {@link useEngineSandbox} gives a `describe` block; every member may be used inside its tests and hooks. */
export interface EngineSandbox {
	/** The block's sandbox (a fresh one per block, started in `beforeAll`, closed in `afterAll`). */
	sandbox: Sandbox;
	/** The recording proxy in front of {@link sandbox}, started and closed with it. */
	proxy: RecordingProxy;
	/** Runs the GoHighLevel node once over `items` with the sandbox's PIT credential, sent through {@link proxy}. */
	run(parameters: IDataObject, items?: IDataObject[]): Promise<RunResult>;
	/** The last recorded request to `method path`, or the last of all without arguments (undefined if none). */
	last(method?: string, path?: string): RecordedRequest;
	/** Parsed JSON body of {@link last}`(method, path)`. */
	lastBody(method: string, path: string): IDataObject;
	/** The node's errors as one string: `message description | …`, for `toMatch`. */
	errorText(result: RunResult): string;
}

/**
 * Sets up the usual engine-test block: registers `beforeAll` (a {@link freshSandbox} with
 * {@link GENEROUS_RATE_LIMIT} plus `sandboxOptions`, and a {@link startRecordingProxy} in front of it), `afterAll`
 * (closes both) and `afterEach` (the sandbox recorded no request that breaks the OpenAPI spec:
 * `stats.invalidRequests` is `[]`). Call it first in the `describe`, so that the block's own `beforeAll` hooks
 * run after it and may use the sandbox.
 */
export function useEngineSandbox(sandboxOptions: SandboxOptions = {}): EngineSandbox {
	let started: Sandbox | undefined;
	let recorder: RecordingProxy | undefined;
	beforeAll(async () => {
		started = await freshSandbox({ rateLimit: GENEROUS_RATE_LIMIT, ...sandboxOptions });
		recorder = await startRecordingProxy(started.url);
	});
	afterAll(async () => {
		await recorder?.close();
		await started?.close();
	});
	afterEach(() => {
		expect(started?.stats.invalidRequests).toEqual([]);
	});

	const sandbox = lateBound(() => started, 'sandbox');
	const proxy = lateBound(() => recorder, 'recording proxy');
	const last = (method?: string, path?: string): RecordedRequest => {
		const requests = method && path ? proxy.to(method, path) : proxy.requests;
		return requests[requests.length - 1];
	};
	return {
		sandbox,
		proxy,
		run: async (parameters, items) =>
			await runNode(sandbox, parameters as INode['parameters'], {
				items,
				credentials: createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]),
			}),
		last,
		lastBody: (method, path) => last(method, path)?.body as IDataObject,
		errorText: (result) =>
			result
				.errors('HighLevel')
				.map((e) => `${e.message} ${e.description ?? ''}`)
				.join(' | '),
	};
}

/** A file for {@link runWithFile}: read from disk (`path`), or `size` generated bytes named `fileName`. */
export type TestFile = { path: string; mimeType: string } | { fileName: string; mimeType: string; size: number };

/** Node type of the test node that puts a {@link TestFile} into the item's binary field `data`. */
const FILE_SOURCE_TYPE = 'test.fileSource';

/**
 * Puts one file into the item's binary field `data` through n8n's `prepareBinaryData` (like Read/Write Files from
 * Disk): the file at `path` (the item's JSON gets `{ file: <base name> }`), else `size` bytes (a repeating pattern).
 */
const fileSourceNode: INodeType = {
	description: {
		displayName: 'File',
		name: 'fileSource',
		group: ['input'],
		version: 1,
		description: 'Puts a file into binary data',
		defaults: { name: 'File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'Name', name: 'fileName', type: 'string', default: 'file.bin' },
			{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: 'application/octet-stream' },
			{ displayName: 'Size', name: 'size', type: 'number', default: 0 },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const file = this.getNodeParameter('path', 0) as string;
		const mimeType = this.getNodeParameter('mimeType', 0) as string;
		if (file) {
			const binary = await this.helpers.prepareBinaryData(fs.readFileSync(file), path.basename(file), mimeType);
			return [[{ json: { file: path.basename(file) }, binary: { data: binary } }]];
		}
		const size = this.getNodeParameter('size', 0) as number;
		const bytes = Buffer.alloc(size);
		for (let i = 0; i < size; i++) bytes[i] = (i * 7) % 256;
		const binary = await this.helpers.prepareBinaryData(bytes, this.getNodeParameter('fileName', 0) as string, mimeType);
		return [[{ json: {}, binary: { data: binary } }]];
	},
};

/**
 * Start → File (`file`, {@link fileSourceNode}) → HighLevel (`parameters`), sent to `baseUrl` (e.g. a
 * {@link startRecordingProxy} URL) with the PIT credential, or with the OAuth2 credential holding `options.oauth`
 * token data; `options.continueOnFail`: the HighLevel node's errors continue to its output.
 */
export async function runWithFile(
	sandbox: Sandbox,
	baseUrl: string,
	file: TestFile,
	parameters: IDataObject,
	options: { oauth?: IDataObject; continueOnFail?: boolean } = {},
): Promise<RunResult> {
	const { oauth } = options;
	const nodes: INode[] = [
		{ id: 'n1', name: 'Start', type: MANUAL_TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'n2', name: 'File', type: FILE_SOURCE_TYPE, typeVersion: 1, position: [200, 0], parameters: file },
		{
			id: 'n3',
			name: 'HighLevel',
			type: GHL_TYPE,
			typeVersion: 1,
			position: [400, 0],
			parameters: (oauth ? { authentication: 'oAuth2', ...parameters } : parameters) as INode['parameters'],
			credentials: oauth
				? { goHighLevelOAuth2Api: OAUTH_CREDENTIAL }
				: { goHighLevelPrivateIntegrationTokenApi: PIT_CREDENTIAL },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	return await runWorkflow({
		workflow: {
			nodes,
			connections: {
				Start: { main: [[{ node: 'File', type: 'main', index: 0 }]] },
				File: { main: [[{ node: 'HighLevel', type: 'main', index: 0 }]] },
			},
		},
		credentials: createCredentialStore([
			oauth ? oauthCredential(sandbox, oauth) : pitCredential(sandbox, undefined, baseUrl),
		]),
		nodeTypes: { [FILE_SOURCE_TYPE]: fileSourceNode },
	});
}

/**
 * What {@link startFaultProxy} does with a request it faults: `drop` forwards it, then destroys the client connection
 * instead of answering (HighLevel processed it; the client sees a network error); `429` answers 429 without
 * forwarding it (refused by the rate limit before anything was done, as HighLevel's limiter does).
 */
export type ProxyFault = 'drop' | '429';

/** A running {@link startFaultProxy}. */
export interface FaultProxy {
	url: string;
	/** `METHOD /path` of every faulted request, in order. */
	faulted: string[];
	/** `METHOD /path` of every request that reached the sandbox, in order. */
	forwarded: string[];
	close(): Promise<void>;
}

/**
 * A proxy in front of `target` (the sandbox) that faults the first request of each `METHOD /path` for which
 * `faultOf(method, path)` names a fault; later requests of the same method and path pass. Used to prove that a write is
 * never re-sent after an ambiguous failure, and that a 429 is.
 */
export async function startFaultProxy(
	target: string,
	faultOf: (method: string, path: string) => ProxyFault | undefined,
): Promise<FaultProxy> {
	const url = new URL(target);
	const faulted: string[] = [];
	const forwarded: string[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const method = String(req.method);
			const key = `${method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
			const fault = faulted.includes(key) ? undefined : faultOf(method, key.slice(method.length + 1));
			if (fault === '429') {
				faulted.push(key);
				res.writeHead(429, {
					'Content-Type': 'application/json',
					'X-RateLimit-Max': '100',
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Interval-Milliseconds': '300',
				});
				res.end(JSON.stringify({ statusCode: 429, message: 'Too Many Requests' }));
				return;
			}
			forwarded.push(key);
			const upstream = http.request(
				{ host: url.hostname, port: url.port, method, path: req.url, headers: { ...req.headers, host: url.host } },
				(answer) => {
					if (fault === 'drop') {
						faulted.push(key);
						answer.resume();
						answer.on('end', () => req.socket.destroy());
						return;
					}
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.end(Buffer.concat(chunks));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		faulted,
		forwarded,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
