import type { IDataObject, INode, INodeCredentials, INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
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

/** Credential ids used in the workflows below. */
export const PIT_CREDENTIAL = { id: 'ghlSandboxCred01', name: 'HighLevel Sandbox' };
export const OAUTH_CREDENTIAL = { id: 'ghlSandboxOAuth01', name: 'HighLevel Sandbox OAuth2' };

/** A Private Integration Token credential for the sandbox's default location. */
export function pitCredential(sandbox: Sandbox, token = sandbox.privateIntegrationToken): StoredCredential {
	return {
		...PIT_CREDENTIAL,
		type: 'goHighLevelPrivateIntegrationTokenApi',
		data: { token, locationId: sandbox.locationId, baseUrl: sandbox.url },
	};
}

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
	sandbox: Sandbox,
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
