import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type ICredentialsDecrypted,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { GoHighLevelPrivateIntegrationTokenApi } from '../../../credentials/GoHighLevelPrivateIntegrationTokenApi.credentials';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createCredentialStore, HarnessCredentialsHelper, HarnessCredentialTypes } from '../harness';
import { prepareContainer } from '../harness/container';

const credential = new GoHighLevelPrivateIntegrationTokenApi();

/**
 * The node n8n's CredentialsTester builds for a credential with a `test.request`: n8n's No Op description with the
 * credential and one property whose `routing.request` is the test request (n8n 2.8 packages/cli
 * credentials-tester.service.ts).
 */
const tester: INodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: credential.name, required: true }],
		properties: [
			{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credential.test.request } },
		],
	},
};

/** What n8n's credential dialog shows after a test: `status` and `message` of the credential test. */
interface CredentialTestOutcome {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * n8n 2.8's `CredentialsTester.testCredentials` for a credential with `test.request` (packages/cli
 * credentials-tester.service.ts), step by step: a one-node Workflow, n8n-core's `RoutingNode` run in an
 * `ExecuteContext` (mode `internal`) with the decrypted credential; when it throws, a `cause.response.status`
 * is matched against the `responseCode` rules, otherwise the error's message is shown (for a 401 NodeApiError
 * "Authorization failed - please check your credentials"); when it answers, the `responseSuccessBody` rules are
 * applied in order to the first item's JSON.
 */
async function testLikeN8n(
	sandbox: Sandbox,
	data: { token: string; locationId: string; baseUrl?: string },
): Promise<CredentialTestOutcome> {
	prepareContainer();
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'pit',
		name: 'PIT',
		type: credential.name,
		data: { baseUrl: `${sandbox.url}/`, ...data },
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: tester.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credential.name]: { id: 'pit', name: 'PIT' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => tester,
		getByNameAndVersion: () => tester,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper(
		createCredentialStore([{ id: 'pit', name: 'PIT', type: credential.name, data: credentialsDecrypted.data! }]),
		new HarnessCredentialTypes(),
	);
	const additionalData = { credentialsHelper, variables: {} } as unknown as IWorkflowExecuteAdditionalData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const rules = credential.test.rules ?? [];
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, tester, credentialsDecrypted).runNode();
	} catch (error) {
		const answer = (error as { cause?: { response?: { status: number; statusText?: string } } }).cause
			?.response;
		if (answer) {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === answer.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'Error', message: answer.statusText || `Received HTTP status code: ${answer.status}` };
		}
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of rules) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], response![0][0].json);
		if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

describe('Private Integration Token credential test, as n8n\'s credential dialog reports it', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());

	it('says "Connection successful!" for a valid token and its location, after one contact search', async () => {
		const before = sandbox.stats.byOperation['search-contacts-advanced'] ?? 0;
		const outcome = await testLikeN8n(sandbox, {
			token: sandbox.privateIntegrationToken,
			locationId: sandbox.locationId,
		});
		expect(outcome).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.stats.byOperation['search-contacts-advanced']).toBe(before + 1);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('names the token, not n8n\'s generic "Authorization failed", when HighLevel answers 401', async () => {
		const outcome = await testLikeN8n(sandbox, { token: 'pit-not-a-token', locationId: sandbox.locationId });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/^HighLevel rejected the Private Integration Token \(401\)/);
		expect(outcome.message).toContain('Settings → Private Integrations');
		expect(outcome.message).not.toContain('pit-not-a-token');
	});

	it('names the missing scope when the token lacks contacts.readonly (401)', async () => {
		const token = sandbox.createPrivateIntegrationToken({ scopes: ['opportunities.readonly'] });
		const outcome = await testLikeN8n(sandbox, { token, locationId: sandbox.locationId });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/lacks the contacts\.readonly scope \(401\)/);
		expect(outcome.message).not.toContain(token);
	});

	it('names the Location ID, not n8n\'s generic "Forbidden", when HighLevel answers 403', async () => {
		const otherLocation = [...sandbox.store.locations.keys()].find((id) => id !== sandbox.locationId)!;
		const outcome = await testLikeN8n(sandbox, {
			token: sandbox.privateIntegrationToken,
			locationId: otherLocation,
		});
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/no access to this Location ID \(403\)/);
		expect(outcome.message).toContain('Settings → Business Profile → Location ID');
		expect(outcome.message).not.toContain(sandbox.privateIntegrationToken);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('fails, naming the API Base URL, when the answer is not a HighLevel contact search', async () => {
		const outcome = await testLikeN8n(sandbox, {
			token: sandbox.privateIntegrationToken,
			locationId: sandbox.locationId,
			baseUrl: `${sandbox.url}/not-highlevel/`,
		});
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toContain('Check the API Base URL');
	});
});
