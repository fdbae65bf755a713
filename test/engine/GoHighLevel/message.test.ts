/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';

import { activityOf, type MessageRecord } from '../../sandbox/activity';
import { addConversation } from '../../sandbox/conversations';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/** Every operation of the Message resource, end to end through n8n-core and the sandbox. */
describe('Message operations', () => {
	const { sandbox, proxy, run, lastBody } = useEngineSandbox();
	let receiver: http.Server;
	beforeAll(async () => {
		receiver = http.createServer((_req, res) => res.end('ok'));
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		sandbox.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => receiver.close(() => resolve()));
	});

	const contact = (email: string) => [...sandbox.store.location().contacts.values()].find((c) => c.email === email)!;
	const messages = () => activityOf(sandbox.store.location()).messages;
	const conversationsOf = (contactId: string) =>
		[...activityOf(sandbox.store.location()).conversations.values()].filter((c) => c.contactId === contactId);
	const eventsOf = async (type: string) => {
		await sandbox.webhooks.idle();
		return sandbox.webhooks.deliveries.filter((d) => d.type === type).map((d) => d.payload as IDataObject);
	};

	it('Send SMS: one request with type, contact and text; the message lands in a new conversation of the contact, delivered, with an OutboundMessage event; a second send threads into it', async () => {
		const ada = contact('ada@example.com');
		expect(conversationsOf(ada.id)).toEqual([]);
		const before = operationCounts(sandbox);
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: byId(ada.id),
			channel: 'SMS',
			message: 'Your plumber arrives at 10:00',
		});
		expect(result.status).toBe('success');
		expect(operationsSince(sandbox, before)).toEqual({ 'send-a-new-message': 1 });
		expect(lastBody('POST', '/conversations/messages')).toEqual({
			type: 'SMS',
			contactId: ada.id,
			message: 'Your plumber arrives at 10:00',
		});
		const [out] = result.output('HighLevel');
		expect(out).toMatchObject({ messageId: expect.any(String), conversationId: expect.any(String), status: 'delivered' });
		const [conversation] = conversationsOf(ada.id);
		expect(conversation.id).toBe(out.conversationId);
		expect(messages().get(String(out.messageId))).toMatchObject({
			messageType: 'TYPE_SMS',
			direction: 'outbound',
			status: 'delivered',
			body: 'Your plumber arrives at 10:00',
		});
		expect(await eventsOf('OutboundMessage')).toEqual([
			expect.objectContaining({ messageId: out.messageId, messageType: 'SMS', contactId: ada.id, direction: 'outbound', body: 'Your plumber arrives at 10:00' }),
		]);

		const again = await run({ resource: 'message', operation: 'send', contactId: byId(ada.id), channel: 'WhatsApp', message: 'See you soon' });
		expect(again.output('HighLevel')[0].conversationId).toBe(conversation.id);
		expect(conversationsOf(ada.id)).toHaveLength(1);
		expect(messages().get(String(again.output('HighLevel')[0].messageId))?.messageType).toBe('TYPE_WHATSAPP');
	});

	it('Send Email: subject, HTML and plain text, from, CC/BCC and thread are sent; Get Email and Get read it back', async () => {
		const grace = contact('grace@example.com');
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: byId(grace.id),
			channel: 'Email',
			subject: 'Your quote',
			html: '<p>Hello Grace</p>',
			message: 'Hello Grace',
			emailOptions: {
				emailFrom: 'Acme Plumbing <office@acme.example.com>',
				emailCc: 'boss@acme.example.com, backup@acme.example.com',
				emailBcc: 'archive@acme.example.com',
				threadId: 'thread0000001',
				emailReplyMode: 'reply_all',
				replyMessageId: '',
			},
		});
		expect(result.status).toBe('success');
		expect(lastBody('POST', '/conversations/messages')).toEqual({
			type: 'Email',
			contactId: grace.id,
			subject: 'Your quote',
			html: '<p>Hello Grace</p>',
			message: 'Hello Grace',
			emailFrom: 'Acme Plumbing <office@acme.example.com>',
			emailCc: ['boss@acme.example.com', 'backup@acme.example.com'],
			emailBcc: ['archive@acme.example.com'],
			threadId: 'thread0000001',
			emailReplyMode: 'reply_all',
		});
		const [sent] = result.output('HighLevel');
		expect(sent.emailMessageId).toEqual(expect.any(String));

		const email = await run({ resource: 'message', operation: 'getEmail', emailMessageId: sent.emailMessageId });
		expect(email.output('HighLevel')).toEqual([
			expect.objectContaining({
				id: sent.emailMessageId,
				subject: 'Your quote',
				cc: ['boss@acme.example.com', 'backup@acme.example.com'],
				to: ['grace@example.com'],
				threadId: 'thread0000001',
			}),
		]);
		const message = await run({ resource: 'message', operation: 'get', messageId: byId(String(sent.messageId)) });
		expect(message.output('HighLevel')).toEqual([
			expect.objectContaining({ id: sent.messageId, messageType: 'TYPE_EMAIL', contentType: 'text/html' }),
		]);
	});

	describe('local errors before any request', () => {
		const grace = () => contact('grace@example.com');
		const cases: Array<[string, IDataObject, string, string]> = [
			['an e-mail whose subject expression is empty', { channel: 'Email', subject: '={{ "" }}', html: '<p>x</p>' }, 'Invalid Subject', 'an e-mail needs a subject'],
			['an e-mail without body', { channel: 'Email', subject: 'Hi' }, 'Invalid HTML', 'fill in HTML or Plain Text'],
			['an SMS without text', { channel: 'SMS', message: '  ' }, 'Invalid Message', 'a SMS message needs text'],
			['a CC that is not an address', { channel: 'Email', subject: 'Hi', message: 'x', emailOptions: { emailCc: 'a@b.co, nope' } }, 'Invalid CC', '"nope" is not an e-mail address'],
			['a scheduled time in the past', { channel: 'SMS', message: 'x', options: { scheduledAt: '2020-01-01T10:00:00Z' } }, 'Invalid Schedule At', 'is in the past'],
			['an attachment URL that is not http(s)', { channel: 'SMS', message: 'x', options: { attachmentUrls: 'ftp://x/y.png' } }, 'Invalid Attachment URLs', 'not an http(s) URL'],
			['a missing binary property', { channel: 'SMS', message: 'x', options: { binaryProperties: 'data' } }, 'Invalid attachment: the input item has no binary property "data". Name the property that holds the file (e.g. data), as shown in the input\'s Binary tab.', 'Attachments From Binary Data'],
		];
		it.each(cases)('%s', async (_label, parameters, message, description) => {
			const before = operationCounts(sandbox);
			const result = await run({ resource: 'message', operation: 'send', contactId: byId(grace().id), ...parameters });
			const [error] = result.errors('HighLevel');
			expect(error.message).toBe(message);
			expect(error.description).toContain(description);
			expect(operationsSince(sandbox, before)).toEqual({});
		});
	});

	it('Send scheduled, then Cancel Scheduled / Cancel Scheduled Email: scheduledTimestamp in seconds, no event until sent, the message is gone after cancelling', async () => {
		const alan = contact('alan@example.com');
		const at = new Date(Date.now() + 3 * 86_400_000);
		at.setUTCMilliseconds(0);
		const sms = await run({
			resource: 'message',
			operation: 'send',
			contactId: byId(alan.id),
			channel: 'SMS',
			message: 'Reminder',
			options: { scheduledAt: at.toISOString() },
		});
		expect(lastBody('POST', '/conversations/messages').scheduledTimestamp).toBe(at.getTime() / 1000);
		const [scheduled] = sms.output('HighLevel');
		expect(messages().get(String(scheduled.messageId))?.status).toBe('scheduled');
		const email = await run({
			resource: 'message',
			operation: 'send',
			contactId: byId(alan.id),
			channel: 'Email',
			subject: 'Later',
			message: 'Later',
			options: { scheduledAt: at.toISOString() },
		});
		const [scheduledEmail] = email.output('HighLevel');
		expect((await eventsOf('OutboundMessage')).filter((e) => e.contactId === alan.id)).toEqual([]);

		const cancelled = await run({ resource: 'message', operation: 'cancelScheduled', messageId: byId(String(scheduled.messageId)) });
		expect(cancelled.output('HighLevel')).toEqual([expect.objectContaining({ status: 200, message: 'Scheduled message cancelled' })]);
		expect(messages().has(String(scheduled.messageId))).toBe(false);
		const cancelledEmail = await run({ resource: 'message', operation: 'cancelScheduledEmail', emailMessageId: scheduledEmail.emailMessageId });
		expect(cancelledEmail.status).toBe('success');
		expect(messages().has(String(scheduledEmail.messageId))).toBe(false);
		expect(proxy.to('DELETE', `/conversations/messages/email/${String(scheduledEmail.emailMessageId)}/schedule`)).toHaveLength(1);
	});

	it('Get Many of a conversation with Return All reads 250 messages over 3 pages with lastMessageId, newest first', async () => {
		const linus = contact('linus@example.com');
		const conversation = addConversation(sandbox.store.location(), 'convLinus00001', linus.id, Date.UTC(2025, 2, 1));
		for (let i = 0; i < 250; i++) {
			const record: MessageRecord = {
				id: `msgLinus${String(i).padStart(6, '0')}`,
				type: 2,
				messageType: i % 2 ? 'TYPE_SMS' : 'TYPE_EMAIL',
				locationId: sandbox.locationId,
				contactId: linus.id,
				conversationId: conversation.id,
				dateAdded: new Date(Date.UTC(2025, 1, 1) + i * 60_000).toISOString(),
				body: `Message ${i}`,
				direction: 'inbound',
				status: 'delivered',
				contentType: 'text/plain',
				attachments: [],
			};
			messages().set(record.id, record);
		}
		const before = operationCounts(sandbox);
		const result = await run({ resource: 'message', operation: 'getAll', conversationId: byId(conversation.id), returnAll: true });
		const out = result.output('HighLevel');
		expect(out).toHaveLength(250);
		expect(new Set(out.map((m) => m.id)).size).toBe(250);
		expect(out[0].id).toBe('msgLinus000249');
		expect(operationsSince(sandbox, before)).toEqual({ 'get-messages': 3 });
		const pages = proxy.to('GET', `/conversations/${conversation.id}/messages`);
		expect(pages.map((p) => p.query.lastMessageId)).toEqual([undefined, 'msgLinus000150', 'msgLinus000050']);

		const sms = await run({
			resource: 'message',
			operation: 'getAll',
			conversationId: byId(conversation.id),
			returnAll: false,
			limit: 3,
			filters: { type: 'TYPE_SMS' },
		});
		expect(sms.output('HighLevel').map((m) => m.id)).toEqual(['msgLinus000249', 'msgLinus000247', 'msgLinus000245']);
		expect(proxy.to('GET', `/conversations/${conversation.id}/messages`).pop()?.query).toEqual({ type: 'TYPE_SMS', limit: '3' });
	});

	it('Add Inbound (custom provider) finds the contact\'s conversation; Add Outbound logs a call; Update Status changes the status', async () => {
		const margaret = contact('margaret@example.com');
		const conversation = addConversation(sandbox.store.location(), 'convMarg000001', margaret.id, Date.UTC(2025, 3, 1));
		const inbound = await run({
			resource: 'message',
			operation: 'addInbound',
			contactId: byId(margaret.id),
			channel: 'Custom',
			conversationProviderId: 'provider00001',
			message: 'Is Tuesday fine?',
			options: { altId: 'ext-1', date: '2025-04-02T09:30:00Z' },
		});
		expect(inbound.status).toBe('success');
		expect(lastBody('POST', '/conversations/messages/inbound')).toEqual({
			type: 'Custom',
			contactId: margaret.id,
			conversationProviderId: 'provider00001',
			message: 'Is Tuesday fine?',
			altId: 'ext-1',
			date: '2025-04-02T09:30:00.000Z',
			conversationId: conversation.id,
		});
		const [added] = inbound.output('HighLevel');
		expect(messages().get(String(added.messageId))).toMatchObject({ direction: 'inbound', conversationId: conversation.id });
		expect(conversation.unreadCount).toBe(1);
		expect((await eventsOf('InboundMessage')).map((e) => e.messageId)).toContain(added.messageId);

		const outbound = await run({
			resource: 'message',
			operation: 'addOutbound',
			contactId: byId(margaret.id),
			conversationProviderId: 'provider00001',
			callStatus: 'completed',
			callFrom: '+15550001111',
			callTo: '+15550002222',
			options: { conversationId: byId(conversation.id) },
		});
		expect(lastBody('POST', '/conversations/messages/outbound')).toEqual({
			type: 'Call',
			conversationProviderId: 'provider00001',
			call: { status: 'completed', from: '+15550001111', to: '+15550002222' },
			conversationId: conversation.id,
		});
		const [call] = outbound.output('HighLevel');
		expect(messages().get(String(call.messageId))).toMatchObject({ messageType: 'TYPE_CALL', direction: 'outbound' });

		const status = await run({ resource: 'message', operation: 'updateStatus', messageId: byId(String(added.messageId)), status: 'read' });
		expect(status.output('HighLevel')).toEqual([expect.objectContaining({ messageId: added.messageId, status: 'read' })]);
		expect(lastBody('PUT', `/conversations/messages/${String(added.messageId)}/status`)).toEqual({ status: 'read' });
		expect(messages().get(String(added.messageId))?.status).toBe('read');
	});
});
