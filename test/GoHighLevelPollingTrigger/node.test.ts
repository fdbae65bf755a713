import type { IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

import { GoHighLevelPollingTrigger } from '../../nodes/GoHighLevelPollingTrigger/GoHighLevelPollingTrigger.node';
import { activePoll, manualPoll, STATE_KEY } from '../../nodes/GoHighLevelPollingTrigger/shared/poll';
import { contactItem, messageItem, opportunityItem, webhookMessageType } from '../../nodes/GoHighLevelPollingTrigger/shared/sources';
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
				'inboundMessage',
				'noteCreated',
				'opportunityCreated',
				'opportunityStageChanged',
				'opportunityStatusChanged',
				'taskCreated',
			].sort(),
		);
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
	it('asks for records at or after the watermark, sorted ascending, and starts over when the event changes', async () => {
		const now = Date.UTC(2026, 0, 5, 12);
		const poll = fakePoll({ event: 'contactUpdated', options: { lookbackSeconds: 30 } }, () => ({ contacts: [], total: 0 }));
		expect(await activePoll(poll.ctx, now)).toBeNull();
		const state = poll.staticData[STATE_KEY] as IDataObject;
		expect((state.watermark as IDataObject).since).toBe(now - 30_000);
		const search = poll.requests.at(-1)?.body as IDataObject;
		expect(search).toMatchObject({
			locationId: LOCATION_ID,
			filters: [{ field: 'dateUpdated', operator: 'range', value: { gte: new Date(now - 30_000).toISOString() } }],
			sort: [{ field: 'dateUpdated', direction: 'asc' }],
		});
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
