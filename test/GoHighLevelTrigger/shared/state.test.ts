/**
 * The trigger's static data: subscription comparison and the bounded `webhookId` memory.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	clearState,
	DEDUP_MAX_IDS,
	DEDUP_MIN_TTL_MS,
	dedupOptions,
	isSameSubscription,
	loadWebhookIdMemory,
	saveWebhookIdMemory,
	STATE_KEYS,
	storeSubscription,
	subscriptionKey,
} from '../../../nodes/GoHighLevelTrigger/shared/state';
import type { TriggerSettings } from '../../../nodes/GoHighLevelTrigger/shared/settings';
import { rememberWebhookId } from '../../../nodes/GoHighLevelTrigger/shared/verify';

const SETTINGS: TriggerSettings = {
	source: 'marketplace',
	events: ['OpportunityStageUpdate', 'ContactCreate'],
	location: 'credential',
	timestampWindowMs: 300_000,
	ed25519PublicKeys: [],
	rsaPublicKeys: [],
	includeFullRecord: false,
	sharedSecret: '',
	secretHeaderName: 'x-webhook-secret',
	skipVerification: false,
};

describe('subscription', () => {
	it('stores the key with createdAt and recognises it again', () => {
		const staticData: IDataObject = {};
		const key = subscriptionKey(SETTINGS, 'https://n8n.test/webhook/x/webhook', 'loc-1');
		storeSubscription(staticData, key, new Date('2026-01-02T03:04:05.000Z'));
		expect(staticData[STATE_KEYS.subscription]).toEqual({
			webhookUrl: 'https://n8n.test/webhook/x/webhook',
			events: ['ContactCreate', 'OpportunityStageUpdate'],
			location: 'credential',
			locationId: 'loc-1',
			source: 'marketplace',
			createdAt: '2026-01-02T03:04:05.000Z',
		});
		expect(isSameSubscription(staticData[STATE_KEYS.subscription], key)).toBe(true);
	});

	it('differs on URL, events, location mode, location id and source; tolerates junk', () => {
		const key = subscriptionKey(SETTINGS, 'u', 'loc-1');
		const stored = { ...key, createdAt: 'x' };
		expect(isSameSubscription(stored, { ...key, webhookUrl: 'v' })).toBe(false);
		expect(isSameSubscription(stored, { ...key, events: ['ContactCreate'] })).toBe(false);
		expect(isSameSubscription(stored, { ...key, location: 'any' })).toBe(false);
		expect(isSameSubscription(stored, { ...key, locationId: 'loc-2' })).toBe(false);
		expect(isSameSubscription(stored, { ...key, source: 'workflow' })).toBe(false);
		for (const junk of [undefined, null, 'x', {}, { ...key, events: 'ContactCreate' }]) {
			expect(isSameSubscription(junk, key)).toBe(false);
		}
	});

	it('does not record a location id for Any Location', () => {
		expect(
			subscriptionKey({ ...SETTINGS, location: 'any' }, 'u', 'loc-1').locationId,
		).toBeUndefined();
	});
});

describe('webhookId memory', () => {
	it('keeps ids for the longer of 2 hours and twice the window', () => {
		expect(dedupOptions(5 * 60_000)).toEqual({ max: DEDUP_MAX_IDS, ttlMs: DEDUP_MIN_TTL_MS });
		expect(dedupOptions(0).ttlMs).toBe(DEDUP_MIN_TTL_MS);
		expect(dedupOptions(3 * 60 * 60_000).ttlMs).toBe(6 * 60 * 60_000);
	});

	it('stays bounded across many deliveries saved to and loaded from static data', () => {
		const staticData: IDataObject = {};
		const now = 1_800_000_000_000;
		for (let i = 0; i < DEDUP_MAX_IDS + 25; i++) {
			const memory = loadWebhookIdMemory(staticData);
			expect(rememberWebhookId(memory, `id-${i}`, now + i, dedupOptions(300_000))).toBe('new');
			saveWebhookIdMemory(staticData, memory);
		}
		const memory = loadWebhookIdMemory(staticData);
		expect(memory.ids).toHaveLength(DEDUP_MAX_IDS);
		expect(memory.ids[0]).toBe('id-25');
		expect(
			rememberWebhookId(memory, `id-${DEDUP_MAX_IDS + 24}`, now + 1_000, dedupOptions(300_000)),
		).toBe('duplicate');
	});

	it('loads a fresh memory from junk, and clearState removes memory and subscription', () => {
		const staticData: IDataObject = { [STATE_KEYS.webhookIds]: 'junk', other: 1 };
		expect(loadWebhookIdMemory(staticData)).toEqual({ ids: [], times: [] });
		storeSubscription(staticData, subscriptionKey(SETTINGS, 'u', 'l'), new Date());
		clearState(staticData);
		expect(staticData).toEqual({ other: 1 });
	});
});
