/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Checks the e2e harness itself against the real, pinned n8n host, without this package: a workflow made only
 * of n8n-nodes-base nodes (fixtures/smoke.workflow.json: Manual Trigger → Set → NoOp) is imported and executed
 * with the CLI, then read back through the server's public API; webhook variants are published with the CLI
 * (activated when the server starts) or created and activated through the public API, and triggered over HTTP.
 * Prints the server start-up time and the time per CLI execution.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import {
	cleanupAll,
	log,
	N8nInstance,
	nodeOutput,
	randomId,
	type ExecutionJson,
	type WorkflowJson,
} from './n8n';

const SMOKE_FILE = path.join(__dirname, 'fixtures', 'smoke.workflow.json');
const smoke = JSON.parse(fs.readFileSync(SMOKE_FILE, 'utf8')) as WorkflowJson & { id: string };
const EXPECTED_ITEM = { greeting: 'hello from n8n', answer: 42 };

/** The smoke workflow with its last node replaced by a Stop and Error node. */
function failingVariant(): WorkflowJson {
	return {
		...smoke,
		id: randomId(),
		name: 'E2E smoke: failing',
		nodes: smoke.nodes.map((node) =>
			node.name === 'No Operation'
				? {
						...node,
						type: 'n8n-nodes-base.stopAndError',
						typeVersion: 1,
						parameters: { errorMessage: 'deliberate smoke failure' },
					}
				: node,
		),
	};
}

/** The smoke workflow with a Webhook trigger (answering with the last node's first item) instead of the manual one. */
function webhookVariant(webhookPath: string): WorkflowJson {
	const trigger = smoke.nodes[0];
	return {
		name: 'E2E smoke: webhook',
		nodes: [
			{
				id: trigger.id,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: trigger.position,
				webhookId: webhookPath,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					options: {},
				},
			},
			...smoke.nodes.slice(1),
		],
		connections: {
			Webhook: smoke.connections[trigger.name],
			...Object.fromEntries(
				Object.entries(smoke.connections).filter(([name]) => name !== trigger.name),
			),
		},
		settings: { executionOrder: 'v1' },
	};
}

function portOpen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

describe('e2e harness on the pinned n8n host', () => {
	let n8n: N8nInstance;
	let publishedId: string;
	const cliTimes: number[] = [];
	const logged = (fn: () => Promise<void>) => () => n8n.withLogsOnFailure(fn);

	beforeAll(async () => {
		n8n = await N8nInstance.create();
	});

	afterAll(async () => {
		await n8n?.dispose();
		cleanupAll();
		if (cliTimes.length > 0) log(`CLI execute times (ms): ${cliTimes.join(', ')}`);
		if (n8n?.startupMs !== undefined) log(`server start-up (ms): ${n8n.startupMs}`);
	});

	test(
		'imports the smoke workflow keeping its id and executes it with the CLI',
		logged(async () => {
			const id = await n8n.importWorkflow(SMOKE_FILE);
			expect(id).toBe(smoke.id);

			for (let run = 0; run < 2; run++) {
				const result = await n8n.execute(id);
				cliTimes.push(result.durationMs);
				expect(result.exitCode).toBe(0);
				expect(result.status).toBe('success');
				expect(result.execution.mode).toBe('cli');
				expect(result.execution.data?.resultData.lastNodeExecuted).toBe('No Operation');
				expect(nodeOutput(result.execution, 'Set Fields')).toEqual([EXPECTED_ITEM]);
				expect(nodeOutput(result.execution, 'No Operation')).toEqual([EXPECTED_ITEM]);
			}
		}),
	);

	test(
		'reports a failed execution as exit code 1 with the node error',
		logged(async () => {
			const id = await n8n.importWorkflow(failingVariant());

			const result = await n8n.execute(id, { allowFailure: true });
			cliTimes.push(result.durationMs);
			expect(result.exitCode).toBe(1);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('deliberate smoke failure');
			expect(result.error?.node?.name).toBe('No Operation');
			expect(nodeOutput(result.execution, 'Set Fields')).toEqual([EXPECTED_ITEM]);

			await expect(n8n.execute(id)).rejects.toThrow(/deliberate smoke failure/);
		}),
	);

	test(
		'rejects executing an unknown workflow id',
		logged(async () => {
			await expect(n8n.execute('noSuchWorkflow0001')).rejects.toThrow(/does not exist/);
		}),
	);

	test(
		'starts the server, which activates a webhook workflow published with the CLI',
		logged(async () => {
			const webhookPath = `published-${randomId().toLowerCase()}`;
			publishedId = await n8n.importWorkflow({ ...webhookVariant(webhookPath), id: randomId() });
			await n8n.publishWorkflow(publishedId);

			await n8n.start();
			expect(n8n.running).toBe(true);
			const response = await n8n.fetch(`webhook/${webhookPath}`, { method: 'POST' });
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual(EXPECTED_ITEM);
		}),
	);

	test(
		'reads workflows and CLI executions with data through the public API',
		logged(async () => {
			await n8n.setupOwnerAndApiKey();
			const published = await n8n.api<WorkflowJson>('GET', `/workflows/${publishedId}`);
			expect(published.active).toBe(true);

			const workflow = await n8n.api<WorkflowJson>('GET', `/workflows/${smoke.id}`);
			expect(workflow.name).toBe(smoke.name);
			expect(workflow.nodes.map((node) => node.type)).toEqual(smoke.nodes.map((node) => node.type));

			// The CLI runs next to the server (its own task-broker port) and writes to the same database.
			const before = await n8n.listExecutions({ workflowId: smoke.id, includeData: false });
			const result = await n8n.execute(smoke.id);
			cliTimes.push(result.durationMs);
			const after = await n8n.listExecutions({ workflowId: smoke.id });
			expect(after).toHaveLength(before.length + 1);
			const newest = after[0];
			expect(newest.workflowId).toBe(smoke.id);
			expect(newest.mode).toBe('cli');
			expect(newest.status).toBe('success');
			expect(nodeOutput(newest, 'No Operation')).toEqual([EXPECTED_ITEM]);

			await expect(n8n.api('GET', '/workflows/noSuchWorkflow0001')).rejects.toMatchObject({
				status: 404,
			});
		}),
	);

	test(
		'creates, activates and triggers a webhook workflow through the public API',
		logged(async () => {
			const webhookPath = `smoke-${randomId().toLowerCase()}`;
			const created = await n8n.api<{ id: string }>(
				'POST',
				'/workflows',
				webhookVariant(webhookPath),
			);
			await n8n.api('POST', `/workflows/${created.id}/activate`);

			const response = await n8n.fetch(`webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ping: true }),
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual(EXPECTED_ITEM);

			const execution: ExecutionJson = await n8n.waitForExecution(created.id);
			expect(execution.mode).toBe('webhook');
			expect(execution.status).toBe('success');
			expect(nodeOutput(execution, 'Webhook')[0]).toMatchObject({ body: { ping: true } });
			expect(nodeOutput(execution, 'No Operation')).toEqual([EXPECTED_ITEM]);

			await n8n.api('POST', `/workflows/${created.id}/deactivate`);
			const gone = await n8n.fetch(`webhook/${webhookPath}`, { method: 'POST' });
			expect(gone.status).toBe(404);
		}),
	);

	test(
		'stops the server and frees its port',
		logged(async () => {
			await n8n.stop();
			expect(n8n.running).toBe(false);
			expect(await portOpen(n8n.port)).toBe(false);
		}),
	);
});
