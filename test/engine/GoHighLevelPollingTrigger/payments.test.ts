import { sleep, type IDataObject } from 'n8n-workflow';

import { addOrders, addTransactions } from '../../sandbox/payments';
import { runWorkflow } from '../harness';
import { STATE_KEY } from '../../../nodes/GoHighLevelPollingTrigger/shared/poll';
import { MANUAL_SAMPLE_SIZE } from '../../../nodes/GoHighLevelPollingTrigger/shared/sources';
import { NODE_NAME, activeTrigger, pollingNode, usePollingSandbox } from './helpers';

const ids = (items: IDataObject[]) => items.map((i) => String(i._id));
const tick = () => sleep(5);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * New Order / New Transaction of the polling trigger over the sandbox (n8n-core PollContext, trigger mode):
 * GET /payments/orders and /payments/transactions with a date window (`startAt` / `endAt`, whole days) read over
 * every `limit` + `offset` page, under the same watermark as every other event.
 */
describe.each([
	['orderCreated', '/payments/orders', 'OrderCreate'],
	['transactionCreated', '/payments/transactions', undefined],
] as const)('Polling trigger %s', (event, path, webhookType) => {
	const { sandbox, proxy, credentials } = usePollingSandbox();

	const location = () => sandbox.store.location();
	/** Adds `count` records created at `at` (default now), one millisecond apart. */
	const add = (count: number, at = Date.now()): string[] => {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			ids.push(...(event === 'orderCreated' ? addOrders(location(), 1, { start: at + i }) : addTransactions(location(), 1, { start: at + i })));
		}
		return ids;
	};
	const pages = () => proxy.to('GET', path);

	it('emits nothing on activation (old records exist), then each new record once across ≥3 pages; nothing repeated, nothing missed', async () => {
		add(5, Date.now() - 3_600_000);
		const trigger = activeTrigger({ event }, credentials);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.staticData()[STATE_KEY]).toBeDefined();

		const created = add(250);
		proxy.requests.length = 0;
		const first = await trigger.poll();
		expect(first).toHaveLength(250);
		expect(new Set(ids(first))).toEqual(new Set(created));
		// Oldest first.
		expect(ids(first)).toEqual(created);
		if (webhookType) expect(first[0]).toMatchObject({ type: webhookType, altId: sandbox.locationId, amount: 49, currency: 'USD' });
		else expect(first[0]).not.toHaveProperty('type');
		const read = pages();
		expect(read.length).toBeGreaterThanOrEqual(3);
		expect(read.map((p) => p.query.offset)).toEqual([undefined, ...read.slice(1).map((_, i) => String((i + 1) * 100))]);
		const now = Date.now();
		for (const p of read) {
			expect(p.query).toMatchObject({ limit: '100', altId: sandbox.locationId, endAt: utcDay(now + 86_400_000) });
			expect(p.query.altType).toBe(event === 'orderCreated' ? undefined : 'location');
			expect(p.query.startAt <= utcDay(now - 86_400_000)).toBe(true);
		}

		expect(await trigger.poll()).toEqual([]);
		await tick();
		const later = add(3);
		expect(ids(await trigger.poll())).toEqual(later);
		expect(await trigger.poll()).toEqual([]);
	});

	it('records sharing one millisecond across polls are each emitted once; a late one within the lookback too', async () => {
		const trigger = activeTrigger({ event }, credentials);
		await trigger.poll();
		const at = Date.now();
		const [a] = add(1, at);
		expect(ids(await trigger.poll())).toEqual([a]);
		const b = event === 'orderCreated' ? addOrders(location(), 1, { start: at }) : addTransactions(location(), 1, { start: at });
		const late = add(1, at - 60_000);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set([...b, ...late]));
		expect(await trigger.poll()).toEqual([]);
	});

	it('a manual run returns the newest few records and leaves the stored state alone', async () => {
		const trigger = activeTrigger({ event }, credentials);
		await trigger.poll();
		const state = JSON.stringify(trigger.staticData());
		const created = add(8);
		const workflow = { nodes: [pollingNode({ event })], connections: {} };
		const result = await runWorkflow({ workflow, credentials, startNode: NODE_NAME });
		expect(result.errors(NODE_NAME)).toEqual([]);
		const items = result.output(NODE_NAME);
		expect(items).toHaveLength(MANUAL_SAMPLE_SIZE);
		expect(ids(items)).toEqual(created.slice(-MANUAL_SAMPLE_SIZE));
		expect(JSON.stringify(trigger.staticData())).toBe(state);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(created));
	});
});
