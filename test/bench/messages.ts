/**
 * (f) of `npm run bench`: bulk SMS sends (Message → Send, conversations.json `send-a-new-message`) under HighLevel's
 * real burst limit. Each item sends one SMS to its own contact; a send is a POST, never re-sent after an ambiguous
 * failure, only after a 429 (nodes/GoHighLevel/shared/transport.ts), so the figures count duplicates as well as
 * failures. Prints nothing itself; bench.ts formats the figures.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RateLimitConfig } from '../sandbox';
import { activityOf } from '../sandbox/activity';
import { freshSandbox, runNode } from '../engine/GoHighLevel/helpers';

/** Settings of (f). */
export interface SmsBenchConfig {
	/** Sandbox burst limit (FACTS.md 4: 100 / 10 s). */
	rateLimit: RateLimitConfig;
	/** Added latency per HighLevel request, ms. */
	latencyMs: number;
	/** SMS sent in one node run, one contact each. */
	sends: number;
}

/** The full run: 1,000 sends at 100 / 10 s with 150 ms latency. */
export const SMS_FULL: SmsBenchConfig = { rateLimit: { max: 100, intervalMs: 10_000, daily: 200_000 }, latencyMs: 150, sends: 1000 };

/** `--quick`: the limit scaled to one second, 300 sends. */
export const SMS_QUICK: SmsBenchConfig = { ...SMS_FULL, rateLimit: { ...SMS_FULL.rateLimit, intervalMs: 1000 }, sends: 300 };

/** Figures of (f). Times in ms. */
export interface SmsFigures {
	requested: number;
	/** Messages the sandbox stored for the bench contacts. */
	sent: number;
	wallMs: number;
	/** send-a-new-message requests received by the sandbox (429-refused ones included). */
	sendRequests: number;
	requests: number;
	rateLimited: number;
	/** Items the node returned with an error (continue on fail). */
	failures: number;
	/** Messages stored more than once for the same item (same text to the same contact). */
	duplicates: number;
	maxConcurrent: number;
	invalidRequests: number;
}

/**
 * (f) Sends `config.sends` SMS in one run of the node: `config.sends` generated contacts (seeded, no request), one
 * item per contact with a distinct text, "continue on fail" on so failures are counted.
 */
export async function benchSmsSends(config: SmsBenchConfig): Promise<SmsFigures> {
	const sandbox = await freshSandbox({ rateLimit: config.rateLimit, latencyMs: config.latencyMs });
	try {
		sandbox.seedContacts(config.sends, { tags: ['bench-sms'] });
		const contacts = [...sandbox.store.location().contacts.values()].filter((c) => c.tags.includes('bench-sms'));
		const items: IDataObject[] = contacts.map((c, i) => ({ contactId: c.id, text: `Bench SMS ${i + 1}` }));
		const started = Date.now();
		const result = await runNode(
			sandbox,
			{
				resource: 'message',
				operation: 'send',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
				channel: 'SMS',
				message: '={{ $json.text }}',
			},
			{ items, continueOnFail: true },
		);
		const wallMs = Date.now() - started;
		const ids = new Set(contacts.map((c) => c.id));
		const stored = [...activityOf(sandbox.store.location()).messages.values()].filter((m) => ids.has(m.contactId));
		const distinct = new Set(stored.map((m) => `${m.contactId}|${m.body}`)).size;
		return {
			requested: config.sends,
			sent: stored.length,
			wallMs,
			sendRequests: sandbox.stats.byOperation['send-a-new-message'] ?? 0,
			requests: sandbox.stats.requests,
			rateLimited: sandbox.stats.rateLimited,
			failures: result.status === 'success' ? result.errors('HighLevel').length : config.sends,
			duplicates: stored.length - distinct,
			maxConcurrent: sandbox.stats.maxConcurrent,
			invalidRequests: sandbox.stats.invalidRequests.length,
		};
	} finally {
		await sandbox.close();
	}
}
