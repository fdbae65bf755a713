/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * The event-router example (`fixtures/event-router/`) in a real n8n: one Marketplace app has one webhook URL
 * (FACTS.md 5.3), so one workflow receives every event and hands each to its own sub-workflow. The packed package
 * is installed into a fresh n8n, the two handler workflows and the router (GoHighLevel Trigger on ContactCreate +
 * OpportunityStageUpdate → Switch on `event` → Execute Workflow per handler) are imported exactly as shipped —
 * only the sandbox's TEST public key is added to the trigger — the handlers are published and the router is
 * activated through the public API, and the sandbox's app webhook is pointed at the router's Production URL.
 * A contact created and an opportunity moved through the sandbox API must each start one execution of the right
 * handler, with the event's data, and none of the other.
 *
 * Build first (`npm run build`); `npm run test:e2e` does.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { IDataObject } from 'n8n-workflow';

import { TEST_ED25519_PUBLIC_KEY } from '../GoHighLevelTrigger/fixtures/keys';
import { startSandbox, type Sandbox } from '../sandbox';
import { callOk } from '../sandbox/testClient';
import { sandboxPitCredential } from './demo';
import {
	cleanupAll,
	N8nInstance,
	nodeOutput,
	packPackage,
	type ExecutionJson,
	type WorkflowJson,
} from './n8n';

/** The shipped example: README "Events for more than one workflow". */
export const ROUTER_FIXTURES = path.join(__dirname, 'fixtures', 'event-router');

const load = (file: string): WorkflowJson =>
	JSON.parse(fs.readFileSync(path.join(ROUTER_FIXTURES, file), 'utf8')) as WorkflowJson;

const TRIGGER = 'GoHighLevel Trigger';
const SWITCH = 'Route by Event';

describe('the event-router example in a real n8n, fed by the sandbox', () => {
	const router = load('router.workflow.json');
	const onContact = load('contact-created.workflow.json');
	const onStage = load('opportunity-stage-changed.workflow.json');
	const trigger = router.nodes.find((node) => node.name === TRIGGER)!;
	const credential = (trigger.credentials as Record<string, { id: string; name: string }>)
		.goHighLevelPrivateIntegrationTokenApi;
	/** Execute Workflow node name → the handler workflow it calls. */
	const calls = Object.fromEntries(
		router.nodes
			.filter((node) => node.type === 'n8n-nodes-base.executeWorkflow')
			.map((node) => [
				node.name,
				((node.parameters as IDataObject).workflowId as IDataObject).value,
			]),
	);

	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let productionUrl: string;
	const logged = (fn: () => Promise<void>) => () => n8n.withLogsOnFailure(fn);

	/** Calls the sandbox's HighLevel API with its Private Integration Token. */
	const highLevel = async (method: string, urlPath: string, body?: unknown) =>
		(await callOk(sandbox, method, urlPath, body)) as IDataObject;

	/** A workflow's finished executions, oldest first. */
	async function executions(workflowId: string): Promise<ExecutionJson[]> {
		const list = await n8n.listExecutions({ workflowId });
		return list.filter((e) => !['new', 'running', 'waiting'].includes(e.status)).reverse();
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ webhooks: { retryDelayMs: 50 } });
		n8n = await N8nInstance.create();
		await n8n.installPackage(await packPackage());
		await n8n.importCredential(sandboxPitCredential(sandbox, credential));
		// As shipped, plus the key the sandbox signs with (HighLevel's own keys are built into the node).
		const routerUnderTest = structuredClone(router);
		const node = routerUnderTest.nodes.find((n) => n.name === TRIGGER)!;
		(node.parameters as IDataObject).options = {
			...((node.parameters as IDataObject).options as IDataObject),
			additionalEd25519PublicKey: TEST_ED25519_PUBLIC_KEY,
		};
		await n8n.importWorkflow(onContact);
		await n8n.importWorkflow(onStage);
		await n8n.importWorkflow(routerUnderTest);
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
		productionUrl = `${n8n.baseUrl}/webhook/${String(trigger.webhookId)}/webhook`;
	});

	afterAll(async () => {
		await sandbox?.close();
		await n8n?.dispose();
		cleanupAll();
	});

	test('the router calls each handler workflow by id; each handler starts with an Execute Workflow Trigger', () => {
		expect(Object.values(calls).sort()).toEqual([onContact.id, onStage.id].sort());
		for (const handler of [onContact, onStage]) {
			expect(handler.nodes.map((node) => node.type)).toContain(
				'n8n-nodes-base.executeWorkflowTrigger',
			);
		}
		// The shipped example trusts only HighLevel's own keys.
		expect(JSON.stringify(router)).not.toContain('PUBLIC KEY');
	});

	test(
		'handlers publish and the router activates against the sandbox',
		logged(async () => {
			// n8n 2.x runs the published version of a sub-workflow called from a production execution.
			await n8n.api('POST', `/workflows/${onContact.id}/activate`);
			await n8n.api('POST', `/workflows/${onStage.id}/activate`);
			await n8n.api('POST', `/workflows/${router.id}/activate`);
			const active = await n8n.api<WorkflowJson>('GET', `/workflows/${router.id}`);
			expect(active.active).toBe(true);
			sandbox.setWebhookUrl(productionUrl);
		}),
	);

	test(
		'a new contact reaches "on contact created" only, with the event data',
		logged(async () => {
			const created = await highLevel('POST', '/contacts/', {
				locationId: sandbox.locationId,
				firstName: 'Mary',
				lastName: 'Jackson',
				email: 'mary.jackson@example.com',
			});
			const contactId = (created.contact as IDataObject).id as string;
			await sandbox.webhooks.idle();
			expect(sandbox.webhooks.deliveries.map((d) => [d.type, d.status])).toEqual([
				['ContactCreate', 200],
			]);

			await n8n.waitForExecution(onContact.id!, { count: 1 });
			await n8n.waitForExecution(router.id!, { count: 1 });
			const [handled] = await executions(onContact.id!);
			expect(handled.status).toBe('success');
			expect(nodeOutput(handled, 'From Event Router')).toEqual([
				expect.objectContaining({ event: 'ContactCreate', id: contactId }),
			]);
			expect(nodeOutput(handled, 'New Contact')).toEqual([
				{
					handledBy: 'on contact created',
					contactId,
					locationId: sandbox.locationId,
					email: 'mary.jackson@example.com',
					name: 'Mary Jackson',
				},
			]);
			expect(await executions(onStage.id!)).toHaveLength(0);

			const [routed] = await executions(router.id!);
			expect(routed.status).toBe('success');
			expect(nodeOutput(routed, SWITCH, { outputIndex: 0 })).toHaveLength(1);
			expect(nodeOutput(routed, SWITCH, { outputIndex: 1 })).toHaveLength(0);
		}),
	);

	test(
		'a stage change reaches "on opportunity stage changed" only, with the event data',
		logged(async () => {
			const opportunity = [...sandbox.store.location().opportunities.values()][0];
			const pipeline = sandbox.store
				.location()
				.pipelines.find((p) => p.id === opportunity.pipelineId)!;
			const stage = pipeline.stages.find((s) => s.id !== opportunity.pipelineStageId)!;
			const from = sandbox.webhooks.deliveries.at(-1)?.seq ?? 0;
			await highLevel('PUT', `/opportunities/${opportunity.id}`, { pipelineStageId: stage.id });
			await sandbox.webhooks.idle();
			// HighLevel also sends OpportunityUpdate for a stage change; the router does not subscribe to it.
			expect(
				sandbox.webhooks.deliveries
					.filter((d) => d.seq > from)
					.map((d) => [d.type, d.status, (d.responseJson as IDataObject)?.status]),
			).toEqual([
				['OpportunityStageUpdate', 200, 'received'],
				['OpportunityUpdate', 200, 'ignored'],
			]);

			await n8n.waitForExecution(onStage.id!, { count: 1 });
			await n8n.waitForExecution(router.id!, { count: 2 });
			const [handled] = await executions(onStage.id!);
			expect(handled.status).toBe('success');
			expect(nodeOutput(handled, 'From Event Router')).toEqual([
				expect.objectContaining({ event: 'OpportunityStageUpdate', id: opportunity.id }),
			]);
			expect(nodeOutput(handled, 'Stage Changed')).toEqual([
				{
					handledBy: 'on opportunity stage changed',
					opportunityId: opportunity.id,
					pipelineId: pipeline.id,
					pipelineStageId: stage.id,
					contactId: opportunity.contactId,
				},
			]);
			// Still exactly one contact execution: the stage change did not reach it.
			expect(await executions(onContact.id!)).toHaveLength(1);

			const routed = await executions(router.id!);
			expect(routed).toHaveLength(2);
			expect(nodeOutput(routed[1], SWITCH, { outputIndex: 0 })).toHaveLength(0);
			expect(nodeOutput(routed[1], SWITCH, { outputIndex: 1 })).toHaveLength(1);
		}),
	);
});
