/**
 * `npm run sandbox`'s guide (test/sandbox/cli.ts) followed in a real n8n, the way a person would: an OAuth2
 * credential gets only what the guide says to type (Client ID, Client Secret, API Base URL; everything else left at
 * its default), n8n's Connect flow runs through its own REST endpoints with the printed address replacement applied
 * to the consent URL n8n hands out, n8n exchanges the code at the sandbox and stores the tokens, and a workflow then
 * reads the location's pipelines with that credential. (The unit test `test/sandbox/cli.test.ts` checks the same
 * values against the sandbox alone; `trigger.e2e.test.ts` the trigger with the printed key.)
 *
 * Build first (`npm run build`); `npm run test:e2e` does.
 */
import type { IDataObject } from 'n8n-workflow';

import { formatSandboxGuide, parseArgs } from '../sandbox/cli';
import { startSandbox, type Sandbox } from '../sandbox';
import { cleanupAll, N8nInstance, nodeOutput, packPackage, type WorkflowJson } from './n8n';

const CREDENTIAL = { id: 'ghlGuideOAuth001', name: 'HighLevel sandbox (OAuth2, from the guide)' };

/** The value printed after `label` on a guide line (`     <label>   <value>`); `occurrence` counts from 0. */
function printed(text: string, label: string, occurrence = 0): string {
	const matches = [...text.matchAll(new RegExp(`^ {5}${label} {2,}(\\S+)`, 'gm'))];
	if (!matches[occurrence]) throw new Error(`the guide prints no "${label}" line:\n${text}`);
	return matches[occurrence][1];
}

describe("npm run sandbox's OAuth2 settings in a real n8n", () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let guide: string;
	const logged = (fn: () => Promise<void>) => () => n8n.withLogsOnFailure(fn);

	beforeAll(async () => {
		sandbox = await startSandbox();
		guide = formatSandboxGuide(sandbox, parseArgs([]));
		n8n = await N8nInstance.create();
		await n8n.installPackage(await packPackage());
		await n8n.importCredential({
			...CREDENTIAL,
			type: 'goHighLevelOAuth2Api',
			data: {
				clientId: printed(guide, 'Client ID'),
				clientSecret: printed(guide, 'Client Secret'),
				baseUrl: printed(guide, 'API Base URL', 1),
			},
		});
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
	});

	afterAll(async () => {
		await sandbox?.close();
		await n8n?.dispose();
		cleanupAll();
	});

	test(
		'Connect, with the printed address replacement, stores tokens for the sandbox location',
		logged(async () => {
			const { data: authorizeUrl } = await n8n.rest<{ data: string }>(
				'GET',
				`/oauth2-credential/auth?id=${CREDENTIAL.id}`,
			);
			const [, from, to] = /replace "([^"]+)" at the start of the address with\s+"([^"]+)"/.exec(
				guide,
			)!;
			expect(authorizeUrl.startsWith(`${from}/`)).toBe(true);

			// The browser window: the edited address reaches the sandbox, which redirects back to n8n.
			const consent = await fetch(to + authorizeUrl.slice(from.length), { redirect: 'manual' });
			expect(consent.status).toBe(302);
			const callback = new URL(consent.headers.get('location')!);
			expect(callback.origin).toBe(n8n.baseUrl);
			// The browser is signed in to n8n (the callback needs the session cookie).
			const login = await n8n.fetch('/rest/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					emailOrLdapLoginId: n8n.ownerLogin!.email,
					password: n8n.ownerLogin!.password,
				}),
			});
			const cookie = login.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.find((c) => c.startsWith('n8n-auth='))!;
			const page = await n8n.fetch(`${callback.pathname}${callback.search}`, {
				headers: { cookie },
			});
			expect(page.status).toBe(200);
			expect(sandbox.stats.byOperation['get-access-token']).toBe(1);

			const [stored] = (await n8n.exportCredentials()).filter((c) => c.id === CREDENTIAL.id);
			const tokens = stored.data.oauthTokenData as IDataObject;
			expect(tokens).toMatchObject({ locationId: sandbox.locationId, token_type: 'Bearer' });
			expect(typeof tokens.access_token).toBe('string');
		}),
	);

	test(
		'a workflow with that credential reads the location through the sandbox',
		logged(async () => {
			const workflow: WorkflowJson = {
				name: 'Guide: pipelines with OAuth2',
				nodes: [
					{
						id: '1c7e0a4b-0000-4000-8000-000000000001',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: '1c7e0a4b-0000-4000-8000-000000000002',
						name: 'Pipelines',
						type: 'n8n-nodes-gohighlevel.goHighLevel',
						typeVersion: 1,
						position: [220, 0],
						parameters: { authentication: 'oAuth2', resource: 'pipeline', operation: 'getAll' },
						credentials: { goHighLevelOAuth2Api: CREDENTIAL },
					},
				],
				connections: { Start: { main: [[{ node: 'Pipelines', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			};
			const run = await n8n.execute(await n8n.importWorkflow(workflow));
			const names = nodeOutput(run.execution, 'Pipelines').map((p) => p.name);
			expect(names).toEqual(
				sandbox.store.location(sandbox.locationId).pipelines.map((p) => p.name),
			);
		}),
	);
});
