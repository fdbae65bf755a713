import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { priceLabel } from '../../../nodes/GoHighLevel/methods/products';
import { PRICES, PRODUCTS, collectionsOf } from '../../sandbox/products';
import { recordsOf } from '../../sandbox/records';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('product locator and price, collection and inventory dropdowns (products.json)', () => {
	const sandbox = useMethodsSandbox();
	const products = () => recordsOf(sandbox.store.location(), PRODUCTS);
	const prices = () => recordsOf(sandbox.store.location(), PRICES);

	/** `count` products named `<name> <i>`, one minute apart. */
	const seedProducts = (count: number, name: string) => {
		for (let i = 0; i < count; i++) {
			const id = `${name.toLowerCase()}${String(i).padStart(6, '0')}`;
			const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
			products().set(id, { id, name: `${name} ${i}`, productType: 'SERVICE', locationId: sandbox.locationId, createdAt: at, updatedAt: at });
		}
	};

	it('getProducts: every product of the location by name, for invoice line items, over several pages', async () => {
		seedProducts(130, 'Item');
		const options = await loadOptions.getProducts.call(loadOptionsContext(sandbox));
		const ids = options.map((o) => String(o.value));
		expect(ids).toEqual(expect.arrayContaining(['item000000', 'item000129']));
		expect(ids).toHaveLength(new Set(ids).size);
		expect(options.find((o) => o.value === 'item000007')?.name).toBe('Item 7');
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('searchProducts: the typed text goes to HighLevel as `search`; pages of 50 end at the array `total`', async () => {
		seedProducts(120, 'Widget');
		seedProducts(2, 'Gadget');
		const found = await listSearch.searchProducts.call(loadOptionsContext(sandbox), 'gadget');
		expect(found).toEqual({
			results: [
				{ name: 'Gadget 1 (service)', value: 'gadget000001' },
				{ name: 'Gadget 0 (service)', value: 'gadget000000' },
			],
		});
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		const before = sandbox.stats.byOperation['list-invoices'] ?? 0;
		do {
			const page = await listSearch.searchProducts.call(loadOptionsContext(sandbox), 'widget', token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token);
		expect(pages).toBe(3);
		expect((sandbox.stats.byOperation['list-invoices'] ?? 0) - before).toBe(3);
		expect(new Set(seen).size).toBe(120);
	});

	it('getProductPrices: the prices of the product beside the dropdown (or at the top level), with amount and billing', async () => {
		const productId = 'widget000000';
		prices().set('price0000001', { id: 'price0000001', name: 'Monthly', type: 'recurring', recurring: { interval: 'month', intervalCount: 1 }, currency: 'USD', amount: 29, product: productId, locationId: sandbox.locationId, createdAt: '2025-01-01T00:00:00.000Z' });
		prices().set('price0000002', { id: 'price0000002', name: 'Once', type: 'one_time', currency: 'KWD', amount: 1.005, product: productId, locationId: sandbox.locationId, createdAt: '2025-01-02T00:00:00.000Z' });
		prices().set('price0000003', { id: 'price0000003', name: 'Other', type: 'one_time', currency: 'USD', amount: 1, product: 'widget000001', locationId: sandbox.locationId, createdAt: '2025-01-03T00:00:00.000Z' });
		const expected = [
			{ name: 'Monthly — 29 USD every 1 month', value: 'price0000001' },
			{ name: 'Once — 1.005 KWD', value: 'price0000002' },
		];
		expect(await loadOptions.getProductPrices.call(loadOptionsContext(sandbox, { productId }))).toEqual(expected);
		expect(await loadOptions.getProductPrices.call(loadOptionsContext(sandbox, { '&productId': productId }))).toEqual(expected);
		const before = { ...sandbox.stats.byOperation };
		expect(await loadOptions.getProductPrices.call(loadOptionsContext(sandbox, {}))).toEqual([]);
		expect(sandbox.stats.byOperation).toEqual(before);
		expect(priceLabel({ _id: 'p1', name: '' })).toBe('p1');
	});

	it('getProductCollections and getInventoryPrices: by name, with altId + altType', async () => {
		const collections = await loadOptions.getProductCollections.call(loadOptionsContext(sandbox));
		expect(collections.map((c) => c.name)).toEqual(['Best Sellers', 'Drain Care', 'Gift Ideas']);
		expect(collections.map((c) => c.value)).toEqual([...collectionsOf(sandbox.store.location()).keys()]);
		prices().set('price0000004', { ...prices().get('price0000002')!, id: 'price0000004', trackInventory: true, sku: 'W-1' });
		const inventory = await loadOptions.getInventoryPrices.call(loadOptionsContext(sandbox));
		expect(inventory).toEqual([{ name: 'Widget 0 — Once (W-1)', value: 'price0000004' }]);
	});
});
