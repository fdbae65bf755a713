/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * `npm run sandbox`'s guide (cli.ts `formatSandboxGuide`) is followed literally: every value is read back out of
 * the printed text and used the way n8n would use it — the Private Integration Token credential searches
 * contacts, the OAuth2 client id and secret complete the authorization-code flow n8n runs on Connect (with the
 * printed address replacement), the printed `curl` points the app webhook at a receiver, and the printed public key
 * verifies the sandbox's signature with the trigger's own verification code. Labels must be the ones n8n shows.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import {
	DEFAULT_SCOPES,
	GoHighLevelOAuth2Api,
} from '../../credentials/GoHighLevelOAuth2Api.credentials';
import { GoHighLevelPrivateIntegrationTokenApi } from '../../credentials/GoHighLevelPrivateIntegrationTokenApi.credentials';
import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';
import { verifySignature } from '../../nodes/GoHighLevelTrigger/shared/verify';
import { formatSandboxGuide, parseArgs, TRIGGER_DISPLAY_NAME } from './cli';
import { startSandbox, type Sandbox } from './index';

/** The value printed after `label` on a guide line (`     <label>   <value>`). */
function printed(text: string, label: string, occurrence = 0): string {
	const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const matches = [...text.matchAll(new RegExp(`^ {5}${escaped} {2,}(\\S+)`, 'gm'))];
	if (!matches[occurrence]) throw new Error(`the guide prints no "${label}" line:\n${text}`);
	return matches[occurrence][1];
}

/** A local HTTP server recording the requests it gets (stands in for n8n's Production URL). */
async function startReceiver() {
	const requests: Array<{ headers: http.IncomingHttpHeaders; body: Buffer }> = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			requests.push({ headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/abc/webhook`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

describe('npm run sandbox: the printed guide', () => {
	let sandbox: Sandbox;
	let text: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false, webhooks: { retryDelayMs: 5 } });
		text = formatSandboxGuide(sandbox, parseArgs([]));
	});

	afterAll(async () => {
		await sandbox.close();
	});

	const searchContacts = (baseUrl: string, token: string, locationId: string) =>
		fetch(`${baseUrl}/contacts/search`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${token}`,
				Version: '2021-07-28',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ locationId, pageLimit: 1 }),
		});

	it('names the credentials and fields as n8n shows them', () => {
		const pit = new GoHighLevelPrivateIntegrationTokenApi();
		const oauth = new GoHighLevelOAuth2Api();
		expect(text).toContain(`"${pit.displayName}"`);
		expect(text).toContain(`"${oauth.displayName}"`);
		for (const property of pit.properties) expect(text).toContain(`     ${property.displayName}  `);
		const shown = ['authUrl', 'scope', 'baseUrl'].map(
			(name) => oauth.properties.find((p) => p.name === name)!.displayName,
		);
		for (const name of [...shown, 'Client ID', 'Client Secret'])
			expect(text).toContain(`     ${name}  `);
		const domain = oauth.properties.find((p) => p.name === 'authUrl')!;
		const standard = (domain.options as Array<{ name: string; value: string }>).find(
			(o) => o.value === domain.default,
		)!;
		expect(printedLine(text, domain.displayName)).toContain(standard.name);
	});

	it('prints a Private Integration Token, Location ID and API Base URL that work together', async () => {
		const token = printed(text, 'Private Integration Token');
		const locationId = printed(text, 'Location ID');
		const baseUrl = printed(text, 'API Base URL');
		expect(baseUrl).toBe(sandbox.url);
		const response = await searchContacts(baseUrl, token, locationId);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { contacts: Array<{ locationId: string }> };
		expect(body.contacts[0].locationId).toBe(locationId);
	});

	it('prints an OAuth2 client id and secret that complete the exchange n8n runs on Connect', async () => {
		const clientId = printed(text, 'Client ID');
		const clientSecret = printed(text, 'Client Secret');
		const baseUrl = printed(text, 'API Base URL', 1);
		const replacement = /replace "([^"]+)" at the start of the address with\s+"([^"]+)"/.exec(text);
		expect(replacement).not.toBeNull();
		const [, from, to] = replacement!;

		// n8n's authorize URL: the credential's Authorization URL (`authUrl`, shown as Authorization Domain).
		const oauth = new GoHighLevelOAuth2Api();
		const domain = String(oauth.properties.find((p) => p.name === 'authUrl')!.default);
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const authorize = new URL(domain);
		authorize.search = new URLSearchParams({
			client_id: clientId,
			redirect_uri: redirectUri,
			response_type: 'code',
			scope: DEFAULT_SCOPES.join(' '),
			state: 'n8n-state',
		}).toString();
		expect(authorize.toString().startsWith(from)).toBe(true);
		const consent = await fetch(to + authorize.toString().slice(from.length), {
			redirect: 'manual',
		});
		expect(consent.status).toBe(302);
		const back = new URL(consent.headers.get('location')!);
		expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
		expect(back.searchParams.get('state')).toBe('n8n-state');

		// n8n's token request: Access Token URL (<API Base URL>/oauth/token), client credentials in the body.
		const token = await fetch(`${baseUrl.replace(/\/+$/, '')}/oauth/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code: back.searchParams.get('code')!,
				redirect_uri: redirectUri,
				client_id: clientId,
				client_secret: clientSecret,
			}).toString(),
		});
		expect(token.status).toBe(200);
		const tokens = (await token.json()) as { access_token: string; locationId: string };
		expect(tokens.locationId).toBe(sandbox.locationId);
		expect((await searchContacts(baseUrl, tokens.access_token, tokens.locationId)).status).toBe(
			200,
		);
	});

	it("prints a webhook command and a public key that the trigger's verification accepts", async () => {
		// The parameter to paste into, as the trigger's description names it.
		const trigger = new GoHighLevelTrigger().description;
		expect(TRIGGER_DISPLAY_NAME).toBe(trigger.displayName);
		const options = trigger.properties.find((p) => p.name === 'options')!;
		const keyOption = (options.options as Array<{ name: string; displayName: string }>).find(
			(o) => o.name === 'additionalEd25519PublicKey',
		)!;
		expect(text).toContain(`${options.displayName} → ${keyOption.displayName} paste this key`);
		const source = trigger.properties.find((p) => p.name === 'source')!;
		const marketplace = (source.options as Array<{ name: string; value: string }>).find(
			(o) => o.value === 'marketplace',
		)!;
		expect(text).toContain(`${source.displayName} "${marketplace.name}"`);

		const key = /^-----BEGIN PUBLIC KEY-----\n[\s\S]+?\n-----END PUBLIC KEY-----$/m.exec(text);
		expect(key).not.toBeNull();

		const receiver = await startReceiver();
		try {
			const curl = /curl -X (\w+) (\S+) -H 'Content-Type: application\/json' -d '(.+)'/.exec(text);
			expect(curl).not.toBeNull();
			const [, method, adminUrl, body] = curl!;
			const set = await fetch(adminUrl, {
				method,
				headers: { 'Content-Type': 'application/json' },
				body: body.replace('<Production URL>', receiver.url),
			});
			expect(set.status).toBe(200);
			expect(sandbox.webhooks.url).toBe(receiver.url);

			const created = await fetch(`${sandbox.url}/contacts/`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${sandbox.privateIntegrationToken}`,
					Version: '2021-07-28',
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ locationId: sandbox.locationId, email: 'guide@example.com' }),
			});
			expect(created.status).toBe(201);
			await sandbox.webhooks.idle();
			expect(receiver.requests).toHaveLength(1);
			const [request] = receiver.requests;
			expect(JSON.parse(request.body.toString('utf8'))).toMatchObject({ type: 'ContactCreate' });
			const headers = request.headers as Record<string, string>;
			expect(verifySignature({ rawBody: request.body, headers }).ok).toBe(false);
			expect(
				verifySignature({ rawBody: request.body, headers, ed25519PublicKeys: [key![0]] }).ok,
			).toBe(true);
		} finally {
			sandbox.setWebhookUrl(null);
			await receiver.close();
		}
	});

	it('--webhook-url sets the app webhook at start; bad values are refused', () => {
		expect(parseArgs(['--webhook-url', 'http://localhost:5678/webhook/x/webhook'])).toMatchObject({
			webhookUrl: 'http://localhost:5678/webhook/x/webhook',
		});
		expect(parseArgs(['--webhook-url=http://a/b?c=d'])).toMatchObject({
			webhookUrl: 'http://a/b?c=d',
		});
		expect(() => parseArgs(['--webhook-url', 'localhost:5678'])).toThrow(/absolute http/);
	});
});

/** The whole guide line that starts with `label`. */
function printedLine(text: string, label: string): string {
	return text.split('\n').find((line) => line.startsWith(`     ${label}  `)) ?? '';
}
