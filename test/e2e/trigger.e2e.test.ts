/**
 * The GoHighLevel Trigger inside a real n8n, fed by the HighLevel sandbox's webhook events: the packed package is
 * installed into a fresh n8n, a workflow (GoHighLevel Trigger for ContactCreate + OpportunityStageUpdate → No
 * Operation) is activated through the public API (which runs the node's `create()` against the sandbox), the
 * sandbox's app webhook URL is pointed at the node's Production URL, and changes made through the sandbox API must
 * start exactly the expected executions. Forged, replayed and duplicate deliveries must start none; deactivation
 * must run the node's `delete()` (static data cleared, the URL gone).
 *
 * The sandbox signs with the repository's TEST key pair, so the node gets the TEST public key as Options →
 * Additional Ed25519 Public Key. Build first (`npm run build`); `npm run test:e2e` does.
 */
import { generateKeyPairSync } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { TEST_ED25519_PUBLIC_KEY } from '../GoHighLevelTrigger/fixtures/keys';
import { startSandbox, type Sandbox, type WebhookDelivery } from '../sandbox';
import { callOk } from '../sandbox/testClient';
import { sandboxPitCredential } from './demo';
import {
	cleanupAll,
	N8nInstance,
	nodeOutput,
	packPackage,
	triggerThenNoOp,
	type ExecutionJson,
	type WorkflowJson,
} from './n8n';

const WORKFLOW_ID = 'ghlTriggerE2e001';
const CREDENTIAL = { id: 'ghlTriggerCred01', name: 'HighLevel Sandbox (trigger)' };
const WEBHOOK_ID = '3f2c9a4e-6b1d-4e8f-9a2b-7c5d0e1f2a3b';
const TRIGGER = 'GoHighLevel Trigger';
const EVENTS = ['ContactCreate', 'OpportunityStageUpdate'];

/** The workflow under test: the trigger (Marketplace source, TEST public key accepted) → No Operation. */
function triggerWorkflow(): WorkflowJson {
	return triggerThenNoOp({
		id: WORKFLOW_ID,
		name: 'E2E: GoHighLevel Trigger',
		trigger: {
			id: '6a0b1c2d-0000-4000-8000-000000000001',
			name: TRIGGER,
			type: 'n8n-nodes-gohighlevel.goHighLevelTrigger',
			webhookId: WEBHOOK_ID,
			parameters: {
				authentication: 'privateIntegrationToken',
				source: 'marketplace',
				events: EVENTS,
				location: 'credential',
				options: { additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY },
			},
			credentials: { goHighLevelPrivateIntegrationTokenApi: CREDENTIAL },
		},
		noOpId: '6a0b1c2d-0000-4000-8000-000000000002',
	});
}

describe('GoHighLevel Trigger in a real n8n, fed by the sandbox', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let productionUrl: string;
	const logged = (fn: () => Promise<void>) => () => n8n.withLogsOnFailure(fn);

	/** Calls the sandbox's HighLevel API with its Private Integration Token. */
	const highLevel = async (method: string, path: string, body?: unknown) =>
		(await callOk(sandbox, method, path, body)) as IDataObject;

	/** The workflow's finished executions, oldest first. */
	async function executions(): Promise<ExecutionJson[]> {
		const list = await n8n.listExecutions({ workflowId: WORKFLOW_ID });
		return list.filter((e) => !['new', 'running', 'waiting'].includes(e.status)).reverse();
	}

	/** The trigger's single output item of an execution. */
	function triggerItem(execution: ExecutionJson): IDataObject {
		const items = nodeOutput(execution, TRIGGER);
		expect(items).toHaveLength(1);
		return items[0];
	}

	/** The deliveries recorded since `from` (a `seq`), after the emitter went idle. */
	async function deliveriesSince(from: number): Promise<WebhookDelivery[]> {
		await sandbox.webhooks.idle();
		return sandbox.webhooks.deliveries.filter((d) => d.seq > from);
	}

	const lastSeq = () => sandbox.webhooks.deliveries.at(-1)?.seq ?? 0;

	beforeAll(async () => {
		sandbox = await startSandbox({ webhooks: { retryDelayMs: 50 } });
		n8n = await N8nInstance.create();
		await n8n.installPackage(await packPackage());
		await n8n.importCredential(sandboxPitCredential(sandbox, CREDENTIAL));
		await n8n.importWorkflow(triggerWorkflow());
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
		productionUrl = `${n8n.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
	});

	afterAll(async () => {
		await sandbox?.close();
		await n8n?.dispose();
		cleanupAll();
	});

	test(
		'activation runs create() against the sandbox and records the subscription',
		logged(async () => {
			sandbox.stats.reset();
			await n8n.api('POST', `/workflows/${WORKFLOW_ID}/activate`);
			// create() proves the credential with one contact search (activation.ts probeRequest).
			expect(sandbox.stats.byOperation['search-contacts-advanced']).toBe(1);
			const workflow = await n8n.api<WorkflowJson & { staticData?: IDataObject }>(
				'GET',
				`/workflows/${WORKFLOW_ID}`,
			);
			expect(workflow.active).toBe(true);
			const state = workflow.staticData?.[`node:${TRIGGER}`] as IDataObject | undefined;
			expect(state?.subscription).toMatchObject({
				webhookUrl: productionUrl,
				events: [...EVENTS].sort(),
				location: 'credential',
				locationId: sandbox.locationId,
				source: 'marketplace',
			});
			sandbox.setWebhookUrl(productionUrl);
		}),
	);

	test(
		'a contact created through the API starts one ContactCreate execution',
		logged(async () => {
			const from = lastSeq();
			const created = await highLevel('POST', '/contacts/', {
				locationId: sandbox.locationId,
				firstName: 'Grace',
				lastName: 'Hopper',
				email: 'grace.hopper@example.com',
			});
			const contactId = (created.contact as IDataObject).id as string;
			const deliveries = await deliveriesSince(from);
			expect(deliveries.map((d) => [d.type, d.status, d.responseJson])).toEqual([
				['ContactCreate', 200, { status: 'received', event: 'ContactCreate' }],
			]);

			await n8n.waitForExecution(WORKFLOW_ID, { count: 1 });
			const list = await executions();
			expect(list).toHaveLength(1);
			expect(list[0]).toMatchObject({ mode: 'webhook', status: 'success' });
			const item = triggerItem(list[0]);
			expect(item).toMatchObject({
				event: 'ContactCreate',
				type: 'ContactCreate',
				id: contactId,
				locationId: sandbox.locationId,
				email: 'grace.hopper@example.com',
				webhookId: deliveries[0].webhookId,
			});
			expect(new Date(item.receivedAt as string).toISOString()).toBe(item.receivedAt);
			expect(nodeOutput(list[0], 'No Operation')).toEqual([item]);
		}),
	);

	test(
		'a stage change starts one OpportunityStageUpdate execution; its OpportunityUpdate twin is ignored',
		logged(async () => {
			const opportunity = [...sandbox.store.location().opportunities.values()][0];
			const pipeline = sandbox.store
				.location()
				.pipelines.find((p) => p.id === opportunity.pipelineId)!;
			const stage = pipeline.stages.find((s) => s.id !== opportunity.pipelineStageId)!;
			const from = lastSeq();
			await highLevel('PUT', `/opportunities/${opportunity.id}`, { pipelineStageId: stage.id });
			const deliveries = await deliveriesSince(from);
			expect(deliveries.map((d) => [d.type, d.status, d.responseJson])).toEqual([
				['OpportunityStageUpdate', 200, { status: 'received', event: 'OpportunityStageUpdate' }],
				[
					'OpportunityUpdate',
					200,
					{ status: 'ignored', reason: 'Event OpportunityUpdate is not selected in Events.' },
				],
			]);

			await n8n.waitForExecution(WORKFLOW_ID, { count: 2 });
			const list = await executions();
			expect(list).toHaveLength(2);
			expect(triggerItem(list[1])).toMatchObject({
				event: 'OpportunityStageUpdate',
				id: opportunity.id,
				pipelineId: pipeline.id,
				pipelineStageId: stage.id,
				contactId: opportunity.contactId,
				webhookId: deliveries[0].webhookId,
			});
		}),
	);

	test(
		'forged, replayed and duplicate deliveries start no execution',
		logged(async () => {
			const contact = [...sandbox.store.location().contacts.values()][0];
			const event = { type: 'ContactCreate', locationId: sandbox.locationId, id: contact.id };
			const foreign = generateKeyPairSync('ed25519').privateKey.export({
				type: 'pkcs8',
				format: 'pem',
			}) as string;

			const forged = await sandbox.deliver(event, { sign: { ed25519PrivateKey: foreign } });
			expect(forged.status).toBe(401);
			expect(forged.responseJson).toEqual({
				error: expect.stringContaining('The signature does not match the body'),
			});

			const tampered = await sandbox.deliver(event, { tamper: true });
			expect(tampered.status).toBe(401);

			const replayed = await sandbox.deliver({
				...event,
				timestamp: new Date(Date.now() - 10 * 60_000).toISOString(),
			});
			expect(replayed.status).toBe(401);
			expect(replayed.responseJson).toEqual({
				error: expect.stringContaining('more than 5 minutes old'),
			});

			const original = sandbox.webhooks.deliveries.find((d) => d.type === 'ContactCreate')!;
			const duplicate = await sandbox.deliver(original.body, {});
			expect(duplicate.status).toBe(200);
			expect(duplicate.responseJson).toEqual({
				status: 'duplicate',
				webhookId: original.webhookId,
			});

			// A valid event sent after them is the next execution: none of the refused ones started one.
			const sentinel = await sandbox.deliver(event);
			expect(sentinel.responseJson).toEqual({ status: 'received', event: 'ContactCreate' });
			await n8n.waitForExecution(WORKFLOW_ID, { count: 3 });
			const list = await executions();
			expect(list).toHaveLength(3);
			expect(triggerItem(list[2])).toMatchObject({
				event: 'ContactCreate',
				id: contact.id,
				webhookId: sentinel.webhookId,
			});
		}),
	);

	test(
		'deactivation runs delete(): static data cleared, the URL answers 404, no more executions',
		logged(async () => {
			await n8n.api('POST', `/workflows/${WORKFLOW_ID}/deactivate`);
			const workflow = await n8n.api<WorkflowJson & { staticData?: IDataObject }>(
				'GET',
				`/workflows/${WORKFLOW_ID}`,
			);
			expect(workflow.active).toBe(false);
			const state = (workflow.staticData?.[`node:${TRIGGER}`] ?? {}) as IDataObject;
			expect(state.subscription).toBeUndefined();
			expect(state.webhookIds).toBeUndefined();

			const from = lastSeq();
			await highLevel('POST', '/contacts/', {
				locationId: sandbox.locationId,
				firstName: 'Late',
				email: 'late.arrival@example.com',
			});
			const deliveries = await deliveriesSince(from);
			expect(deliveries.map((d) => [d.type, d.status, d.outcome])).toEqual([
				['ContactCreate', 404, 'failed'],
			]);
			expect(await executions()).toHaveLength(3);
		}),
	);
});
