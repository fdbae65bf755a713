/**
 * Fake n8n contexts for driving the GoHighLevel Trigger's `webhook()` and `webhookMethods` without n8n:
 * an `IWebhookFunctions` whose request carries `rawBody` + headers and whose response records status and JSON, and
 * an `IHookFunctions` for activation. Both share node parameters, a static data object, credentials and a stubbed
 * `helpers.httpRequestWithAuthentication` (the action node's transport sends every HighLevel request through it).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../../nodes/GoHighLevel/shared/transport';

export const LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const OTHER_LOCATION_ID = 'otherLocation000000001';
export const BASE_URL = 'https://services.leadconnectorhq.test';
export const WEBHOOK_URL =
	'https://n8n.example.test/webhook/1b8e2f0c-7d2a-4f55-9a43-5d0f3c9b1e21/webhook';

/** Credentials by type: a Private Integration Token and an OAuth2 token with the given scope string. */
export function credentialsFor(
	options: { scope?: string; locationId?: string } = {},
): Record<string, ICredentialDataDecryptedObject> {
	const locationId = options.locationId ?? LOCATION_ID;
	return {
		[CREDENTIAL_TYPES.privateIntegrationToken]: {
			token: 'pit-test',
			locationId,
			baseUrl: BASE_URL,
		},
		[CREDENTIAL_TYPES.oAuth2]: {
			baseUrl: BASE_URL,
			oauthTokenData: {
				access_token: 'oauth-test',
				locationId,
				...(options.scope !== undefined ? { scope: options.scope } : {}),
			},
		},
	};
}

/** What a fake HighLevel answers to one request. */
export type FakeApi = (
	options: IHttpRequestOptions,
	credentialType: string,
) => IN8nHttpFullResponse;

/** A recorded `httpRequestWithAuthentication` call. */
export interface ApiCall {
	credentialType: string;
	options: IHttpRequestOptions;
}

/** Shared parts of both fake contexts. */
export interface FakeSetup {
	parameters: IDataObject;
	staticData?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	api?: FakeApi;
	/**
	 * Workflow id the context reports. Default: one id per `staticData` object, so contexts sharing static data
	 * are the same workflow (and share the trigger's in-process `webhookId` memory) and others are not.
	 */
	workflowId?: string;
}

const workflowIds = new WeakMap<IDataObject, string>();
let workflowCounter = 0;

const NODE: INode = {
	id: 'a7f4c1de-0d5b-4f0e-9b7e-1f2d3c4b5a69',
	name: 'GoHighLevel Trigger',
	type: 'n8n-nodes-gohighlevel.goHighLevelTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function base(setup: FakeSetup) {
	const staticData = setup.staticData ?? {};
	if (!workflowIds.has(staticData)) workflowIds.set(staticData, `workflow-${++workflowCounter}`);
	const workflowId = setup.workflowId ?? workflowIds.get(staticData)!;
	const credentials = setup.credentials ?? credentialsFor();
	const calls: ApiCall[] = [];
	const warnings: string[] = [];
	const api: FakeApi =
		setup.api ?? (() => ({ body: { contacts: [], total: 0 }, headers: {}, statusCode: 200 }));
	const httpRequestWithAuthentication = jest.fn(
		async (credentialType: string, options: IHttpRequestOptions) => {
			calls.push({ credentialType, options });
			return api(options, credentialType);
		},
	);
	const context = {
		getNode: () => NODE,
		getWorkflow: () => ({ id: workflowId, name: 'Test workflow', active: true }),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in setup.parameters ? setup.parameters[name] : fallback,
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`unexpected static data type ${type}`);
			return staticData;
		},
		getCredentials: async (type: string) => {
			const data = credentials[type];
			if (!data) throw new Error(`no credential of type ${type}`);
			return data;
		},
		getNodeWebhookUrl: (name: string) => (name === 'default' ? WEBHOOK_URL : undefined),
		logger: {
			warn: (message: string) => warnings.push(message),
			info: () => undefined,
			debug: () => undefined,
			error: () => undefined,
		},
		helpers: { httpRequestWithAuthentication },
	};
	return { context, staticData, calls, warnings, httpRequestWithAuthentication };
}

/** The response object a `webhook()` call answered with. */
export interface RecordedResponse {
	statusCode: number | undefined;
	body: unknown;
}

/** An incoming request. `rawBody` undefined simulates n8n keeping no raw body. */
export interface FakeRequest {
	rawBody?: Buffer;
	/** What `getBodyData()` returns (n8n's parsed body). Defaults to JSON.parse of the raw body when possible. */
	parsedBody?: IDataObject;
	headers?: Record<string, string | string[]>;
}

/** A fake `IWebhookFunctions` for one request, plus what it recorded. */
export function webhookContext(setup: FakeSetup, request: FakeRequest) {
	const b = base(setup);
	const response: RecordedResponse = { statusCode: undefined, body: undefined };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
		end() {
			return res;
		},
	};
	let parsed = request.parsedBody;
	if (parsed === undefined && request.rawBody) {
		try {
			parsed = JSON.parse(request.rawBody.toString('utf8')) as IDataObject;
		} catch {
			parsed = {};
		}
	}
	const req = {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(request.headers ?? {}) },
		rawBody: request.rawBody,
		body: parsed,
	};
	const ctx = {
		...b.context,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getBodyData: () => parsed ?? {},
		getHeaderData: () => req.headers,
		getMode: () => 'trigger',
	} as unknown as IWebhookFunctions;
	return { ctx, response, ...b };
}

/** A fake `IHookFunctions` (activation / deactivation). */
export function hookContext(setup: FakeSetup) {
	const b = base(setup);
	const ctx = {
		...b.context,
		getMode: () => 'trigger',
		getActivationMode: () => 'activate',
		getWebhookName: () => 'default',
	} as unknown as IHookFunctions;
	return { ctx, ...b };
}
