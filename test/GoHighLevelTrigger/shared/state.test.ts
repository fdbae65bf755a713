/**
 * The trigger's static data: subscription comparison and the `webhookId` memory kept there and in the process.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	createWebhookIdMemory,
	DEDUP_ENTRY_CHARS,
	DEDUP_UNCHECKED_TTL_MS,
	hasWebhookId,
	rememberWebhookId,
} from '../../../nodes/GoHighLevelTrigger/shared/dedup';
import {
	clearState,
	forgetWebhookIdMemory,
	isSameSubscription,
	saveWebhookIdMemory,
	STATE_KEYS,
	storedWebhookIdEntries,
	storeSubscription,
	subscriptionKey,
	webhookIdMemoryFor,
} from '../../../nodes/GoHighLevelTrigger/shared/state';
import type { TriggerSettings } from '../../../nodes/GoHighLevelTrigger/shared/settings';

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

describe('webhookId memory in static data', () => {
	const NOW = 1_800_000_000_000;
	let counter = 0;
	const freshKey = () => `workflow-${++counter}:node`;

	it('is saved compactly, only when it changed, and survives a new process (empty live memory)', () => {
		const staticData: IDataObject = {};
		const key = freshKey();
		const memory = webhookIdMemoryFor(key, staticData, NOW);
		saveWebhookIdMemory(staticData, memory);
		expect(staticData).toEqual({});

		rememberWebhookId(memory, 'id-1', NOW + 60_000, NOW);
		saveWebhookIdMemory(staticData, memory);
		const stored = staticData[STATE_KEYS.webhookIds] as { v: number; ids: string };
		expect(stored).toEqual({ v: 2, ids: memory.text });
		expect(stored.ids).toHaveLength(DEDUP_ENTRY_CHARS);

		saveWebhookIdMemory(staticData, memory);
		expect(staticData[STATE_KEYS.webhookIds]).toBe(stored);

		forgetWebhookIdMemory(key);
		const reloaded = webhookIdMemoryFor(key, structuredClone(staticData), NOW + 1_000);
		expect(hasWebhookId(reloaded, 'id-1', NOW + 1_000)).toBe(true);
		expect(hasWebhookId(reloaded, 'id-1', NOW + 61_000)).toBe(false);
	});

	it("merges ids another process saved into this process's live memory", () => {
		const key = freshKey();
		const ours = webhookIdMemoryFor(key, {}, NOW);
		rememberWebhookId(ours, 'ours', NOW + 60_000, NOW);
		const theirs = createWebhookIdMemory();
		rememberWebhookId(theirs, 'theirs', NOW + 60_000, NOW);
		const staticData: IDataObject = {};
		saveWebhookIdMemory(staticData, theirs);
		const merged = webhookIdMemoryFor(key, staticData, NOW + 1);
		expect(merged).toBe(ours);
		expect(hasWebhookId(merged, 'theirs', NOW + 1)).toBe(true);
		expect(hasWebhookId(merged, 'ours', NOW + 1)).toBe(true);
	});

	it('reads the memory of earlier releases ({ ids, times }) for the time they kept ids', () => {
		const staticData: IDataObject = {
			[STATE_KEYS.webhookIds]: {
				ids: ['old-1', 'old-2', 7],
				times: [NOW - 1_000, NOW - DEDUP_UNCHECKED_TTL_MS - 5_000, NOW],
			},
		};
		const entries = storedWebhookIdEntries(staticData, NOW);
		expect(entries).toHaveLength(1);
		const memory = webhookIdMemoryFor(freshKey(), staticData, NOW);
		expect(hasWebhookId(memory, 'old-1', NOW)).toBe(true);
		expect(hasWebhookId(memory, 'old-2', NOW)).toBe(false);
	});

	it('loads nothing from junk, and clearState removes memory and subscription', () => {
		const staticData: IDataObject = { [STATE_KEYS.webhookIds]: 'junk', other: 1 };
		expect(storedWebhookIdEntries(staticData, NOW)).toEqual([]);
		expect(storedWebhookIdEntries({ [STATE_KEYS.webhookIds]: { v: 2, ids: 'x' } }, NOW)).toEqual(
			[],
		);
		storeSubscription(staticData, subscriptionKey(SETTINGS, 'u', 'l'), new Date());
		clearState(staticData);
		expect(staticData).toEqual({ other: 1 });
	});
});
