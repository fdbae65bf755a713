import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import { GoHighLevelPrivateIntegrationTokenApi } from '../../../credentials/GoHighLevelPrivateIntegrationTokenApi.credentials';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createCredentialStore, MANUAL_TRIGGER_TYPE, runWorkflow } from '../harness';

const credential = new GoHighLevelPrivateIntegrationTokenApi();
const TESTER_TYPE = 'test.credentialTester';

/**
 * The node n8n's CredentialsTester builds for a credential with a `test.request`: one property whose
 * `routing.request` is the test request, run by RoutingNode with the credential (n8n packages/cli
 * credentials-tester.service.ts). A non-2xx answer fails the node, which the tester reports as a failed test.
 */
const tester: INodeType = {
	description: {
		displayName: 'Credential Tester',
		name: 'credentialTester',
		group: ['transform'],
		version: 1,
		description: 'Runs a credential test request',
		defaults: { name: 'Credential Tester' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: credential.name, required: true }],
		properties: [
			{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credential.test.request } },
		],
	},
};

async function testCredential(sandbox: Sandbox, data: { token: string; locationId: string }) {
	return await runWorkflow({
		workflow: {
			nodes: [
				{ id: 'a', name: 'Start', type: MANUAL_TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'b',
					name: 'Test',
					type: TESTER_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters: {},
					credentials: { [credential.name]: { id: 'pit', name: 'PIT' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Test', type: 'main', index: 0 }]] } },
		},
		credentials: createCredentialStore([
			{ id: 'pit', name: 'PIT', type: credential.name, data: { ...data, baseUrl: `${sandbox.url}/` } },
		]),
		nodeTypes: { [TESTER_TYPE]: tester },
	});
}

describe('Private Integration Token credential test', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());

	it('passes for a valid token and its location: one contact search with the Version header', async () => {
		const before = sandbox.stats.byOperation['search-contacts-advanced'] ?? 0;
		const result = await testCredential(sandbox, {
			token: sandbox.privateIntegrationToken,
			locationId: sandbox.locationId,
		});
		expect(result.errors('Test')).toEqual([]);
		expect(result.status).toBe('success');
		expect(sandbox.stats.byOperation['search-contacts-advanced']).toBe(before + 1);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('fails for another location (403) and for an unknown token (401)', async () => {
		const otherLocation = [...sandbox.store.locations.keys()].find((id) => id !== sandbox.locationId)!;
		const wrongLocation = await testCredential(sandbox, {
			token: sandbox.privateIntegrationToken,
			locationId: otherLocation,
		});
		expect(wrongLocation.errors('Test')[0]?.httpCode).toBe('403');
		const badToken = await testCredential(sandbox, { token: 'pit-not-a-token', locationId: sandbox.locationId });
		expect(badToken.errors('Test')[0]?.httpCode).toBe('401');
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});
});
