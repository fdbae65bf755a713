/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeType,
	INodeTypeDescription,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	HarnessCredentialTypes,
	HarnessCredentialsHelper,
	ITEMS_SOURCE_TYPE,
	MANUAL_TRIGGER_TYPE,
	createCredentialStore,
	runWorkflow,
	type WorkflowJson,
} from './harness';
import { loadPackageCredentialTypes } from './harness/package-loader';

/** A request as the local test server saw it. */
interface SeenRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: string;
}

const API_KEY = 'test-api-key-1';
const CLIENT_ID = 'test-client-id';
const CLIENT_SECRET = 'test-client-secret';

let server: Server;
let baseUrl: string;
let seen: SeenRequest[] = [];

/**
 * Local stand-in API:
 * - GET /echo: 401 for `Bearer old-access`; 422 when `q=boom`; otherwise 200 `{ q, auth }`.
 * - POST /oauth/token: refresh_token grant with client id/secret in the form body → rotated token pair.
 */
function handle(request: SeenRequest): { status: number; body: IDataObject } {
	if (request.method === 'GET' && request.path === '/echo') {
		if (request.headers.authorization === 'Bearer old-access')
			return { status: 401, body: { message: 'Invalid JWT' } };
		if (request.query.q === 'boom') return { status: 422, body: { message: 'q must not be boom' } };
		return {
			status: 200,
			body: {
				q: request.query.q ?? null,
				via: request.headers.authorization ? 'oauth2' : 'apiKey',
			},
		};
	}
	if (request.method === 'POST' && request.path === '/oauth/token') {
		const form = Object.fromEntries(new URLSearchParams(request.body));
		const valid =
			form.grant_type === 'refresh_token' &&
			form.refresh_token === 'old-refresh' &&
			form.client_id === CLIENT_ID &&
			form.client_secret === CLIENT_SECRET;
		if (!valid) return { status: 400, body: { error: 'invalid_grant' } };
		return {
			status: 200,
			body: {
				access_token: 'new-access',
				refresh_token: 'new-refresh',
				token_type: 'Bearer',
				expires_in: 86399,
			},
		};
	}
	return { status: 404, body: { message: 'not found' } };
}

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const request: SeenRequest = {
				method: req.method ?? '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			seen.push(request);
			const { status, body } = handle(request);
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve, reject) =>
		server.close((error) => (error ? reject(error) : resolve())),
	);
});

beforeEach(() => {
	seen = [];
});

/** Throwaway declarative node: GET /echo?q=<q>, authenticated by an API key or OAuth2 credential. */
class TestEcho implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'Echoes a query parameter',
		usableAsTool: true,
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'testEchoApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'testEchoOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiKey',
			},
			{
				displayName: 'Query',
				name: 'q',
				type: 'string',
				default: '',
				routing: {
					request: { method: 'GET', url: '/echo' },
					send: { type: 'query', property: 'q' },
				},
			},
		],
	};
}

/** Generic header auth; `headerPrefix` is never stored, so its default proves defaults are applied. */
const testEchoApi: ICredentialType = {
	name: 'testEchoApi',
	displayName: 'Test Echo API',
	properties: [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Header Prefix', name: 'headerPrefix', type: 'string', default: 'Key' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	],
	authenticate: {
		type: 'generic',
		properties: {
			headers: { 'X-Api-Key': '={{$credentials.headerPrefix}} {{$credentials.apiKey}}' },
		},
	},
};

/** OAuth2 (authorization code) credential whose token URL is derived from `baseUrl` through `$self`. */
const testEchoOAuth2Api: ICredentialType = {
	name: 'testEchoOAuth2Api',
	displayName: 'Test Echo OAuth2 API',
	extends: ['oAuth2Api'],
	properties: [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"]}}/oauth/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"]}}/oauth/token',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'echo.readonly' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	],
};

function echoWorkflow(echo: Partial<INode>, withItemsSource = true): WorkflowJson {
	const nodes: INode[] = [
		{
			id: '1',
			name: 'Start',
			type: MANUAL_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '3',
			name: 'Echo',
			type: 'test.echo',
			typeVersion: 1,
			position: [400, 0],
			parameters: { q: '={{ $json.name }}' },
			credentials: { testEchoApi: { id: 'cred-api', name: 'Echo key' } },
			...echo,
		},
	];
	if (!withItemsSource) {
		return {
			nodes,
			connections: { Start: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		};
	}
	nodes.splice(1, 0, {
		id: '2',
		name: 'Items',
		type: ITEMS_SOURCE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: {},
	});
	return {
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] },
		},
	};
}

const nodeTypes = { 'test.echo': new TestEcho() };
const credentialTypes = [testEchoApi, testEchoOAuth2Api];
const items = (...names: string[]) => names.map((name) => ({ json: { name } }));

function apiKeyStore() {
	return createCredentialStore([
		{ id: 'cred-api', name: 'Echo key', type: 'testEchoApi', data: { apiKey: API_KEY, baseUrl } },
	]);
}

describe('runWorkflow: declarative node with generic header auth', () => {
	it('sends one request per input item with the resolved auth header and query, and outputs every response', async () => {
		const names = ['a0', 'a1', 'a2', 'a3', 'a4'];
		const result = await runWorkflow({
			workflow: echoWorkflow({}),
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
			inputItems: items(...names),
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual(['Start', 'Items', 'Echo']);
		expect(seen).toHaveLength(5);
		for (const request of seen) {
			expect(request.method).toBe('GET');
			expect(request.path).toBe('/echo');
			expect(request.headers['x-api-key']).toBe(`Key ${API_KEY}`);
			expect(request.headers.accept).toBe('application/json');
		}
		expect(seen.map((r) => r.query.q).sort()).toEqual(names);
		expect(result.output('Items')).toEqual(items(...names).map((i) => i.json));
		expect(result.output('Echo')).toEqual(names.map((q) => ({ q, via: 'apiKey' })));
		expect(result.errors('Echo')).toEqual([]);
	});

	it('feeds inputItems to the start node when the workflow has no test.items node', async () => {
		const result = await runWorkflow({
			workflow: echoWorkflow({}, false),
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
			inputItems: items('s0', 's1'),
		});
		expect(result.status).toBe('success');
		expect(result.output('Start')).toEqual([{ name: 's0' }, { name: 's1' }]);
		expect(result.output('Echo')).toEqual([
			{ q: 's0', via: 'apiKey' },
			{ q: 's1', via: 'apiKey' },
		]);
	});

	it('uses the items parameter of test.items when no inputItems are given', async () => {
		const workflow = echoWorkflow({});
		workflow.nodes[1].parameters = { items: '[{"name":"p0"}]' };
		const result = await runWorkflow({
			workflow,
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
		});
		expect(result.output('Echo')).toEqual([{ q: 'p0', via: 'apiKey' }]);
	});

	it('does not mutate the workflow passed in', async () => {
		const workflow = echoWorkflow({});
		const before = JSON.stringify(workflow);
		await runWorkflow({
			workflow,
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
			inputItems: items('m'),
		});
		expect(JSON.stringify(workflow)).toBe(before);
	});
});

describe('runWorkflow: failing requests', () => {
	it('reports an HTTP error of the node in errors() and fails the execution', async () => {
		const result = await runWorkflow({
			workflow: echoWorkflow({}),
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
			inputItems: items('ok', 'boom'),
		});
		expect(result.status).toBe('error');
		expect(result.error).toBeDefined();
		const errors = result.errors('Echo');
		expect(errors).toHaveLength(1);
		expect(errors[0].httpCode).toBe('422');
		expect(errors[0].itemIndex).toBe(1);
		expect(`${errors[0].message} ${errors[0].description ?? ''}`).toContain('q must not be boom');
		expect(result.output('Echo')).toEqual([]);
	});

	it('lists per-item errors when the node continues on fail', async () => {
		const result = await runWorkflow({
			workflow: echoWorkflow({ onError: 'continueRegularOutput' }),
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
			inputItems: items('ok0', 'boom', 'ok2'),
		});
		expect(result.status).toBe('success');
		const errors = result.errors('Echo');
		expect(errors).toHaveLength(1);
		expect(errors[0].itemIndex).toBe(1);
		expect(result.output('Echo').filter((json) => json.q !== undefined)).toEqual([
			{ q: 'ok0', via: 'apiKey' },
			{ q: 'ok2', via: 'apiKey' },
		]);
	});

	it('throws from output() for a node that did not run, naming the nodes that did', async () => {
		const result = await runWorkflow({
			workflow: echoWorkflow({}),
			credentials: apiKeyStore(),
			nodeTypes,
			credentialTypes,
			inputItems: items('x'),
		});
		expect(() => result.output('Nope')).toThrow(/Nope.*did not run.*Start, Items, Echo/);
	});

	it('returns the parameter issues when n8n-core refuses to start the workflow', async () => {
		const strictEcho = new TestEcho();
		strictEcho.description.properties = strictEcho.description.properties.map((property) =>
			property.name === 'q' ? { ...property, required: true } : property,
		);
		const result = await runWorkflow({
			workflow: echoWorkflow({ parameters: {} }),
			credentials: apiKeyStore(),
			nodeTypes: { 'test.echo': strictEcho },
			credentialTypes,
		});
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('WorkflowHasIssuesError');
		expect(result.issues).toEqual({
			Echo: { parameters: { q: ['Parameter "Query" is required.'] } },
		});
		expect(result.runData).toEqual({});
		expect(seen).toHaveLength(0);
	});

	it('reports a missing credential as a node error, not a crash', async () => {
		const result = await runWorkflow({
			workflow: echoWorkflow({}),
			credentials: createCredentialStore([]),
			nodeTypes,
			credentialTypes,
			inputItems: items('x'),
		});
		expect(result.status).toBe('error');
		expect(result.errors('Echo')[0].message).toContain('cred-api');
		expect(seen).toHaveLength(0);
	});
});

describe('runWorkflow: OAuth2 refresh', () => {
	function oauthStore() {
		return createCredentialStore([
			{
				id: 'cred-oauth',
				name: 'Echo OAuth2',
				type: 'testEchoOAuth2Api',
				data: {
					baseUrl,
					clientId: CLIENT_ID,
					clientSecret: CLIENT_SECRET,
					oauthTokenData: {
						access_token: 'old-access',
						refresh_token: 'old-refresh',
						token_type: 'Bearer',
					},
				},
			},
		]);
	}
	const oauthEcho: Partial<INode> = {
		parameters: { authentication: 'oAuth2', q: '={{ $json.name }}' },
		credentials: { testEchoOAuth2Api: { id: 'cred-oauth', name: 'Echo OAuth2' } },
	};

	it('refreshes on 401 via the token URL with client credentials in the body, retries, and stores the new tokens', async () => {
		const store = oauthStore();
		const result = await runWorkflow({
			workflow: echoWorkflow(oauthEcho),
			credentials: store,
			nodeTypes,
			credentialTypes,
			inputItems: items('o0'),
		});

		expect(result.error).toBeUndefined();
		expect(result.output('Echo')).toEqual([{ q: 'o0', via: 'oauth2' }]);
		expect(seen.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
			'GET /echo Bearer old-access',
			'POST /oauth/token ',
			'GET /echo Bearer new-access',
		]);
		const tokenForm = Object.fromEntries(new URLSearchParams(seen[1].body));
		expect(tokenForm).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'old-refresh',
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
		});
		expect(store.updates).toBe(1);
		expect(store.get('cred-oauth').oauthTokenData).toMatchObject({
			access_token: 'new-access',
			refresh_token: 'new-refresh',
		});
		expect(store.get('cred-oauth').clientSecret).toBe(CLIENT_SECRET);

		// The next run reads the rotated tokens: no 401, no refresh.
		seen = [];
		const second = await runWorkflow({
			workflow: echoWorkflow(oauthEcho),
			credentials: store,
			nodeTypes,
			credentialTypes,
			inputItems: items('o1'),
		});
		expect(second.output('Echo')).toEqual([{ q: 'o1', via: 'oauth2' }]);
		expect(seen.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
			'GET /echo Bearer new-access',
		]);
		expect(store.updates).toBe(1);
	});

	it('fails the node when the refresh is rejected, leaving the stored tokens unchanged', async () => {
		const store = oauthStore();
		store.patch('cred-oauth', {
			oauthTokenData: {
				access_token: 'old-access',
				refresh_token: 'revoked',
				token_type: 'Bearer',
			},
		});
		const result = await runWorkflow({
			workflow: echoWorkflow(oauthEcho),
			credentials: store,
			nodeTypes,
			credentialTypes,
			inputItems: items('o2'),
		});
		expect(result.status).toBe('error');
		expect(result.errors('Echo')).toHaveLength(1);
		expect(store.updates).toBe(0);
		expect(store.get('cred-oauth').oauthTokenData).toMatchObject({ refresh_token: 'revoked' });
	});
});

describe('credentials helper', () => {
	const additionalData = {
		executionId: 'x',
		variables: {},
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;

	it('reports oAuth2Api as parent type of credentials that extend it', () => {
		const types = new HarnessCredentialTypes(credentialTypes);
		expect(types.getParentTypes('testEchoOAuth2Api')).toEqual(['oAuth2Api']);
		expect(types.getParentTypes('testEchoApi')).toEqual([]);
	});

	it('applies defaults and resolves $self expressions outside a workflow context', async () => {
		const store = createCredentialStore([
			{
				id: 'c1',
				name: 'c1',
				type: 'testEchoOAuth2Api',
				data: { baseUrl: 'http://sandbox.test', clientId: 'id' },
			},
		]);
		const helper = new HarnessCredentialsHelper(store, new HarnessCredentialTypes(credentialTypes));
		const data = await helper.getDecrypted(
			additionalData,
			{ id: 'c1', name: 'c1' },
			'testEchoOAuth2Api',
			'manual',
		);
		expect(data).toMatchObject({
			accessTokenUrl: 'http://sandbox.test/oauth/token',
			authUrl: 'http://sandbox.test/oauth/authorize',
			authentication: 'body',
			grantType: 'authorizationCode',
			scope: 'echo.readonly',
			clientSecret: '',
		});
		const raw = await helper.getDecrypted(
			additionalData,
			{ id: 'c1', name: 'c1' },
			'testEchoOAuth2Api',
			'manual',
			undefined,
			true,
		);
		expect(raw).toEqual({ baseUrl: 'http://sandbox.test', clientId: 'id' });
	});

	it("loads this package's credential types from source; OAuth2 ones report oAuth2Api and resolve their token URL", async () => {
		const loaded = loadPackageCredentialTypes();
		expect(loaded.failures).toEqual([]);
		expect(loaded.byName.size).toBeGreaterThan(0);
		const types = new HarnessCredentialTypes();
		const oauthTypes = [...loaded.byName.values()].filter((type) =>
			type.extends?.includes('oAuth2Api'),
		);
		for (const type of oauthTypes) {
			expect(types.getParentTypes(type.name)).toContain('oAuth2Api');
			const store = createCredentialStore([{ id: 'p', name: 'p', type: type.name, data: {} }]);
			const helper = new HarnessCredentialsHelper(store, types);
			const data = await helper.getDecrypted(
				additionalData,
				{ id: 'p', name: 'p' },
				type.name,
				'manual',
			);
			expect(String(data.accessTokenUrl)).toMatch(/^https?:\/\/[^{}]+$/);
		}
	});
});
