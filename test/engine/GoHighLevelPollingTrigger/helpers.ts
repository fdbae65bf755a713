/**
 * Drives the GoHighLevel Polling Trigger the way an activated n8n workflow does: n8n-core 2.8.1's real
 * `PollContext` in `trigger` mode (what `ActiveWorkflows.activatePolling` builds through `getPollFunctions`),
 * over one `Workflow` object whose static data lives across polls, with real HTTP to the sandbox.
 * The engine harness (`runWorkflow`) runs `WorkflowExecute` in `manual` mode, where n8n-core calls `poll()` with a
 * manual PollContext; that path is used for the manual test run.
 */
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createCredentialStore, HarnessCredentialsHelper, HarnessCredentialTypes, type CredentialStore } from '../harness';
import { prepareContainer } from '../harness/container';
import { HarnessNodeTypes } from '../harness/node-types';
import type { Sandbox } from '../../sandbox';
import { lateBound } from '../../support/lateBound';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import {
	freshSandbox,
	PIT_CREDENTIAL,
	pitCredential,
	startRecordingProxy,
	type RecordingProxy,
} from '../GoHighLevel/helpers';

/** Node type of the polling trigger, as n8n names it when the package is installed. */
export const POLLING_TYPE = 'n8n-nodes-gohighlevel.goHighLevelPollingTrigger';
export const NODE_NAME = 'HighLevel Poll';

/** The trigger node with the sandbox PIT credential, or the given credential references (e.g. an OAuth2 one). */
export function pollingNode(
	parameters: INodeParameters,
	credentials: INodeCredentials = { goHighLevelPrivateIntegrationTokenApi: PIT_CREDENTIAL },
): INode {
	return {
		id: 'p1',
		name: NODE_NAME,
		type: POLLING_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials,
	};
}

/** An activated workflow holding only the trigger: `poll()` runs one scheduled poll. */
export interface ActiveTrigger {
	workflow: Workflow;
	/** One poll in `trigger` mode: the items of main output 0 (`[]` when the node returned null). */
	poll(): Promise<IDataObject[]>;
	/** The node's static data (`getWorkflowStaticData('node')`). */
	staticData(): IDataObject;
}

/** Builds the activated workflow. Static data starts empty (a first activation). */
export function activeTrigger(
	parameters: INodeParameters,
	credentials: CredentialStore,
	nodeCredentials?: INodeCredentials,
): ActiveTrigger {
	prepareContainer();
	const node = pollingNode(parameters, nodeCredentials);
	const nodeTypes = new HarnessNodeTypes({ startItems: [{ json: {} }] });
	const workflow = new Workflow({
		id: 'polling-workflow',
		name: 'Polling workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? '',
		active: true,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	const additionalData = {
		credentialsHelper: new HarnessCredentialsHelper(credentials, new HarnessCredentialTypes()),
		hooks: new ExecutionLifecycleHooks('trigger', 'poll-execution', workflowData),
		executionId: 'poll-execution',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
	} as unknown as IWorkflowExecuteAdditionalData;
	const nodeType = nodeTypes.getByNameAndVersion(POLLING_TYPE, 1);
	const wfNode = workflow.getNode(NODE_NAME);
	if (!wfNode || !nodeType.poll) throw new Error('The polling trigger is not loaded');
	const poll = nodeType.poll;
	// Like ActiveWorkflows.activatePolling: one PollContext for the activation, reused by every scheduled poll.
	const context = new PollContext(workflow, wfNode, additionalData, 'trigger', 'activate');
	return {
		workflow,
		async poll() {
			const result = await poll.call(context);
			return (result?.[0] ?? []).map((item) => item.json);
		},
		staticData() {
			return (workflow.staticData[`node:${NODE_NAME}`] ?? {}) as IDataObject;
		},
	};
}

/** What {@link usePollingSandbox} gives a test block. */
export interface PollingSandbox {
	sandbox: Sandbox;
	/** Records every request the trigger sends (the credential points at it). */
	proxy: RecordingProxy;
	/** A fresh store before each test, holding the sandbox PIT credential with the proxy as base URL. */
	credentials: CredentialStore;
}

/**
 * Registers the hooks of a polling test block: a sandbox (rate limit off) behind a recording proxy in `beforeAll`,
 * closed in `afterAll`; before each test a reset sandbox, rate limiter and proxy log and a new credential store; after
 * each test the check that no request broke the OpenAPI spec.
 */
export function usePollingSandbox(): PollingSandbox {
	let started: Sandbox | undefined;
	let recorder: RecordingProxy | undefined;
	let store: CredentialStore | undefined;
	beforeAll(async () => {
		started = await freshSandbox({ rateLimit: false });
		recorder = await startRecordingProxy(started.url);
	});
	beforeEach(() => {
		rateLimiter.reset();
		started!.reset();
		recorder!.requests.length = 0;
		store = createCredentialStore([pitCredential(started!, undefined, recorder!.url)]);
	});
	afterEach(() => expect(started?.stats.invalidRequests).toEqual([]));
	afterAll(async () => {
		await recorder?.close();
		await started?.close();
	});
	return {
		sandbox: lateBound(() => started, 'sandbox'),
		proxy: lateBound(() => recorder, 'recording proxy'),
		credentials: lateBound(() => store, 'credential store'),
	};
}
