import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import type { IDataObject, IHttpRequestOptions, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import { GoHighLevelPollingTrigger } from '../../nodes/GoHighLevelPollingTrigger/GoHighLevelPollingTrigger.node';
import { activePoll, manualPoll, STATE_KEY } from '../../nodes/GoHighLevelPollingTrigger/shared/poll';
import {
	contactItem,
	messageItem,
	opportunityItem,
	PROBE_PAGE_SIZE,
	webhookMessageType,
} from '../../nodes/GoHighLevelPollingTrigger/shared/sources';
import { rateLimiter } from '../../nodes/GoHighLevel/shared/rateLimiter';
import { BASE_URL, LOCATION_ID, pitCredentials, testNode } from '../GoHighLevel/helpers';

/** A poll context whose HTTP answers come from `reply`; records requests and static-data reads. */
function fakePoll(parameters: IDataObject, reply: (options: IHttpRequestOptions) => IDataObject) {
	const requests: IHttpRequestOptions[] = [];
	const staticData: IDataObject = {};
	let staticReads = 0;
	const ctx = {
		getNode: () => ({ ...testNode, type: 'n8n-nodes-gohighlevel.goHighLevelPollingTrigger' }),
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => pitCredentials(),
		getMode: () => 'trigger',
		getWorkflowStaticData: () => {
			staticReads++;
			return staticData;
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				requests.push(options);
				return { statusCode: 200, headers: {}, body: reply(options) };
			},
		},
	} as unknown as IPollFunctions;
	return { ctx, requests, staticData, staticReads: () => staticReads };
}

const contact = (id: string, added: string, updated = added): IDataObject => ({
	id,
	locationId: LOCATION_ID,
	firstName: 'Ada',
	lastName: 'Lovelace',
	type: 'lead',
	address: '1 Main St',
	dateOfBirth: Date.UTC(1990, 0, 2),
	dateAdded: added,
	dateUpdated: updated,
	searchAfter: [Date.parse(added), id],
});

beforeEach(() => rateLimiter.reset());

describe('GoHighLevelPollingTrigger description', () => {
	const { description } = new GoHighLevelPollingTrigger();
	it('is a polling trigger with both credentials and the event parameter', () => {
		expect(description).toMatchObject({ name: 'goHighLevelPollingTrigger', polling: true, inputs: [], group: ['trigger'] });
		expect(description.credentials?.map((c) => c.name)).toEqual(['goHighLevelPrivateIntegrationTokenApi', 'goHighLevelOAuth2Api']);
		const event = description.properties.find((p) => p.name === 'event');
		expect(event?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
			[
				'appointmentCreated',
				'contactCreated',
				'contactUpdated',
				'formSubmitted',
				'inboundMessage',
				'invoicePaid',
				'noteCreated',
				'opportunityCreated',
				'opportunityStageChanged',
				'opportunityStatusChanged',
				'orderCreated',
				'surveySubmitted',
				'taskCreated',
				'transactionCreated',
			].sort(),
		);
	});

	it('gives every event an action for the node creator, each once and without doubled words', () => {
		const event = description.properties.find((p) => p.name === 'event')!;
		const options = event.options as INodePropertyOptions[];
		const actions = options.map((o) => o.action);
		for (const action of actions) {
			expect(action).toMatch(/^On [a-z]/);
			const words = action!.split(' ');
			expect(words.length).toBe(new Set(words).size);
		}
		expect(new Set(actions).size).toBe(options.length);
		expect(options.find((o) => o.value === 'contactCreated')!.action).toBe('On new contact');
		expect(description.description).toMatch(/^Starts the workflow on HighLevel changes/);
	});

	it('refers to Poll Times by name (n8n puts it above every parameter) and links without a #fragment', () => {
		// n8n's node loader puts Poll Times before the node's own parameters (commonPollingParameters, unshift).
		expect(commonPollingParameters[0].name).toBe('pollTimes');
		const notice = description.properties.find((p) => p.type === 'notice')!;
		expect(notice.displayName).not.toMatch(/below/);
		expect(notice.displayName).toMatch(/Poll Times/);
		const links = JSON.stringify(description).match(/https?:\/\/[^\s"'<>\\]+/g) ?? [];
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link).not.toContain('#');
		expect(notice.displayName).toMatch(/README, section "The GoHighLevel Polling Trigger"/);
	});
});

describe('manualPoll', () => {
	it('returns the newest few records, oldest first, and never reads or writes static data', async () => {
		const list = Array.from({ length: 8 }, (_, i) => contact(`c${i}`, new Date(Date.UTC(2026, 0, 1, 0, 8 - i)).toISOString()));
		const poll = fakePoll({ event: 'contactCreated' }, () => ({ contacts: list, total: list.length }));
		const result = await manualPoll(poll.ctx, Date.now());
		expect(result?.[0].map((i) => i.json.id)).toEqual(['c4', 'c3', 'c2', 'c1', 'c0']);
		expect(poll.staticReads()).toBe(0);
		expect(poll.requests[0]).toMatchObject({ method: 'POST', url: '/contacts/search', baseURL: BASE_URL });
		expect(poll.requests[0].body).toMatchObject({ sort: [{ field: 'dateAdded', direction: 'desc' }] });
	});
});

describe('activePoll', () => {
	it('reads contacts newest first with no date range filter, one small page when nothing is new', async () => {
		const now = Date.UTC(2026, 0, 5, 12);
		const poll = fakePoll({ event: 'contactUpdated', options: { lookbackSeconds: 30 } }, () => ({ contacts: [], total: 0 }));
		expect(await activePoll(poll.ctx, now)).toBeNull();
		const state = poll.staticData[STATE_KEY] as IDataObject;
		expect((state.watermark as IDataObject).since).toBe(now - 30_000);
		const search = poll.requests.at(-1)?.body as IDataObject;
		expect(search).toEqual({
			locationId: LOCATION_ID,
			sort: [{ field: 'dateUpdated', direction: 'desc' }],
			pageLimit: PROBE_PAGE_SIZE,
		});
	});

	it('New Contact pages on from the probe page only while contacts are newer than the watermark', async () => {
		const now = Date.UTC(2026, 0, 5, 12);
		// 60 contacts, one second apart, newest first; the 20 oldest exist at activation, the 40 newest come later.
		const all = Array.from({ length: 60 }, (_, i) => contact(`c${String(i).padStart(2, '0')}`, new Date(now - i * 1000).toISOString()));
		let visible = all.slice(40);
		const bodies: IDataObject[] = [];
		const poll = fakePoll({ event: 'contactCreated', options: { lookbackSeconds: 0 } }, (options) => {
			const body = options.body as IDataObject & { searchAfter?: unknown[]; pageLimit: number };
			bodies.push(body);
			const after = body.searchAfter ? visible.findIndex((c) => c.id === body.searchAfter![1]) + 1 : 0;
			return { contacts: visible.slice(after, after + body.pageLimit), total: visible.length };
		});
		expect(await activePoll(poll.ctx, now - 39_500)).toBeNull();
		visible = all;
		bodies.length = 0;
		const items = (await activePoll(poll.ctx, now + 1_000))?.[0] ?? [];
		expect(items.map((i) => i.json.id)).toEqual(all.slice(0, 40).map((c) => c.id).reverse());
		expect(bodies.map((b) => b.pageLimit)).toEqual([PROBE_PAGE_SIZE, 500]);
		expect(bodies[1].searchAfter).toEqual(all[PROBE_PAGE_SIZE - 1].searchAfter);
		expect(bodies.every((b) => b.filters === undefined)).toBe(true);
	});

	it('fails clearly when the first poll shows HighLevel misreads the startDate of the message export', async () => {
		const now = Date.UTC(2026, 0, 5, 12);
		const message = { id: 'm1', direction: 'inbound', messageType: 'TYPE_SMS', dateAdded: new Date(now - 3_600_000).toISOString(), body: 'hi' };
		const misread = fakePoll({ event: 'inboundMessage' }, (options) => {
			const qs = options.qs as IDataObject;
			// A server that reads startDate in another format: the filtered export matches nothing.
			return { messages: qs.startDate === undefined && qs.channel === undefined ? [message] : [], nextCursor: null };
		});
		await expect(activePoll(misread.ctx, now)).rejects.toThrow(/startDate \(ISO 8601\) of GET \/conversations\/messages\/export/);
		expect(misread.staticData[STATE_KEY]).toBeUndefined();

		const honoured = fakePoll({ event: 'inboundMessage' }, (options) => {
			const qs = options.qs as IDataObject;
			const since = qs.startDate === undefined ? -Infinity : Date.parse(String(qs.startDate));
			const list = qs.channel === undefined && Date.parse(message.dateAdded) >= since ? [message] : [];
			return { messages: list, nextCursor: null };
		});
		expect(await activePoll(honoured.ctx, now)).toBeNull();
		expect(honoured.staticData[STATE_KEY]).toBeDefined();
	});

	it('Contact Updated skips contacts never updated since creation and keys updates by time', async () => {
		const now = Date.UTC(2026, 0, 5, 12);
		let contacts: IDataObject[] = [];
		const poll = fakePoll({ event: 'contactUpdated' }, () => ({ contacts, total: contacts.length }));
		await activePoll(poll.ctx, now);
		const t1 = new Date(now + 1000).toISOString();
		const t2 = new Date(now + 2000).toISOString();
		contacts = [contact('new', t1), contact('edited', new Date(now - 86_400_000).toISOString(), t1)];
		expect((await activePoll(poll.ctx, now + 60_000))?.[0].map((i) => i.json.id)).toEqual(['edited']);
		contacts = [contact('edited', new Date(now - 86_400_000).toISOString(), t2)];
		expect((await activePoll(poll.ctx, now + 120_000))?.[0].map((i) => i.json.id)).toEqual(['edited']);
		expect(await activePoll(poll.ctx, now + 180_000)).toBeNull();
	});
});

describe('webhook-shaped items', () => {
	it('contacts: ContactCreate fields (address1, ISO dateOfBirth, name, attachments), contact type kept apart, no cursor', () => {
		const item = contactItem('ContactCreate', LOCATION_ID, contact('c1', '2026-01-01T00:00:00.000Z'));
		expect(item).toMatchObject({
			type: 'ContactCreate',
			locationId: LOCATION_ID,
			id: 'c1',
			address1: '1 Main St',
			dateOfBirth: '1990-01-02T00:00:00.000Z',
			name: 'Ada Lovelace',
			attachments: [],
			contactType: 'lead',
		});
		expect(item).not.toHaveProperty('searchAfter');
		expect(item).not.toHaveProperty('address');
	});

	it('opportunities: dateAdded from createdAt', () => {
		const item = opportunityItem('OpportunityStageUpdate', LOCATION_ID, { id: 'o1', createdAt: '2026-01-01T00:00:00.000Z', status: 'open' });
		expect(item).toMatchObject({ type: 'OpportunityStageUpdate', id: 'o1', dateAdded: '2026-01-01T00:00:00.000Z', locationId: LOCATION_ID });
	});

	it('messages: messageType named like the webhook, messageId, numeric type kept apart', () => {
		expect(webhookMessageType('TYPE_SMS')).toBe('SMS');
		expect(webhookMessageType('TYPE_EMAIL')).toBe('Email');
		expect(webhookMessageType('TYPE_CALL')).toBe('CALL');
		const item = messageItem(LOCATION_ID, { id: 'm1', type: 2, messageType: 'TYPE_SMS', direction: 'inbound', body: 'hi' });
		expect(item).toMatchObject({ type: 'InboundMessage', messageId: 'm1', messageType: 'SMS', messageTypeId: 2, attachments: [] });
	});
});
