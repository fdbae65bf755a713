/**
 * Drives the GoHighLevel Trigger's `webhook()` and `webhookMethods` with fake n8n contexts (helpers.ts). Marketplace
 * requests are signed with the committed TEST keys (fixtures/keys.ts), whose public halves are passed as the
 * "Additional … Public Key" options; HighLevel's own private keys are not known and not needed.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';

import type {
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { rateLimiter } from '../../nodes/GoHighLevel/shared/rateLimiter';
import { CREDENTIAL_TYPES } from '../../nodes/GoHighLevel/shared/transport';
import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';
import { EVENT_OPTIONS } from '../../nodes/GoHighLevelTrigger/shared/events';
import { DEDUP_ENTRY_CHARS, webhookIdKey } from '../../nodes/GoHighLevelTrigger/shared/dedup';
import { STATE_KEYS } from '../../nodes/GoHighLevelTrigger/shared/state';
import { MAX_BODY_BYTES } from '../../nodes/GoHighLevelTrigger/shared/verify';
import {
	signPayload,
	TEST_ED25519_PRIVATE_KEY,
	TEST_ED25519_PUBLIC_KEY,
	TEST_RSA_PUBLIC_KEY,
} from './fixtures/keys';
import {
	BASE_URL,
	credentialsFor,
	hookContext,
	LOCATION_ID,
	OTHER_LOCATION_ID,
	WEBHOOK_URL,
	webhookContext,
	type FakeApi,
	type FakeRequest,
	type FakeSetup,
} from './helpers';

const node = new GoHighLevelTrigger();
const hooks = node.webhookMethods.default;

beforeEach(() => rateLimiter.reset());

// ---------------------------------------------------------------------------------------------------------------
// Payloads and requests

function contactCreate(overrides: IDataObject = {}): IDataObject {
	return {
		type: 'ContactCreate',
		locationId: LOCATION_ID,
		id: 'nmFmQEsNgz6AVpgLVUJ0',
		email: 'ada@example.com',
		firstName: 'Ada',
		tags: ['vip'],
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
		...overrides,
	};
}

function stageUpdate(overrides: IDataObject = {}): IDataObject {
	return {
		type: 'OpportunityStageUpdate',
		locationId: LOCATION_ID,
		id: 'opp-1',
		contactId: 'contact-1',
		pipelineId: 'pipe-1',
		pipelineStageId: 'stage-2',
		status: 'open',
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
		...overrides,
	};
}

/**
 * The payload as bytes HighLevel could send: pretty-printed, so a check over re-serialised JSON would not match the
 * signature and only a check over the raw bytes does.
 */
function rawOf(payload: unknown): Buffer {
	return Buffer.from(JSON.stringify(payload, null, 2), 'utf8');
}

/** A request signed with the TEST Ed25519 key (x-ghl-signature). */
function signed(payload: unknown): FakeRequest {
	const rawBody = rawOf(payload);
	return { rawBody, headers: { 'x-ghl-signature': signPayload(rawBody)['x-ghl-signature'] } };
}

function marketplace(overrides: IDataObject = {}, options: IDataObject = {}): FakeSetup {
	return {
		parameters: {
			authentication: 'privateIntegrationToken',
			source: 'marketplace',
			events: ['ContactCreate', 'OpportunityStageUpdate'],
			location: 'credential',
			options: { additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY, ...options },
			...overrides,
		},
	};
}

async function deliver(setup: FakeSetup, request: FakeRequest) {
	const fake = webhookContext(setup, request);
	const result: IWebhookResponseData = await node.webhook.call(fake.ctx);
	return { ...fake, result };
}

function onlyItem(result: IWebhookResponseData): IDataObject {
	expect(result.workflowData).toHaveLength(1);
	expect(result.workflowData![0]).toHaveLength(1);
	return result.workflowData![0][0].json;
}

function expectNoExecution(result: IWebhookResponseData): void {
	expect(result.workflowData).toBeUndefined();
	expect(result.noWebhookResponse).toBe(true);
}

// ---------------------------------------------------------------------------------------------------------------

describe('node description', () => {
	const d = node.description;

	it('is a trigger with one POST webhook answered on receipt', () => {
		expect(d.name).toBe('goHighLevelTrigger');
		expect(d.displayName).toBe('GoHighLevel Trigger');
		expect(d.group).toEqual(['trigger']);
		expect(d.inputs).toEqual([]);
		expect(d.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect(d.icon).toEqual({
			light: 'file:../../icons/gohighlevel.svg',
			dark: 'file:../../icons/gohighlevel.dark.svg',
		});
	});

	it('offers both credentials, each shown for its authentication value', () => {
		expect(d.credentials).toEqual([
			expect.objectContaining({
				name: CREDENTIAL_TYPES.privateIntegrationToken,
				displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
			}),
			expect.objectContaining({
				name: CREDENTIAL_TYPES.oAuth2,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			}),
		]);
		expect(d.properties.map((p) => p.name)).toContain('authentication');
	});

	it('starts with the setup notice naming the Default Webhook URL', () => {
		expect(d.properties[0].type).toBe('notice');
		expect(d.properties[0].displayName).toMatch(/Default Webhook URL/);
		expect(d.properties[0].displayName).toMatch(/Production URL/);
	});

	it('lists Any Event, ContactCreate and OpportunityStageUpdate first, then every catalogue event', () => {
		const events = d.properties.find((p) => p.name === 'events')!;
		const values = (events.options as Array<{ value: string }>).map((o) => o.value);
		expect(values.slice(0, 3)).toEqual(['*', 'ContactCreate', 'OpportunityStageUpdate']);
		expect(values).toHaveLength(EVENT_OPTIONS.length + 1);
	});

	it("defaults Location to the credential's location and the source to the Marketplace app", () => {
		expect(d.properties.find((p) => p.name === 'location')!.default).toBe('credential');
		expect(d.properties.find((p) => p.name === 'source')!.default).toBe('marketplace');
	});

	it('gives every event an action for the node creator, each once and without doubled words', () => {
		const events = d.properties.find((p) => p.name === 'events')!;
		const options = events.options as INodePropertyOptions[];
		// n8n's node creator lists `action`, else "On <name>" built from the whole option name.
		const actions = options.map((o) => o.action);
		for (const [i, action] of actions.entries()) {
			expect(action).toMatch(/^On \S/);
			expect(action).not.toContain(String(options[i].value));
			const words = action!.toLowerCase().split(/[\s-]+/);
			expect({ value: options[i].value, doubled: words.length !== new Set(words).size }).toEqual({
				value: options[i].value,
				doubled: false,
			});
		}
		expect(new Set(actions).size).toBe(actions.length);
		expect(actions.slice(0, 3)).toEqual([
			'On any event',
			'On contact created',
			'On opportunity stage changed',
		]);
		expect(actions).toContain('On contact DND updated');
		expect(d.description).toMatch(/^Starts the workflow on HighLevel webhook events/);
	});

	it('names where the scopes are shown and links to the README without a #fragment', () => {
		const notices = d.properties.filter((p) => p.type === 'notice');
		expect(notices.map((n) => n.displayName).join(' ')).not.toMatch(/next to it|set under Options/);
		expect(notices[0].displayName).toMatch(/description in the Events list names it/);
		const texts = JSON.stringify(d);
		const links = texts.match(/https?:\/\/[^\s"'<>\\]+/g) ?? [];
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link).not.toContain('#');
		for (const notice of notices) expect(notice.displayName).toMatch(/README, section "The GoHighLevel Trigger"/);
	});

	it('shows a required Shared Secret for the workflow source only (hidden by Skip Verification and for earlier workflows)', () => {
		const secret = d.properties.find((p) => p.name === 'sharedSecret')!;
		expect(secret).toMatchObject({ required: true, type: 'string', typeOptions: { password: true } });
		const legacy = (d.properties.find((p) => p.name === 'options')!.options as INodeProperties[]).find(
			(o) => o.name === 'sharedSecret',
		)!;
		// The same display rules n8n's editor applies, on the node's parameter values.
		const shown = (property: INodeProperties, values: IDataObject, root = values) =>
			NodeHelpers.displayParameter(values as never, property, null, d, root as never);
		expect(shown(secret, { source: 'workflow', options: {} })).toBe(true);
		expect(shown(secret, { source: 'marketplace', options: {} })).toBe(false);
		expect(shown(secret, { source: 'workflow', options: { skipVerification: true } })).toBe(false);
		expect(shown(secret, { source: 'workflow', options: { sharedSecret: 'old' } })).toBe(false);
		// The earlier Options entry is offered only while Shared Secret is empty.
		const root = (sharedSecret: string) => ({ source: 'workflow', sharedSecret, options: {} });
		expect(shown(legacy, {}, root('new'))).toBe(false);
		expect(shown(legacy, { sharedSecret: 'old' }, root(''))).toBe(true);
		// n8n's parameter resolution (editor save, workflow load) keeps the earlier Options entry.
		for (const returnDefaults of [true, false]) {
			const resolved = NodeHelpers.getNodeParameters(
				d.properties,
				{ source: 'workflow', location: 'any', options: { sharedSecret: 'old' } },
				returnDefaults,
				false,
				null,
				d,
			);
			expect(resolved?.options).toEqual({ sharedSecret: 'old' });
		}
		// A missing secret is reported as a parameter issue, like n8n does for required fields.
		const issues = (parameters: IDataObject) =>
			NodeHelpers.getNodeParametersIssues(d.properties, {
				id: 'n',
				name: 'GoHighLevel Trigger',
				type: d.name,
				typeVersion: 1,
				position: [0, 0],
				parameters: parameters as never,
			}, d);
		expect(issues({ source: 'workflow', options: {}, sharedSecret: '' })?.parameters).toHaveProperty(
			'sharedSecret',
		);
		expect(issues({ source: 'workflow', options: {}, sharedSecret: 'x' })?.parameters?.sharedSecret).toBeUndefined();
		for (const options of [{ sharedSecret: 'old' }, { skipVerification: true }]) {
			expect(issues({ source: 'workflow', options, sharedSecret: '' })?.parameters?.sharedSecret).toBeUndefined();
		}
	});
});

describe('webhook(): Marketplace App Webhook', () => {
	it('emits one item with the payload, the catalogue event and receivedAt, and answers 200', async () => {
		const payload = contactCreate();
		const { result, response } = await deliver(marketplace(), signed(payload));
		const item = onlyItem(result);
		expect(item).toMatchObject(payload);
		expect(item.event).toBe('ContactCreate');
		expect(new Date(item.receivedAt as string).toISOString()).toBe(item.receivedAt);
		expect(response).toEqual({
			statusCode: 200,
			body: { status: 'received', event: 'ContactCreate' },
		});
		expect(result.noWebhookResponse).toBe(true);
	});

	it('refuses a body signed with another Ed25519 key: 401, no execution', async () => {
		const forger = generateKeyPairSync('ed25519');
		const rawBody = rawOf(contactCreate());
		const signature = sign(null, rawBody, forger.privateKey).toString('base64');
		const { result, response } = await deliver(marketplace(), {
			rawBody,
			headers: { 'x-ghl-signature': signature },
		});
		expectNoExecution(result);
		expect(response.statusCode).toBe(401);
		expect((response.body as IDataObject).error).toMatch(/signature does not match/);
	});

	it('refuses a body changed after signing', async () => {
		const request = signed(contactCreate({ email: 'ada@example.com' }));
		request.rawBody = Buffer.from(
			request.rawBody!.toString('utf8').replace('ada@example.com', 'eve@example.com'),
		);
		const { result, response } = await deliver(marketplace(), request);
		expectNoExecution(result);
		expect(response.statusCode).toBe(401);
	});

	it('refuses a request without signature header and points to the workflow source', async () => {
		const { result, response } = await deliver(marketplace(), { rawBody: rawOf(contactCreate()) });
		expectNoExecution(result);
		expect(response.statusCode).toBe(401);
		expect((response.body as IDataObject).error).toMatch(/x-ghl-signature/);
		expect((response.body as IDataObject).error).toMatch(/HighLevel Workflow Webhook Action/);
	});

	it('refuses a correctly signed body when the TEST key is not configured (only HighLevel keys are built in)', async () => {
		const { result, response } = await deliver(
			marketplace({ options: {} }),
			signed(contactCreate()),
		);
		expectNoExecution(result);
		expect(response.statusCode).toBe(401);
	});

	it('accepts the legacy x-wh-signature (RSA) with the RSA key option', async () => {
		const rawBody = rawOf(contactCreate());
		const { result } = await deliver(
			marketplace(
				{},
				{ additionalEd25519PublicKey: '', additionalRsaPublicKey: TEST_RSA_PUBLIC_KEY },
			),
			{ rawBody, headers: { 'x-wh-signature': signPayload(rawBody)['x-wh-signature'] } },
		);
		expect(onlyItem(result).event).toBe('ContactCreate');
	});

	it('says which option holds an unreadable key when no key verifies', async () => {
		const { response } = await deliver(
			marketplace({}, { additionalEd25519PublicKey: 'not a key' }),
			signed(contactCreate()),
		);
		expect(response.statusCode).toBe(401);
		expect((response.body as IDataObject).error).toMatch(/Additional Ed25519 Public Key/);
	});

	it('fails closed when n8n kept no raw body, even if the re-serialised body carries a valid signature', async () => {
		const payload = contactCreate();
		const compact = JSON.stringify(payload);
		const { result, response, warnings } = await deliver(marketplace(), {
			parsedBody: payload,
			headers: { 'x-ghl-signature': signPayload(compact)['x-ghl-signature'] },
		});
		expectNoExecution(result);
		expect(response.statusCode).toBe(401);
		expect((response.body as IDataObject).error).toMatch(/raw request body/);
		expect(warnings.join(' ')).toMatch(/no raw body/);
	});

	it('refuses a replay outside the time window (401 stale), and a timestamp too far ahead', async () => {
		const old = new Date(Date.now() - 10 * 60_000).toISOString();
		const stale = await deliver(marketplace(), signed(contactCreate({ timestamp: old })));
		expectNoExecution(stale.result);
		expect(stale.response.statusCode).toBe(401);
		expect((stale.response.body as IDataObject).error).toMatch(/more than 5 minutes old/);

		const ahead = new Date(Date.now() + 10 * 60_000).toISOString();
		const future = await deliver(marketplace(), signed(contactCreate({ timestamp: ahead })));
		expect(future.response.statusCode).toBe(401);
		expect((future.response.body as IDataObject).error).toMatch(/in the future/);
	});

	it('honours a wider Signature Time Window, and 0 turns the check off', async () => {
		const old = new Date(Date.now() - 10 * 60_000).toISOString();
		const wide = await deliver(
			marketplace({}, { timestampWindow: 30 }),
			signed(contactCreate({ timestamp: old })),
		);
		expect(onlyItem(wide.result).event).toBe('ContactCreate');

		const noTimestamp = contactCreate();
		delete noTimestamp.timestamp;
		const refused = await deliver(marketplace(), signed(noTimestamp));
		expect(refused.response.statusCode).toBe(401);
		expect((refused.response.body as IDataObject).error).toMatch(/no timestamp/);

		const off = await deliver(marketplace({}, { timestampWindow: 0 }), signed(noTimestamp));
		expect(onlyItem(off.result).event).toBe('ContactCreate');
	});

	it('answers 200 duplicate without execution when a webhookId comes again', async () => {
		const setup = { ...marketplace(), staticData: {} as IDataObject };
		const payload = contactCreate();
		const first = await deliver(setup, signed(payload));
		expect(onlyItem(first.result).webhookId).toBe(payload.webhookId);
		expect(setup.staticData[STATE_KEYS.webhookIds]).toEqual({
			v: 2,
			ids: expect.stringMatching(new RegExp(`^${webhookIdKey(String(payload.webhookId))}[0-9a-z]{7}$`)),
		});

		const again = await deliver(setup, signed(payload));
		expectNoExecution(again.result);
		expect(again.response).toEqual({
			statusCode: 200,
			body: { status: 'duplicate', webhookId: payload.webhookId },
		});

		const other = await deliver(setup, signed(contactCreate()));
		expect(onlyItem(other.result).event).toBe('ContactCreate');
	});

	it('catches duplicates although n8n hands each delivery static data saved before the previous one finished', async () => {
		// n8n saves a webhook's static data after answering: back-to-back deliveries each get the same stale copy.
		const saved: IDataObject = {};
		const workflowId = 'workflow-stale-static-data';
		const stale = () => ({ ...marketplace(), staticData: structuredClone(saved), workflowId });
		const payloads = [contactCreate(), contactCreate(), contactCreate()];
		for (const payload of payloads) {
			expect(onlyItem((await deliver(stale(), signed(payload))).result).webhookId).toBe(payload.webhookId);
		}
		for (const payload of payloads) {
			const again = await deliver(stale(), signed(payload));
			expectNoExecution(again.result);
			expect(again.response.body).toEqual({ status: 'duplicate', webhookId: payload.webhookId });
		}

		// Two deliveries of one id at the same moment: exactly one starts the workflow.
		const twin = contactCreate();
		const both = await Promise.all([deliver(stale(), signed(twin)), deliver(stale(), signed(twin))]);
		expect(both.filter((d) => d.response.body && (d.response.body as IDataObject).status === 'duplicate')).toHaveLength(1);
	});

	it('keeps every accepted webhookId for the whole window: 10,000 mixed deliveries, then replays start nothing', async () => {
		const staticData: IDataObject = {};
		const setup = { ...marketplace(), staticData };
		// Selected events of the credential's location start executions; the rest is acknowledged and ignored.
		const kinds = [
			() => contactCreate(),
			() => contactCreate({ type: 'ContactDelete' }),
			() => stageUpdate({ locationId: OTHER_LOCATION_ID }),
			() => contactCreate({ type: 'NoteCreate', contactId: 'c-1' }),
			() => stageUpdate(),
			() => contactCreate({ type: 'ContactTagUpdate' }),
		];
		// Ed25519 only (signPayload also makes the slow RSA signature).
		const key = createPrivateKey(TEST_ED25519_PRIVATE_KEY);
		const signedFast = (payload: IDataObject): FakeRequest => {
			const rawBody = rawOf(payload);
			return { rawBody, headers: { 'x-ghl-signature': sign(null, rawBody, key).toString('base64') } };
		};
		const accepted: FakeRequest[] = [];
		let ignored = 0;
		for (let i = 0; i < 10_000; i++) {
			const request = signedFast(kinds[i % kinds.length]());
			const { result, response } = await deliver(setup, request);
			if (result.workflowData) accepted.push(request);
			else if ((response.body as IDataObject).status === 'ignored') ignored++;
		}
		// kinds 0 and 4 are selected and of the credential's location.
		expect(accepted).toHaveLength(1_667 + 1_666);
		expect(ignored).toBe(10_000 - accepted.length);
		// Only the ids of accepted deliveries are kept, 23 characters each.
		const stored = staticData[STATE_KEYS.webhookIds] as { ids: string };
		expect(stored.ids).toHaveLength(accepted.length * DEDUP_ENTRY_CHARS);

		let executions = 0;
		for (const request of accepted.slice(0, 600)) {
			const again = await deliver(setup, request);
			if (again.result.workflowData) executions++;
			expect(again.response.body).toMatchObject({ status: 'duplicate' });
		}
		expect(executions).toBe(0);
	}, 120_000);

	it('acknowledges but ignores events that are not selected', async () => {
		const { result, response } = await deliver(
			marketplace(),
			signed(contactCreate({ type: 'ContactDelete' })),
		);
		expectNoExecution(result);
		expect(response.statusCode).toBe(200);
		expect(response.body).toMatchObject({ status: 'ignored' });
		expect((response.body as IDataObject).reason).toMatch(/ContactDelete/);
	});

	it('emits OpportunityStageUpdate and, with Any Event, anything the app sends', async () => {
		const stage = await deliver(marketplace(), signed(stageUpdate()));
		expect(onlyItem(stage.result).event).toBe('OpportunityStageUpdate');

		const any = await deliver(
			marketplace({ events: ['*'] }),
			signed(contactCreate({ type: 'SomethingNew' })),
		);
		expect(onlyItem(any.result).event).toBe('SomethingNew');

		const install = await deliver(
			marketplace({ events: ['*'] }),
			signed(contactCreate({ type: 'INSTALL', appId: 'app-1' })),
		);
		expect(onlyItem(install.result).event).toBe('AppInstall');
	});

	it('recognises a type-less event (InvoicePaid) when it is the selected one', async () => {
		const invoice = {
			_id: 'inv-1',
			invoiceNumber: '1001',
			altId: LOCATION_ID,
			altType: 'location',
			status: 'paid',
			timestamp: new Date().toISOString(),
			webhookId: randomUUID(),
		};
		const { result } = await deliver(marketplace({ events: ['InvoicePaid'] }), signed(invoice));
		expect(onlyItem(result).event).toBe('InvoicePaid');
	});

	it('ignores events of another location, and accepts them with Any Location', async () => {
		const payload = contactCreate({ locationId: OTHER_LOCATION_ID });
		const ignored = await deliver(marketplace(), signed(payload));
		expectNoExecution(ignored.result);
		expect(ignored.response.statusCode).toBe(200);
		expect(ignored.response.body).toMatchObject({ status: 'ignored' });

		const accepted = await deliver(
			marketplace({ location: 'any' }),
			signed({ ...payload, webhookId: randomUUID() }),
		);
		expect(onlyItem(accepted.result).locationId).toBe(OTHER_LOCATION_ID);
	});

	it('answers 400 to a signed body that is not JSON', async () => {
		const rawBody = Buffer.from('type=ContactCreate&id=1', 'utf8');
		const { result, response } = await deliver(marketplace(), {
			rawBody,
			parsedBody: {},
			headers: { 'x-ghl-signature': signPayload(rawBody)['x-ghl-signature'] },
		});
		expectNoExecution(result);
		expect(response.statusCode).toBe(400);
		expect((response.body as IDataObject).error).toMatch(/not valid JSON/);
	});

	it('answers 413 to a body above the size limit, before anything else', async () => {
		const rawBody = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
		const { result, response } = await deliver(marketplace(), { rawBody, parsedBody: {} });
		expectNoExecution(result);
		expect(response.statusCode).toBe(413);
	});
});

describe('webhook(): HighLevel Workflow Webhook Action', () => {
	const SHARED_VALUE = ['correct', 'horse', 'battery', 'staple'].join('-');

	function workflowPayload(overrides: IDataObject = {}): IDataObject {
		return {
			contact_id: 'contact-7',
			first_name: 'Grace',
			email: 'grace@example.com',
			location: { id: LOCATION_ID, name: 'Main Office' },
			workflow: { id: 'wf-1', name: 'New lead' },
			customData: { plan: 'gold' },
			...overrides,
		};
	}

	/** The workflow source with Shared Secret = SHARED_VALUE unless `overrides` says otherwise. */
	function workflow(options: IDataObject = {}, overrides: IDataObject = {}): FakeSetup {
		return {
			parameters: {
				authentication: 'privateIntegrationToken',
				source: 'workflow',
				location: 'credential',
				sharedSecret: SHARED_VALUE,
				options,
				...overrides,
			},
		};
	}

	it('accepts the shared secret in the x-webhook-secret header and emits WorkflowWebhook', async () => {
		const payload = workflowPayload();
		const { result, response } = await deliver(workflow(), {
			rawBody: rawOf(payload),
			headers: { 'x-webhook-secret': SHARED_VALUE },
		});
		const item = onlyItem(result);
		expect(item).toMatchObject(payload);
		expect(item.event).toBe('WorkflowWebhook');
		expect(response.statusCode).toBe(200);
	});

	it('refuses a wrong or missing secret with 401', async () => {
		const wrong = await deliver(workflow(), {
			rawBody: rawOf(workflowPayload()),
			headers: { 'x-webhook-secret': `${SHARED_VALUE}x` },
		});
		expectNoExecution(wrong.result);
		expect(wrong.response.statusCode).toBe(401);
		expect((wrong.response.body as IDataObject).error).toMatch(/does not match/);

		const missing = await deliver(workflow(), { rawBody: rawOf(workflowPayload()) });
		expectNoExecution(missing.result);
		expect(missing.response.statusCode).toBe(401);
		expect((missing.response.body as IDataObject).error).toMatch(/x-webhook-secret/);
	});

	it('accepts the secret as a Custom Data entry and removes it from the item', async () => {
		const payload = workflowPayload({
			customData: { plan: 'gold', 'x-webhook-secret': SHARED_VALUE },
		});
		const { result } = await deliver(workflow(), { rawBody: rawOf(payload) });
		const item = onlyItem(result);
		expect(item.customData).toEqual({ plan: 'gold' });
		expect(JSON.stringify(item)).not.toContain(SHARED_VALUE);

		const wrong = workflowPayload({ customData: { 'x-webhook-secret': 'nope' } });
		const refused = await deliver(workflow(), { rawBody: rawOf(wrong) });
		expect(refused.response.statusCode).toBe(401);
	});

	it('uses the Secret Header Name option', async () => {
		const { result } = await deliver(
			workflow({ headerName: 'X-My-Token' }),
			{
				rawBody: rawOf(workflowPayload()),
				headers: { 'x-my-token': SHARED_VALUE },
			},
		);
		expect(onlyItem(result).event).toBe('WorkflowWebhook');
	});

	it('refuses everything without a secret unless Skip Verification is on', async () => {
		const refused = await deliver(workflow({}, { sharedSecret: '' }), {
			rawBody: rawOf(workflowPayload()),
		});
		expectNoExecution(refused.result);
		expect(refused.response.statusCode).toBe(401);
		expect((refused.response.body as IDataObject).error).toMatch(/Shared Secret/);

		const skipped = await deliver(workflow({ skipVerification: true }, { sharedSecret: '' }), {
			rawBody: rawOf(workflowPayload()),
		});
		expect(onlyItem(skipped.result).event).toBe('WorkflowWebhook');
	});

	it('filters on location.id like the Marketplace source filters on locationId', async () => {
		const payload = workflowPayload({ location: { id: OTHER_LOCATION_ID } });
		const headers = { 'x-webhook-secret': SHARED_VALUE };
		const ignored = await deliver(workflow(), { rawBody: rawOf(payload), headers });
		expectNoExecution(ignored.result);
		expect(ignored.response.body).toMatchObject({ status: 'ignored' });

		const any = await deliver(workflow(undefined, { location: 'any' }), {
			rawBody: rawOf(payload),
			headers,
		});
		expect(onlyItem(any.result).event).toBe('WorkflowWebhook');
	});

	it('still reads a Shared Secret kept in Options by workflows saved with an earlier version', async () => {
		const legacy = workflow({ sharedSecret: SHARED_VALUE }, { sharedSecret: '' });
		const ok = await deliver(legacy, {
			rawBody: rawOf(workflowPayload()),
			headers: { 'x-webhook-secret': SHARED_VALUE },
		});
		expect(onlyItem(ok.result).event).toBe('WorkflowWebhook');
		const wrong = await deliver(legacy, {
			rawBody: rawOf(workflowPayload()),
			headers: { 'x-webhook-secret': 'nope' },
		});
		expect(wrong.response.statusCode).toBe(401);
		await expect(hooks.create.call(hookContext(legacy).ctx)).resolves.toBe(true);
	});

	it('works from the parsed body when n8n kept no raw body (nothing is signed)', async () => {
		const { result } = await deliver(workflow(), {
			parsedBody: workflowPayload(),
			headers: { 'x-webhook-secret': SHARED_VALUE },
		});
		expect(onlyItem(result).first_name).toBe('Grace');
	});
});

describe('webhook(): Include Full Record', () => {
	const contactRecord = { id: 'nmFmQEsNgz6AVpgLVUJ0', email: 'ada@example.com', customFields: [] };

	const api: FakeApi = (options) => {
		if (options.url === '/contacts/nmFmQEsNgz6AVpgLVUJ0' || options.url === '/contacts/contact-7') {
			return { body: { contact: contactRecord }, headers: {}, statusCode: 200 };
		}
		if (options.url === '/opportunities/opp-1') {
			return { body: { opportunity: { id: 'opp-1', name: 'Deal' } }, headers: {}, statusCode: 200 };
		}
		if (options.url === '/calendars/events/appointments/appt-1') {
			return { body: { event: { id: 'appt-1', title: 'Call' } }, headers: {}, statusCode: 200 };
		}
		throw Object.assign(new Error('Request failed with status code 404'), {
			response: {
				status: 404,
				headers: {},
				data: { statusCode: 404, message: 'Contact not found' },
			},
		});
	};

	function withRecord(overrides: IDataObject = {}): FakeSetup {
		return { ...marketplace(overrides, { includeFullRecord: true }), api };
	}

	it('fetches the contact through the transport and attaches it as record, after answering 200', async () => {
		const { result, calls, response } = await deliver(withRecord(), signed(contactCreate()));
		const item = onlyItem(result);
		expect(item.record).toEqual(contactRecord);
		expect(item.recordError).toBeUndefined();
		expect(response.statusCode).toBe(200);
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe(CREDENTIAL_TYPES.privateIntegrationToken);
		const options: IHttpRequestOptions = calls[0].options;
		expect(options).toMatchObject({
			method: 'GET',
			baseURL: BASE_URL,
			url: '/contacts/nmFmQEsNgz6AVpgLVUJ0',
		});
		expect(options.headers).toMatchObject({ Version: '2021-07-28' });
	});

	it('fetches opportunities and appointments (Version 2021-04-15) by their ids', async () => {
		const opp = await deliver(withRecord(), signed(stageUpdate()));
		expect(onlyItem(opp.result).record).toEqual({ id: 'opp-1', name: 'Deal' });
		expect(opp.calls[0].options.url).toBe('/opportunities/opp-1');

		const appointment = {
			type: 'AppointmentCreate',
			locationId: LOCATION_ID,
			appointment: { id: 'appt-1', calendarId: 'cal-1', contactId: 'contact-1' },
			timestamp: new Date().toISOString(),
			webhookId: randomUUID(),
		};
		const appt = await deliver(withRecord({ events: ['AppointmentCreate'] }), signed(appointment));
		expect(onlyItem(appt.result).record).toEqual({ id: 'appt-1', title: 'Call' });
		expect(appt.calls[0].options.headers).toMatchObject({ Version: '2021-04-15' });
	});

	it('still emits the event, with record null and recordError, when the fetch fails', async () => {
		const { result } = await deliver(withRecord(), signed(contactCreate({ id: 'gone' })));
		const item = onlyItem(result);
		expect(item.record).toBeNull();
		expect(item.recordError).toMatch(/Could not fetch the contact: Not found: Contact not found/);
	});

	it('fetches nothing for a delete event', async () => {
		const { result, calls } = await deliver(
			withRecord({ events: ['ContactDelete'] }),
			signed(contactCreate({ type: 'ContactDelete' })),
		);
		expect(onlyItem(result).record).toBeNull();
		expect(calls).toHaveLength(0);
	});

	it('fetches the contact of a workflow Webhook action by contact_id', async () => {
		const { result, calls } = await deliver(
			{
				parameters: {
					authentication: 'privateIntegrationToken',
					source: 'workflow',
					location: 'any',
					options: { skipVerification: true, includeFullRecord: true },
				},
				api,
			},
			{ rawBody: rawOf({ contact_id: 'contact-7', location: { id: LOCATION_ID } }) },
		);
		expect(onlyItem(result).record).toEqual(contactRecord);
		expect(calls[0].options.url).toBe('/contacts/contact-7');
	});
});

describe('webhookMethods', () => {
	function oauth(
		scope: string | undefined,
		parameters: IDataObject = {},
		api?: FakeApi,
	): FakeSetup {
		return {
			parameters: {
				authentication: 'oAuth2',
				source: 'marketplace',
				events: ['ContactCreate', 'OpportunityStageUpdate'],
				location: 'credential',
				options: {},
				...parameters,
			},
			credentials: credentialsFor({ scope }),
			staticData: {},
			api,
		};
	}

	it('create() fails naming the scopes an OAuth2 token lacks, and stores nothing', async () => {
		const setup = oauth('contacts.readonly contacts.write');
		const { ctx, calls, staticData } = hookContext(setup);
		const error = await hooks.create.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/lacks the scope opportunities\.readonly/);
		expect((error as Error).message).not.toMatch(/contacts\.readonly/);
		expect(calls).toHaveLength(0);
		expect(staticData).toEqual({});
	});

	it('create() succeeds when the scopes are granted: one probe request, subscription stored', async () => {
		const setup = oauth('contacts.readonly opportunities.readonly');
		const { ctx, calls, staticData } = hookContext(setup);
		await expect(hooks.create.call(ctx)).resolves.toBe(true);
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe(CREDENTIAL_TYPES.oAuth2);
		expect(calls[0].options).toMatchObject({
			method: 'POST',
			url: '/contacts/search',
			body: { locationId: LOCATION_ID, pageLimit: 1 },
		});
		expect(staticData[STATE_KEYS.subscription]).toEqual({
			webhookUrl: WEBHOOK_URL,
			events: ['ContactCreate', 'OpportunityStageUpdate'],
			location: 'credential',
			locationId: LOCATION_ID,
			source: 'marketplace',
			createdAt: expect.any(String),
		});
	});

	it('create() probes the pipelines for an opportunities-only token', async () => {
		const setup = oauth('opportunities.readonly', { events: ['OpportunityStageUpdate'] });
		const { ctx, calls } = hookContext(setup);
		await hooks.create.call(ctx);
		expect(calls[0].options).toMatchObject({ method: 'GET', url: '/opportunities/pipelines' });
	});

	it('create() also requires the read scopes of Include Full Record', async () => {
		const { ctx } = hookContext(
			oauth('contacts.readonly', { events: ['*'], options: { includeFullRecord: true } }),
		);
		await expect(hooks.create.call(ctx)).rejects.toThrow(
			/calendars\/events\.readonly, opportunities\.readonly needed for the selected Events and Include Full Record/,
		);
	});

	it('create() skips the scope check for a Private Integration Token (its scopes cannot be read)', async () => {
		const { ctx, calls } = hookContext({ ...marketplace(), staticData: {} });
		await expect(hooks.create.call(ctx)).resolves.toBe(true);
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe(CREDENTIAL_TYPES.privateIntegrationToken);
	});

	it('create() fails when the credential is rejected by HighLevel', async () => {
		const reject: FakeApi = () => {
			throw Object.assign(new Error('Request failed with status code 401'), {
				response: { status: 401, headers: {}, data: { statusCode: 401, message: 'Invalid JWT' } },
			});
		};
		const { ctx } = hookContext({ ...marketplace(), staticData: {}, api: reject });
		const error = await hooks.create.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('HighLevel rejected the credential');
	});

	it('create() names the parameter to fix for unusable settings', async () => {
		const noEvents = hookContext({ ...marketplace({ events: [] }), staticData: {} });
		await expect(hooks.create.call(noEvents.ctx)).rejects.toThrow(
			/Choose at least one event in Events/,
		);

		const badKey = hookContext({
			...marketplace({}, { additionalEd25519PublicKey: TEST_RSA_PUBLIC_KEY }),
			staticData: {},
		});
		await expect(hooks.create.call(badKey.ctx)).rejects.toThrow(
			/Options → Additional Ed25519 Public Key is not usable/,
		);

		const workflowParameters = {
			authentication: 'privateIntegrationToken',
			source: 'workflow',
			location: 'any',
		};
		const noSecret = hookContext({
			parameters: { ...workflowParameters, options: {} },
			staticData: {},
		});
		await expect(hooks.create.call(noSecret.ctx)).rejects.toThrow(/Set Shared Secret/);

		const skip = hookContext({
			parameters: { ...workflowParameters, options: { skipVerification: true } },
			staticData: {},
		});
		await expect(hooks.create.call(skip.ctx)).resolves.toBe(true);
	});

	it('create() with an agency credential needs a chosen Location for "The Credential\'s Location" but not for Any Location', async () => {
		const agency = (location: string): FakeSetup => ({
			...oauth('contacts.readonly opportunities.readonly', { location }),
			credentials: {
				[CREDENTIAL_TYPES.oAuth2]: {
					baseUrl: BASE_URL,
					oauthTokenData: {
						access_token: 'agency',
						userType: 'Company',
						companyId: 'co1',
						scope: 'contacts.readonly opportunities.readonly',
					},
				},
			},
		});
		const own = hookContext(agency('credential'));
		await expect(hooks.create.call(own.ctx)).rejects.toThrow(/Choose a Location: the credential is an agency/);
		expect(own.calls).toHaveLength(0);

		const any = hookContext(agency('any'));
		await expect(hooks.create.call(any.ctx)).resolves.toBe(true);
		expect(any.calls).toHaveLength(0);
		expect(any.staticData[STATE_KEYS.subscription]).toMatchObject({ location: 'any' });
	});

	it('checkExists() / create() / delete() round trip on static data', async () => {
		const staticData: IDataObject = {};
		const setup = (parameters: IDataObject = {}): FakeSetup => ({
			...marketplace(parameters),
			staticData,
		});

		expect(await hooks.checkExists.call(hookContext(setup()).ctx)).toBe(false);
		await hooks.create.call(hookContext(setup()).ctx);
		expect(await hooks.checkExists.call(hookContext(setup()).ctx)).toBe(true);
		// Same events in another order still match; other events, location or source do not.
		expect(
			await hooks.checkExists.call(
				hookContext(setup({ events: ['OpportunityStageUpdate', 'ContactCreate'] })).ctx,
			),
		).toBe(true);
		expect(
			await hooks.checkExists.call(hookContext(setup({ events: ['ContactCreate'] })).ctx),
		).toBe(false);
		expect(await hooks.checkExists.call(hookContext(setup({ location: 'any' })).ctx)).toBe(false);
		expect(
			await hooks.checkExists.call(
				hookContext({ ...setup(), credentials: credentialsFor({ locationId: OTHER_LOCATION_ID }) })
					.ctx,
			),
		).toBe(false);

		// A delivery fills the webhookId memory; delete() clears it with the subscription.
		await deliver(setup(), signed(contactCreate()));
		expect(staticData[STATE_KEYS.webhookIds]).toBeDefined();
		await expect(hooks.delete.call(hookContext(setup()).ctx)).resolves.toBe(true);
		expect(staticData).toEqual({});
		expect(await hooks.checkExists.call(hookContext(setup()).ctx)).toBe(false);
	});
});
