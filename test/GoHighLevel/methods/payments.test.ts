import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { addOrders, couponsOf, ordersOf } from '../../sandbox/payments';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('payments locators and dropdowns', () => {
	const sandbox = useMethodsSandbox();

	it('searchOrders: pages of 50 newest first with the offset as pagination token until totalCount; the typed text as search', async () => {
		addOrders(sandbox.store.location(), 60, { start: Date.UTC(2026, 0, 1), prefix: 'Webinar' });
		const total = ordersOf(sandbox.store.location()).size;
		const first = await listSearch.searchOrders.call(loadOptionsContext(sandbox));
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await listSearch.searchOrders.call(loadOptionsContext(sandbox), undefined, String(first.paginationToken));
		expect(second.results).toHaveLength(total - 50);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value))).toEqual(new Set(ordersOf(sandbox.store.location()).keys()));
		expect(first.results[0].name).toMatch(/\(49 USD · 2026-01-0\d · unpaid\)$/);

		const found = await listSearch.searchOrders.call(loadOptionsContext(sandbox), 'seed order');
		expect(found.results).toHaveLength(12);
	});

	it('searchCoupons: name or code; getOrderPrices: the chosen order\'s items by price id', async () => {
		const coupons = await listSearch.searchCoupons.call(loadOptionsContext(sandbox), 'fiveoff');
		const five = [...couponsOf(sandbox.store.location()).values()].find((c) => c.code === 'FIVEOFF')!;
		expect(coupons.results).toEqual([{ name: 'Five Off (FIVEOFF · active)', value: five._id }]);

		const [id] = addOrders(sandbox.store.location(), 1);
		const order = ordersOf(sandbox.store.location()).get(id)!;
		const prices = await loadOptions.getOrderPrices.call(loadOptionsContext(sandbox, { orderId: id }));
		expect(prices).toEqual([{ name: `${order.items[0].name} × 2 — 24.5 USD`, value: order.items[0].price._id }]);
		expect(await loadOptions.getOrderPrices.call(loadOptionsContext(sandbox, {}))).toEqual([]);
	});
});
