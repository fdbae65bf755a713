/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { activityOf } from '../../sandbox/activity';
import { uploadsOf } from '../../sandbox/conversations';
import { createCredentialStore } from '../harness';
import {
	byId,
	exchangeAuthorizationCode,
	GENEROUS_RATE_LIMIT,
	operationCounts,
	operationsSince,
	pitCredential,
	runNode,
	runWithFile,
	useEngineSandbox,
	useSandbox,
	startFaultProxy,
} from './helpers';

describe('Message → Send with attachments from binary data', () => {
	const { sandbox, proxy, lastBody } = useEngineSandbox();
	let dir: string;
	beforeAll(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-attach-'));
	});
	afterAll(async () => {
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const contact = (email: string) => [...sandbox.store.location().contacts.values()].find((c) => c.email === email)!;

	it('reads a file into binary data and sends an e-mail with it: the upload carries the exact bytes, the message the uploaded URL after the given one', async () => {
		const file = path.join(dir, 'quote-2025.pdf');
		const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 40_000 }, (_, i) => i % 251))]);
		fs.writeFileSync(file, bytes);
		const ada = contact('ada@example.com');
		const before = operationCounts(sandbox);
		const result = await runWithFile(sandbox, proxy.url, { path: file, mimeType: 'application/pdf' }, {
			resource: 'message',
			operation: 'send',
			contactId: byId(ada.id),
			channel: 'Email',
			subject: 'Your quote',
			html: '<p>Attached.</p>',
			options: { binaryProperties: 'data', attachmentUrls: 'https://cdn.example.com/terms.pdf' },
		});
		expect(result.status).toBe('success');
		// The contact had no conversation: it is searched, created, the file uploaded into it, then the e-mail sent.
		expect(operationsSince(sandbox, before)).toEqual({
			'search-conversation': 1,
			'create-conversation': 1,
			'upload-file-attachments': 1,
			'send-a-new-message': 1,
		});
		const uploads = [...uploadsOf(sandbox.store.location()).values()];
		expect(uploads).toHaveLength(1);
		expect(uploads[0]).toMatchObject({ fileName: 'quote-2025.pdf', mimeType: 'application/pdf', contactId: ada.id });
		expect(Buffer.compare(uploads[0].data, bytes)).toBe(0);
		const [sent] = result.output('HighLevel');
		expect(uploads[0].conversationId).toBe(sent.conversationId);
		const message = activityOf(sandbox.store.location()).messages.get(String(sent.messageId));
		expect(message?.attachments).toEqual(['https://cdn.example.com/terms.pdf', uploads[0].url]);
		expect(lastBody('POST', '/conversations/messages').attachments).toEqual([
			'https://cdn.example.com/terms.pdf',
			uploads[0].url,
		]);
	});

	it('a second file for the same contact goes to its existing conversation (no new conversation)', async () => {
		const file = path.join(dir, 'photo.png');
		fs.writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
		const ada = contact('ada@example.com');
		const before = operationCounts(sandbox);
		const result = await runWithFile(sandbox, proxy.url, { path: file, mimeType: 'image/png' }, {
			resource: 'message',
			operation: 'send',
			contactId: byId(ada.id),
			channel: 'SMS',
			options: { binaryProperties: 'data' },
		});
		expect(result.status).toBe('success');
		expect(operationsSince(sandbox, before)).toEqual({
			'search-conversation': 1,
			'upload-file-attachments': 1,
			'send-a-new-message': 1,
		});
		const [sent] = result.output('HighLevel');
		const upload = [...uploadsOf(sandbox.store.location()).values()].find((u) => u.fileName === 'photo.png');
		expect(activityOf(sandbox.store.location()).messages.get(String(sent.messageId))?.attachments).toEqual([upload?.url]);
	});

	it('with the OAuth2 credential too: the multipart upload goes through n8n\'s OAuth2 request helper unchanged', async () => {
		const file = path.join(dir, 'plan.pdf');
		const bytes = Buffer.from('%PDF-1.4 floor plan');
		fs.writeFileSync(file, bytes);
		const katherine = contact('katherine@example.com');
		const result = await runWithFile(sandbox, sandbox.url, { path: file, mimeType: 'application/pdf' }, { resource: 'message', operation: 'send', contactId: byId(katherine.id), channel: 'Email', subject: 'Plan', message: 'Attached', options: { binaryProperties: 'data' } },
			{ oauth: await exchangeAuthorizationCode(sandbox) },
		);
		expect(result.status).toBe('success');
		const upload = [...uploadsOf(sandbox.store.location()).values()].find((u) => u.fileName === 'plan.pdf');
		expect(upload && Buffer.compare(upload.data, bytes)).toBe(0);
		expect(activityOf(sandbox.store.location()).messages.get(String(result.output('HighLevel')[0].messageId))?.attachments).toEqual([upload?.url]);
	});

	it('too large for the channel, or a type HighLevel refuses: a local error naming the limit, before any request', async () => {
		const big = path.join(dir, 'site-photo.jpg');
		fs.writeFileSync(big, Buffer.alloc(5 * 1024 * 1024 + 1, 7));
		const grace = contact('grace@example.com');
		let before = operationCounts(sandbox);
		const tooLarge = await runWithFile(sandbox, proxy.url, { path: big, mimeType: 'image/jpeg' }, {
			resource: 'message',
			operation: 'send',
			contactId: byId(grace.id),
			channel: 'SMS',
			message: 'Photo',
			options: { binaryProperties: 'data' },
		});
		const [error] = tooLarge.errors('HighLevel');
		expect(error.message).toBe('Invalid attachment: 5.0 MB is more than SMS allows: 5 MB (MMS). Send smaller files, or a link to the file in the message.');
		expect(operationsSince(sandbox, before)).toEqual({});

		// The same file fits an e-mail (25 MB).
		before = operationCounts(sandbox);
		const asEmail = await runWithFile(sandbox, proxy.url, { path: big, mimeType: 'image/jpeg' }, {
			resource: 'message',
			operation: 'send',
			contactId: byId(grace.id),
			channel: 'Email',
			subject: 'Photo',
			message: 'Photo attached',
			options: { binaryProperties: 'data' },
		});
		expect(asEmail.status).toBe('success');
		expect(operationsSince(sandbox, before)['upload-file-attachments']).toBe(1);

		const script = path.join(dir, 'install.sh');
		fs.writeFileSync(script, '#!/bin/sh\n');
		before = operationCounts(sandbox);
		const wrongType = await runWithFile(sandbox, proxy.url, { path: script, mimeType: 'application/x-sh' }, {
			resource: 'message',
			operation: 'send',
			contactId: byId(grace.id),
			channel: 'Email',
			subject: 'Script',
			message: 'x',
			options: { binaryProperties: 'data' },
		});
		expect(wrongType.errors('HighLevel')[0].message).toMatch(/^Invalid attachment: "install\.sh" \(application\/x-sh\) is not a type HighLevel accepts; allowed: JPG, JPEG, PNG/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});
});

describe('Message → Send is never duplicated', () => {
	const sandbox = useSandbox({ rateLimit: GENEROUS_RATE_LIMIT });

	it('a network failure after HighLevel processed a send fails the item and sends nothing again; a GET after the same failure is re-sent', async () => {
		const alan = [...sandbox.store.location().contacts.values()].find((c) => c.email === 'alan@example.com')!;
		const proxy = await startFaultProxy(sandbox.url, (method, p) => (p === '/conversations/messages' || (method === 'GET' && p.startsWith('/conversations/messages/')) ? 'drop' : undefined));
		try {
			const messages = () => [...activityOf(sandbox.store.location()).messages.values()].filter((m) => m.contactId === alan.id);
			const before = operationCounts(sandbox);
			const result = await runNode(
				sandbox,
				{ resource: 'message', operation: 'send', contactId: byId(alan.id), channel: 'SMS', message: 'Only once' },
				{ credentials: createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]), continueOnFail: true },
			);
			expect(proxy.faulted).toEqual(['POST /conversations/messages']);
			expect(operationsSince(sandbox, before)).toEqual({ 'send-a-new-message': 1 });
			expect(messages().map((m) => m.body)).toEqual(['Only once']);
			expect(result.errors('HighLevel')).toHaveLength(1);
			expect(JSON.stringify(result.run)).not.toContain(sandbox.privateIntegrationToken);

			// Control: the same dropped answer on an idempotent GET is re-sent and succeeds.
			const [sent] = messages();
			const got = await runNode(
				sandbox,
				{ resource: 'message', operation: 'get', messageId: byId(sent.id) },
				{ credentials: createCredentialStore([pitCredential(sandbox, undefined, proxy.url)]) },
			);
			expect(proxy.faulted).toEqual(['POST /conversations/messages', `GET /conversations/messages/${sent.id}`]);
			expect(got.output('HighLevel')[0].id).toBe(sent.id);
		} finally {
			await proxy.close();
		}
	});
});
