/**
 * The `webhookId` memory: kept for the time a repeat could pass the timestamp check, compact, capped in bytes.
 */
import {
	createWebhookIdMemory,
	DEDUP_CLOCK_ALLOWANCE_MS,
	DEDUP_ENTRY_CHARS,
	DEDUP_MAX_BYTES,
	DEDUP_MAX_ENTRIES,
	DEDUP_UNCHECKED_TTL_MS,
	hasWebhookId,
	mergeWebhookIdEntries,
	parseWebhookIdText,
	rememberWebhookId,
	webhookIdExpiry,
	webhookIdKey,
} from '../../../nodes/GoHighLevelTrigger/shared/dedup';
import { checkTimestamp } from '../../../nodes/GoHighLevelTrigger/shared/verify';

const NOW = 1_800_000_000_000;
const WINDOW = 5 * 60_000;

describe('webhookIdExpiry', () => {
	it('is the timestamp + window + clock allowance when the timestamp is checked', () => {
		expect(webhookIdExpiry(NOW - 60_000, NOW, WINDOW)).toBe(
			NOW - 60_000 + WINDOW + DEDUP_CLOCK_ALLOWANCE_MS,
		);
		expect(webhookIdExpiry(NOW + WINDOW, NOW, WINDOW)).toBe(
			NOW + 2 * WINDOW + DEDUP_CLOCK_ALLOWANCE_MS,
		);
	});

	it('outlasts every moment a repeat of the delivery passes the timestamp check', () => {
		for (const offset of [-WINDOW, -1, 0, 1, WINDOW]) {
			const timestamp = NOW + offset;
			const expiry = webhookIdExpiry(timestamp, NOW, WINDOW);
			// The last moment checkTimestamp accepts this timestamp:
			const lastAccepted = timestamp + WINDOW;
			expect(checkTimestamp(timestamp, lastAccepted, WINDOW)).toEqual({ ok: true });
			expect(checkTimestamp(timestamp, lastAccepted + 1, WINDOW).ok).toBe(false);
			expect(expiry).toBeGreaterThanOrEqual(lastAccepted);
		}
	});

	it('falls back to the redelivery span when no timestamp is checked', () => {
		expect(webhookIdExpiry(undefined, NOW, WINDOW)).toBe(NOW + DEDUP_UNCHECKED_TTL_MS);
		expect(webhookIdExpiry(NOW, NOW, 0)).toBe(NOW + DEDUP_UNCHECKED_TTL_MS);
	});
});

describe('rememberWebhookId / hasWebhookId', () => {
	it('says new the first time and duplicate until the expiry, then forgets the id', () => {
		const memory = createWebhookIdMemory();
		const expiry = NOW + 60_000;
		expect(hasWebhookId(memory, 'abc123xyz', NOW)).toBe(false);
		expect(rememberWebhookId(memory, 'abc123xyz', expiry, NOW)).toBe('new');
		expect(hasWebhookId(memory, 'abc123xyz', NOW + 1)).toBe(true);
		expect(rememberWebhookId(memory, 'abc123xyz', expiry + 99_000, NOW + 2)).toBe('duplicate');
		expect(hasWebhookId(memory, 'abc123xyz', expiry)).toBe(true);
		expect(hasWebhookId(memory, 'abc123xyz', expiry + 1_000)).toBe(false);
		expect(memory.entries.size).toBe(0);
		expect(memory.text).toBe('');
		expect(rememberWebhookId(memory, 'abc123xyz', expiry + 60_000, expiry + 1_000)).toBe('new');
	});

	it('drops expired entries as time passes, not by count', () => {
		const memory = createWebhookIdMemory();
		for (let i = 0; i < 2_000; i++) rememberWebhookId(memory, `a-${i}`, NOW + 10_000, NOW);
		for (let i = 0; i < 2_000; i++) rememberWebhookId(memory, `b-${i}`, NOW + 20_000, NOW + 1);
		expect(memory.entries.size).toBe(4_000);
		expect(hasWebhookId(memory, 'a-0', NOW + 10_000)).toBe(true);
		expect(hasWebhookId(memory, 'b-0', NOW + 11_000)).toBe(true);
		expect(memory.entries.size).toBe(2_000);
		expect(hasWebhookId(memory, 'a-0', NOW + 11_000)).toBe(false);
		expect(memory.text).toHaveLength(2_000 * DEDUP_ENTRY_CHARS);
	});

	it('stores a fixed 23-character entry per id, with no part of the id itself', () => {
		const memory = createWebhookIdMemory();
		const long = 'z'.repeat(10_000);
		rememberWebhookId(memory, long, NOW + 1_000, NOW);
		rememberWebhookId(memory, 'secret-looking-id', NOW + 1_000, NOW);
		expect(memory.text).toHaveLength(2 * DEDUP_ENTRY_CHARS);
		expect(memory.text).not.toContain('secret');
		expect(memory.text.startsWith(webhookIdKey(long))).toBe(true);
		expect(rememberWebhookId(memory, long, NOW + 1_000, NOW)).toBe('duplicate');
	});

	it('does not store empty ids', () => {
		const memory = createWebhookIdMemory();
		expect(rememberWebhookId(memory, '', NOW + 1_000, NOW)).toBe('new');
		expect(rememberWebhookId(memory, '', NOW + 1_000, NOW)).toBe('new');
		expect(memory.entries.size).toBe(0);
	});

	it(`holds at most ${DEDUP_MAX_BYTES} bytes, dropping the ids added first and counting them`, () => {
		expect(DEDUP_MAX_ENTRIES * DEDUP_ENTRY_CHARS).toBeLessThanOrEqual(DEDUP_MAX_BYTES);
		// The stated figure: 100 executions per second for the longest the default window keeps an id.
		expect(DEDUP_MAX_ENTRIES).toBeGreaterThanOrEqual(
			100 * ((2 * WINDOW + DEDUP_CLOCK_ALLOWANCE_MS) / 1000),
		);
		const memory = createWebhookIdMemory();
		for (let i = 0; i < DEDUP_MAX_ENTRIES + 5; i++) {
			rememberWebhookId(memory, `id-${i}`, NOW + 600_000, NOW);
		}
		expect(memory.entries.size).toBe(DEDUP_MAX_ENTRIES);
		expect(Buffer.byteLength(memory.text)).toBeLessThanOrEqual(DEDUP_MAX_BYTES);
		expect(memory.dropped).toBe(5);
		expect(hasWebhookId(memory, 'id-4', NOW)).toBe(false);
		expect(hasWebhookId(memory, 'id-5', NOW)).toBe(true);
	});
});

describe('stored text', () => {
	it('round-trips through parse and merge, skipping expired and malformed entries', () => {
		const memory = createWebhookIdMemory();
		rememberWebhookId(memory, 'a', NOW + 1_000, NOW);
		rememberWebhookId(memory, 'b', NOW + 60_000, NOW);
		const later = parseWebhookIdText(memory.text, NOW + 30_000);
		expect(later.map(([key]) => key)).toEqual([webhookIdKey('b')]);

		const copy = createWebhookIdMemory();
		expect(mergeWebhookIdEntries(copy, parseWebhookIdText(memory.text, NOW))).toBe(2);
		expect(copy.text).toBe(memory.text);
		expect(mergeWebhookIdEntries(copy, parseWebhookIdText(memory.text, NOW))).toBe(0);
		expect(hasWebhookId(copy, 'b', NOW)).toBe(true);

		expect(parseWebhookIdText('junk', NOW)).toEqual([]);
		expect(parseWebhookIdText(undefined, NOW)).toEqual([]);
		expect(parseWebhookIdText('!'.repeat(DEDUP_ENTRY_CHARS), NOW)).toEqual([]);
	});
});
