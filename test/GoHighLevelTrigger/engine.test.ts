/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * The trigger inside n8n-core 2.8.1's real contexts (`HookContext` for activation, `WebhookContext` for requests):
 * parameter defaults and collections resolved by n8n, credentials decrypted and applied by the engine test
 * harness's credentials helper, workflow static data as n8n's observable object, and real HTTP through n8n-core's
 * request helpers to a local stand-in for HighLevel (127.0.0.1, random port).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { prepareContainer } from '../engine/harness/container';
import {
	createCredentialStore,
	HarnessCredentialsHelper,
	HarnessCredentialTypes,
} from '../engine/harness/credentials';
import { HarnessNodeTypes } from '../engine/harness/node-types';
import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';
import { rateLimiter } from '../../nodes/GoHighLevel/shared/rateLimiter';
import { signPayload, TEST_ED25519_PUBLIC_KEY } from './fixtures/keys';
import { DEDUP_ENTRY_CHARS } from '../../nodes/GoHighLevelTrigger/shared/dedup';

const TYPE = 'n8n-nodes-gohighlevel.goHighLevelTrigger';
const LOCATION_ID = 've9EPM428h8vShlRW1KT';
const WEBHOOK_ID = '5c0f1a2b-3d4e-4f60-8a7b-9c0d1e2f3a4b';
const N8N = 'http://127.0.0.1:5678';

interface SeenRequest {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

let server: Server;
let apiBase: string;
const seen: SeenRequest[] = [];

beforeAll(async () => {
	prepareContainer();
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			seen.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			res.setHeader('content-type', 'application/json');
			if (req.method === 'POST' && req.url === '/oauth/locationToken') {
				const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
				res.end(JSON.stringify({ access_token: `location-token-${form.get('locationId')}`, expires_in: 86399 }));
			} else if (req.method === 'POST' && req.url === '/contacts/search') {
				res.end(JSON.stringify({ contacts: [], total: 0 }));
			} else if (req.method === 'GET' && req.url === '/contacts/c-1') {
				res.end(JSON.stringify({ contact: { id: 'c-1', email: 'ada@example.com' } }));
			} else {
				res.statusCode = 404;
				res.end(JSON.stringify({ statusCode: 404, message: 'Not found' }));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	apiBase = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	seen.length = 0;
	rateLimiter.reset();
});

/** An agency (Company) OAuth2 credential (FACTS.md 3.4): no location, a company. */
const AGENCY_CREDENTIAL = {
	id: 'agency',
	name: 'Agency',
	type: 'goHighLevelOAuth2Api',
	data: {
		clientId: '65f1c0ffee00aa11bb22cc33-abc',
		clientSecret: 'secret',
		grantType: 'authorizationCode',
		authentication: 'body',
		oauthTokenData: { access_token: 'agency-token', userType: 'Company', companyId: 'company-1' },
	},
};

/**
 * A workflow holding only the trigger, with n8n's own parameter resolution (defaults for everything not given);
 * `agency`: with {@link AGENCY_CREDENTIAL} instead of the Private Integration Token.
 */
function setup(parameters: INodeParameters, options: { agency?: boolean } = {}) {
	const trigger = new GoHighLevelTrigger();
	const node: INode = {
		id: randomUUID(),
		name: 'GoHighLevel Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters,
		credentials: options.agency
			? { goHighLevelOAuth2Api: { id: AGENCY_CREDENTIAL.id, name: AGENCY_CREDENTIAL.name } }
			: { goHighLevelPrivateIntegrationTokenApi: { id: 'pit', name: 'PIT' } },
	};
	const workflow = new Workflow({
		id: 'wf-trigger',
		name: 'Trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new HarnessNodeTypes({ startItems: [] }, { [TYPE]: trigger }),
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const store = createCredentialStore([
		{
			id: 'pit',
			name: 'PIT',
			type: 'goHighLevelPrivateIntegrationTokenApi',
			data: { token: 'pit-engine-test', locationId: LOCATION_ID, baseUrl: apiBase },
		},
		{ ...AGENCY_CREDENTIAL, data: { ...AGENCY_CREDENTIAL.data, baseUrl: apiBase } },
	]);
	const additionalData = {
		credentialsHelper: new HarnessCredentialsHelper(store, new HarnessCredentialTypes()),
		executionId: 'engine-trigger',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${N8N}/rest`,
		instanceBaseUrl: `${N8N}/`,
		formWaitingBaseUrl: `${N8N}/form-waiting`,
		webhookBaseUrl: `${N8N}/webhook`,
		webhookWaitingBaseUrl: `${N8N}/webhook-waiting`,
		webhookTestBaseUrl: `${N8N}/webhook-test`,
	} as unknown as IWorkflowExecuteAdditionalData;
	const resolvedNode = workflow.getNode(node.name)!;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `${WEBHOOK_ID}/webhook`,
		webhookDescription: trigger.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: WEBHOOK_ID,
	};
	const hook = () =>
		new HookContext(workflow, resolvedNode, additionalData, 'trigger', 'activate', webhookData);
	const deliver = async (rawBody: Buffer, headers: Record<string, string>) => {
		const response: { status?: number; body?: unknown } = {};
		const res = {
			status(code: number) {
				response.status = code;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				return res;
			},
		};
		additionalData.httpRequest = {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			rawBody,
			body: JSON.parse(rawBody.toString('utf8')) as IDataObject,
		} as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = res as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const ctx = new WebhookContext(
			workflow,
			resolvedNode,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = await trigger.webhook.call(ctx);
		return { result, response };
	};
	return { trigger, workflow, hook, deliver };
}

function signedContactCreate(id: string) {
	const rawBody = Buffer.from(
		JSON.stringify({
			type: 'ContactCreate',
			locationId: LOCATION_ID,
			id,
			timestamp: new Date().toISOString(),
			webhookId: randomUUID(),
		}),
	);
	return { rawBody, headers: { 'x-ghl-signature': signPayload(rawBody)['x-ghl-signature'] } };
}

describe('GoHighLevel Trigger in n8n-core contexts', () => {
	const parameters: INodeParameters = {
		events: ['ContactCreate'],
		options: { additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY, includeFullRecord: true },
	};

	it('activates: probes with the Private Integration Token, stores the subscription at the production URL', async () => {
		const { trigger, workflow, hook } = setup(parameters);
		const methods = trigger.webhookMethods.default;
		expect(await methods.checkExists.call(hook())).toBe(false);
		expect(await methods.create.call(hook())).toBe(true);

		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ method: 'POST', url: '/contacts/search' });
		expect(seen[0].headers.authorization).toBe('Bearer pit-engine-test');
		expect(seen[0].headers.version).toBe('2021-07-28');
		expect(JSON.parse(seen[0].body)).toEqual({ locationId: LOCATION_ID, pageLimit: 1 });

		const staticData = workflow.getStaticData('node', workflow.getNode('GoHighLevel Trigger')!);
		expect(staticData.subscription).toMatchObject({
			webhookUrl: `${N8N}/webhook/${WEBHOOK_ID}/webhook`,
			events: ['ContactCreate'],
			location: 'credential',
			locationId: LOCATION_ID,
			source: 'marketplace',
		});
		expect(await methods.checkExists.call(hook())).toBe(true);
		expect(await methods.delete.call(hook())).toBe(true);
		expect(await methods.checkExists.call(hook())).toBe(false);
	});

	it('emits a signed event with the full record and marks the webhookId memory for saving', async () => {
		const { workflow, deliver } = setup(parameters);
		const { rawBody, headers } = signedContactCreate('c-1');
		const { result, response } = await deliver(rawBody, headers);

		expect(response).toEqual({ status: 200, body: { status: 'received', event: 'ContactCreate' } });
		const item = result.workflowData![0][0].json;
		expect(item).toMatchObject({
			event: 'ContactCreate',
			id: 'c-1',
			record: { id: 'c-1', email: 'ada@example.com' },
		});
		expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /contacts/c-1']);

		const staticData = workflow.getStaticData('node', workflow.getNode('GoHighLevel Trigger')!);
		expect((staticData.webhookIds as { ids: string }).ids).toHaveLength(DEDUP_ENTRY_CHARS);
		// n8n saves workflow static data after an execution only when this flag is set.
		expect((workflow.staticData as IDataObject).__dataChanged).toBe(true);

		const again = await deliver(rawBody, headers);
		expect(again.result.workflowData).toBeUndefined();
		expect(again.response).toMatchObject({ status: 200, body: { status: 'duplicate' } });
	});

	it('with an agency credential and Any Location, reads the full record in the event\'s location through a Location token', async () => {
		const { trigger, hook, deliver } = setup(
			{ ...parameters, authentication: 'oAuth2', location: 'any' },
			{ agency: true },
		);
		expect(await trigger.webhookMethods.default.create.call(hook())).toBe(true);
		expect(seen).toEqual([]);
		const { rawBody, headers } = signedContactCreate('c-1');
		const { result } = await deliver(rawBody, headers);
		expect(result.workflowData![0][0].json).toMatchObject({ id: 'c-1', record: { id: 'c-1' } });
		expect(seen.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual([
			'POST /oauth/locationToken Bearer agency-token',
			`GET /contacts/c-1 Bearer location-token-${LOCATION_ID}`,
		]);
		expect(new URLSearchParams(seen[0].body).get('companyId')).toBe('company-1');
		expect(new URLSearchParams(seen[0].body).get('locationId')).toBe(LOCATION_ID);
	});

	it('refuses an unsigned request with 401 and starts nothing', async () => {
		const { deliver } = setup(parameters);
		const { rawBody } = signedContactCreate('c-1');
		const { result, response } = await deliver(rawBody, {});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
		expect(seen).toHaveLength(0);
	});

	it('resolves the Workflow Webhook Action parameters in n8n: Shared Secret, Skip Verification, the earlier Options secret', async () => {
		const secret = ['engine', 'shared', 'value'].join('-');
		const body = Buffer.from(JSON.stringify({ contact_id: 'c-1', location: { id: LOCATION_ID } }));
		const base = { source: 'workflow', location: 'any' };
		const cases: Array<[INodeParameters, Record<string, string>, number]> = [
			[{ ...base, sharedSecret: secret }, { 'x-webhook-secret': secret }, 200],
			[{ ...base, sharedSecret: secret }, { 'x-webhook-secret': 'wrong' }, 401],
			[{ ...base, options: { sharedSecret: secret } }, { 'x-webhook-secret': secret }, 200],
			[{ ...base, options: { sharedSecret: secret } }, {}, 401],
			[{ ...base, options: { skipVerification: true } }, {}, 200],
		];
		for (const [parameters, headers, status] of cases) {
			const { deliver, workflow } = setup(parameters);
			const { response } = await deliver(body, headers);
			expect({ parameters, status: response.status }).toEqual({ parameters, status });
			// n8n keeps the secret where it was given (the Options entry of earlier workflows included).
			const resolved = workflow.getNode('GoHighLevel Trigger')!.parameters;
			if (parameters.sharedSecret) expect(resolved.sharedSecret).toBe(secret);
			if ((parameters.options as IDataObject | undefined)?.sharedSecret) {
				expect((resolved.options as IDataObject).sharedSecret).toBe(secret);
			}
		}
	});
});
