/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code runs in Node and Jest, not inside n8n */
import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	WorkflowExecute,
	WorkflowHasIssuesError,
} from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowIssues,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { prepareContainer } from './container';
import {
	HarnessCredentialsHelper,
	HarnessCredentialTypes,
	type CredentialStore,
} from './credentials';
import {
	HarnessNodeTypes,
	ITEMS_SOURCE_TYPE,
	MANUAL_TRIGGER_TYPE,
	type HarnessItemFeed,
} from './node-types';

export {
	createCredentialStore,
	HarnessCredentialsHelper,
	HarnessCredentialTypes,
	type CredentialStore,
	type StoredCredential,
} from './credentials';
export { harnessLogs, type HarnessLogEntry } from './container';
export { ITEMS_SOURCE_TYPE, MANUAL_TRIGGER_TYPE } from './node-types';
export { OAuth2Api } from './oauth2-api';

/**
 * Workflow JSON as n8n exports it. Only `nodes` and `connections` are required; `settings` defaults to
 * `{ executionOrder: 'v1' }` (what n8n gives new workflows); `pinData` is honoured like a manual run in n8n.
 */
export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> &
	Partial<Pick<IWorkflowBase, 'id' | 'name' | 'settings' | 'pinData' | 'staticData'>>;

/** Options of {@link runWorkflow}. */
export interface RunOptions {
	/** The workflow to run; deep-copied first, so the caller's object is never mutated. */
	workflow: WorkflowJson | IWorkflowBase;
	/** Credentials the workflow's nodes reference (`node.credentials[type] = { id, name }`). */
	credentials: CredentialStore;
	/**
	 * Extra node types by full type name (e.g. `{ 'test.echo': new Echo() }`). They take precedence over the
	 * harness types (`n8n-nodes-base.manualTrigger`, `test.items`) and this package's nodes
	 * (`n8n-nodes-gohighlevel.<name>`, loaded from the TypeScript sources only when a workflow uses one).
	 */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/**
	 * Extra credential types (e.g. a test credential). They take precedence over the harness `oAuth2Api` base
	 * type and this package's credential types (loaded from the TypeScript sources on first miss).
	 */
	credentialTypes?: ICredentialType[];
	/**
	 * Items to feed the workflow: emitted by every `test.items` node, or, when the workflow has no `test.items`
	 * node, by the start node (manual trigger) itself. Without it the trigger emits one empty item and
	 * `test.items` nodes emit their `items` parameter.
	 */
	inputItems?: INodeExecutionData[];
	/** Name of the node to start from; default: the manual trigger node, else n8n's `getStartNode()`. */
	startNode?: string;
}

/** One error a node reported, flattened for assertions. */
export interface NodeErrorInfo {
	message: string;
	description?: string;
	/** HTTP status as a string (n8n's `NodeApiError.httpCode`), when the error came from a response. */
	httpCode?: string;
	/** Input item the error belongs to, when known. */
	itemIndex?: number;
}

/** Outcome of {@link runWorkflow}. */
export interface RunResult {
	/** 'success' when the execution finished without an execution-level error, else 'error'. */
	status: 'success' | 'error';
	/** The execution-level error (`resultData.error`), e.g. a NodeApiError of the failing node. */
	error?: ExecutionError;
	/**
	 * Parameter issues per node when n8n-core refused to start the execution (`error` is then its
	 * WorkflowHasIssuesError, `runData` is empty), e.g. `{ Echo: { parameters: { id: ['Parameter "Id" is required.'] } } }`.
	 */
	issues?: IWorkflowIssues;
	/** Run data per node name, exactly as n8n-core produced it. */
	runData: IRunData;
	/** The full `IRun` returned by `WorkflowExecute`. */
	run: IRun;
	/** Node names in the order their runs finished. */
	executedNodes: string[];
	/**
	 * `json` of every item on main output 0 of the node's last run ([] if that run produced no data, e.g. it
	 * failed). Throws if the node did not run at all (the message names the nodes that did).
	 */
	output(nodeName: string): IDataObject[];
	/**
	 * Errors of the node's last run: the run's error (a thrown NodeApiError/NodeOperationError), then every output
	 * item carrying an error (`item.error`, as declarative nodes emit with "continue on fail", or a
	 * `json.error` message, on any output including the error output). [] if the node ran cleanly;
	 * throws if it did not run.
	 */
	errors(nodeName: string): NodeErrorInfo[];
}

interface ErrorLike {
	message?: unknown;
	description?: unknown;
	httpCode?: unknown;
	context?: { itemIndex?: unknown };
}

function toErrorInfo(error: ErrorLike, fallbackItemIndex?: number): NodeErrorInfo {
	const info: NodeErrorInfo = { message: String(error.message ?? '') };
	if (typeof error.description === 'string' && error.description !== '')
		info.description = error.description;
	if (error.httpCode !== undefined && error.httpCode !== null)
		info.httpCode = String(error.httpCode);
	const itemIndex =
		typeof error.context?.itemIndex === 'number' ? error.context.itemIndex : fallbackItemIndex;
	if (itemIndex !== undefined) info.itemIndex = itemIndex;
	return info;
}

function pairedIndex(item: INodeExecutionData, position: number): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	return paired?.item ?? position;
}

function buildAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async (): Promise<never> => {
		throw new Error(`${what} is not supported by the engine test harness`);
	};
	const baseUrl = 'http://127.0.0.1:5678';
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		executeWorkflow: unsupported('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unsupported('Running code in a task runner'),
		logAiEvent: () => undefined,
		externalSecretsProxy: new ExternalSecretsProxy(),
		variables: {},
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: `${baseUrl}/`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
	};
}

let executionCounter = 0;

/**
 * Runs a workflow in-process with n8n-core 2.8.1's real `WorkflowExecute` in `manual` mode (like a run started
 * from n8n's editor), with real HTTP: nodes' requests go through n8n-core's request helpers (axios), nothing
 * is mocked. OAuth2 credentials are refreshed by n8n-core itself and the refreshed tokens are written to
 * `options.credentials`.
 *
 * Resolves with a {@link RunResult} for finished executions, including failed ones (`status: 'error'`).
 * Rejects only for harness misuse: unknown start node, unknown node/credential types (when n8n-core lets the
 * error escape), or an execution that ends neither successfully nor with an error.
 */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	prepareContainer();
	const json = structuredClone(options.workflow) as WorkflowJson;
	const hasItemsSource = json.nodes.some((node) => node.type === ITEMS_SOURCE_TYPE);
	const feed: HarnessItemFeed = {
		startItems: !hasItemsSource && options.inputItems ? options.inputItems : [{ json: {} }],
		sourceItems: hasItemsSource ? options.inputItems : undefined,
	};
	const nodeTypes = new HarnessNodeTypes(feed, options.nodeTypes);
	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentials,
		new HarnessCredentialTypes(options.credentialTypes),
	);

	const settings = json.settings ?? { executionOrder: 'v1' };
	const workflowId = json.id ?? 'engine-harness-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: json.name ?? 'Engine harness workflow',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes,
		staticData: json.staticData,
		settings,
		pinData: json.pinData,
	});

	let startNode: INode | undefined;
	if (options.startNode !== undefined) {
		startNode = workflow.getNode(options.startNode) ?? undefined;
		if (!startNode) throw new Error(`Start node "${options.startNode}" is not in the workflow`);
	} else {
		startNode = json.nodes.find((node) => node.type === MANUAL_TRIGGER_TYPE && !node.disabled);
		startNode = startNode
			? (workflow.getNode(startNode.name) ?? undefined)
			: workflow.getStartNode();
		if (!startNode) throw new Error('The workflow has no node to start from');
	}

	const executionId = `harness-${++executionCounter}`;
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: json.nodes,
		connections: json.connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const executedNodes: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});

	const additionalData = buildAdditionalData(credentialsHelper, hooks, executionId);
	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	let run: IRun;
	let issues: IWorkflowIssues | undefined;
	try {
		run = await workflowExecute.run({ workflow, startNode, pinData: json.pinData });
	} catch (thrown) {
		// n8n-core throws this before executing anything (missing required parameters, unknown types…);
		// report it like a failed execution, with the issues n8n found.
		if (!(thrown instanceof WorkflowHasIssuesError)) throw thrown;
		issues =
			workflowExecute.checkReadyForExecution(workflow, { startNode: startNode.name }) ?? undefined;
		run = {
			data: createRunExecutionData({ resultData: { error: thrown, runData: {} } }),
			mode: 'manual',
			startedAt: now,
			stoppedAt: new Date(),
			storedAt: 'db',
			status: 'error',
		};
	}

	const { resultData } = run.data;
	const runData = resultData.runData;
	const error = resultData.error;
	if (!error && run.status !== 'success') {
		throw new Error(`Execution ended with status "${run.status}" and no error`);
	}

	const lastRun = (nodeName: string) => {
		const runs = runData[nodeName];
		if (!runs?.length) {
			const ran = Object.keys(runData).join(', ') || 'none';
			const cause = error ? ` Execution error: ${error.message}` : '';
			throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran}).${cause}`);
		}
		return runs[runs.length - 1];
	};

	return {
		status: error ? 'error' : 'success',
		error,
		issues,
		runData,
		run,
		executedNodes,
		output(nodeName) {
			const items = lastRun(nodeName).data?.main?.[0] ?? [];
			return items.map((item) => item.json);
		},
		errors(nodeName) {
			const task = lastRun(nodeName);
			const found: NodeErrorInfo[] = [];
			if (task.error) found.push(toErrorInfo(task.error));
			for (const outputItems of task.data?.main ?? []) {
				(outputItems ?? []).forEach((item, position) => {
					if (item.error) {
						found.push(toErrorInfo(item.error, pairedIndex(item, position)));
					} else if (item.json?.error !== undefined) {
						const jsonError = item.json.error;
						const errorLike: ErrorLike =
							typeof jsonError === 'object' && jsonError !== null
								? (jsonError as ErrorLike)
								: { message: jsonError };
						found.push(toErrorInfo(errorLike, pairedIndex(item, position)));
					}
				});
			}
			return found;
		},
	};
}
