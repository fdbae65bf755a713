import { PRICES, PRODUCTS, collectionsOf } from '../../sandbox/products';
import { recordsOf } from '../../sandbox/records';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/**
 * Every operation of the Product, Price, Product Collection and Inventory resources (products.json), through
 * n8n-core and the sandbox: request shapes, sandbox state, output, the `total: [{ total }]` quirk of GET /products/
 * and the amount rules (major units, exact, ISO 4217 currencies checked before any request).
 */
describe('Product, Price, Product Collection and Inventory operations', () => {
	const { sandbox, proxy, run, last, lastBody, errorText } = useEngineSandbox();
	const products = () => recordsOf(sandbox.store.location(), PRODUCTS);
	const prices = () => recordsOf(sandbox.store.location(), PRICES);
	const collectionIds = () => [...collectionsOf(sandbox.store.location()).keys()];

	/** Puts `count` products straight into the store, `createdAt` one minute apart from 2024-01-01. */
	const seedProducts = (count: number, name = 'Seeded') => {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const id = sandbox.store.ids.id();
			const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
			products().set(id, { id, name: `${name} ${i}`, productType: 'DIGITAL', locationId: sandbox.locationId, availableInStore: i % 2 === 0, createdAt: at, updatedAt: at });
			ids.push(id);
		}
		return ids;
	};

	let productId: string;
	let priceId: string;

	it('Product → Create: name, type and the fields set, with the location; outputs the flat product without traceId', async () => {
		const [bestSellers] = collectionIds();
		const result = await run({
			resource: 'product',
			operation: 'create',
			name: 'Drain Cleaning Kit',
			productType: 'PHYSICAL',
			additionalFields: {
				description: 'Everything for a blocked drain',
				image: 'https://example.com/kit.png',
				availableInStore: true,
				collectionIds: [bestSellers],
				slug: '',
			},
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/products/')).toEqual({
			name: 'Drain Cleaning Kit',
			productType: 'PHYSICAL',
			description: 'Everything for a blocked drain',
			image: 'https://example.com/kit.png',
			availableInStore: true,
			collectionIds: [bestSellers],
			locationId: sandbox.locationId,
		});
		const [product] = result.output('HighLevel');
		expect(product).toMatchObject({ name: 'Drain Cleaning Kit', productType: 'PHYSICAL', locationId: sandbox.locationId });
		expect(product).not.toHaveProperty('traceId');
		productId = String(product._id);
		expect(products().get(productId)).toMatchObject({ name: 'Drain Cleaning Kit', collectionIds: [bestSellers] });
	});

	it('Product → Get, and Update: only the fields set, plus the current name and type the spec requires (read first)', async () => {
		const got = await run({ resource: 'product', operation: 'get', productId: byId(productId) });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ _id: productId, name: 'Drain Cleaning Kit' })]);
		expect(last('GET', `/products/${productId}`).query).toEqual({ locationId: sandbox.locationId });

		const before = proxy.requests.length;
		const updated = await run({
			resource: 'product',
			operation: 'update',
			productId: byId(productId),
			updateFields: { description: 'Now with gloves', availableInStore: false, image: '' },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(proxy.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /products/${productId}`,
			`PUT /products/${productId}`,
		]);
		expect(lastBody('PUT', `/products/${productId}`)).toEqual({
			description: 'Now with gloves',
			availableInStore: false,
			name: 'Drain Cleaning Kit',
			productType: 'PHYSICAL',
			locationId: sandbox.locationId,
		});
		expect(updated.output('HighLevel')).toEqual([
			expect.objectContaining({ _id: productId, description: 'Now with gloves', availableInStore: false, image: 'https://example.com/kit.png' }),
		]);

		const renamed = await run({
			resource: 'product',
			operation: 'update',
			productId: byId(productId),
			updateFields: { name: 'Drain Kit', productType: 'PHYSICAL/DIGITAL' },
		});
		expect(renamed.errors('HighLevel')).toEqual([]);
		expect(last().method).toBe('PUT');
		expect(products().get(productId)).toMatchObject({ name: 'Drain Kit', productType: 'PHYSICAL/DIGITAL', description: 'Now with gloves' });

		const counts = operationCounts(sandbox);
		const nothing = await run({ resource: 'product', operation: 'update', productId: byId(productId), updateFields: { slug: '' } });
		expect(errorText(nothing)).toMatch(/Nothing to update/);
		expect(operationsSince(sandbox, counts)).toEqual({});
	});

	it('Product → Get Many: filters in the query; Return All reads 3 pages and stops at the array `total` ([{ total }])', async () => {
		const seeded = seedProducts(229);
		const total = products().size;
		expect(total).toBe(230);

		const limited = await run({ resource: 'product', operation: 'getAll', limit: 3, sort: { direction: 'asc' } });
		expect(limited.output('HighLevel').map((p) => p._id)).toEqual(seeded.slice(0, 3));
		expect(last('GET', '/products/').query).toEqual({ locationId: sandbox.locationId, limit: '3', sortOrder: 'asc' });

		const before = proxy.requests.length;
		const all = await run({ resource: 'product', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		const output = all.output('HighLevel');
		expect(output).toHaveLength(total);
		expect(new Set(output.map((p) => p._id)).size).toBe(total);
		expect(output[0]._id).toBe(productId);
		const pages = proxy.requests.slice(before).filter((r) => r.path === '/products/');
		// No fourth, empty page: the total HighLevel gives as [{ total: 230 }] ends the reading.
		expect(pages.map((r) => [r.query.offset, r.query.limit])).toEqual([
			[undefined, '100'],
			['100', '100'],
			['200', '100'],
		]);

		const [bestSellers] = collectionIds();
		const filtered = await run({
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'drain', collectionIds: [bestSellers], availableInStore: false, includedInStore: false },
		});
		expect(filtered.output('HighLevel').map((p) => p._id)).toEqual([productId]);
		expect(last('GET', '/products/').query).toEqual({
			locationId: sandbox.locationId,
			limit: '100',
			search: 'drain',
			collectionIds: bestSellers,
			availableInStore: 'false',
			includedInStore: 'false',
		});
		for (const id of seeded) products().delete(id);
	});

	it('Price → Create one-time: amount and compare-at price in major units (exact), currency upper-cased, inventory fields', async () => {
		const result = await run({
			resource: 'price',
			operation: 'create',
			productId: byId(productId),
			name: 'Standard',
			type: 'one_time',
			currency: '={{ "usd" }}',
			amount: '19.90',
			additionalFields: { compareAtPrice: '24.99', trackInventory: true, availableQuantity: 5, sku: 'KIT-001', setupFee: '' },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/products/${productId}/price`)).toEqual({
			name: 'Standard',
			type: 'one_time',
			currency: 'USD',
			amount: 19.9,
			compareAtPrice: 24.99,
			trackInventory: true,
			availableQuantity: 5,
			sku: 'KIT-001',
			locationId: sandbox.locationId,
		});
		const [price] = result.output('HighLevel');
		expect(price).toMatchObject({ name: 'Standard', amount: 19.9, currency: 'USD', product: productId });
		expect(price).not.toHaveProperty('traceId');
		priceId = String(price._id);
		expect(prices().get(priceId)).toMatchObject({ amount: 19.9, compareAtPrice: 24.99, product: productId });
	});

	it('Price → Create recurring: interval and count; three-decimal currencies keep their third decimal', async () => {
		const result = await run({
			resource: 'price',
			operation: 'create',
			productId: byId(productId),
			name: 'Quarterly service',
			type: 'recurring',
			interval: 'month',
			intervalCount: 3,
			currency: 'KWD',
			amount: '={{ "12.345" }}',
			additionalFields: { setupFee: 1.005, trialPeriod: 14, totalCycles: 4 },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/products/${productId}/price`)).toEqual({
			name: 'Quarterly service',
			type: 'recurring',
			recurring: { interval: 'month', intervalCount: 3 },
			currency: 'KWD',
			amount: 12.345,
			setupFee: 1.005,
			trialPeriod: 14,
			totalCycles: 4,
			locationId: sandbox.locationId,
		});
		expect(result.output('HighLevel')[0]).toMatchObject({ recurring: { interval: 'month', intervalCount: 3 }, amount: 12.345 });
	});

	it('Price → Create: bad currencies and amounts fail before any request, naming the parameter', async () => {
		const base = { resource: 'price', operation: 'create', productId: byId(productId), name: 'X', type: 'one_time' };
		const counts = operationCounts(sandbox);
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ currency: '={{ "XYZ" }}', amount: '10' }, /Currency.*not an ISO 4217 currency code/],
			// 0.1 + 0.2 is 0.30000000000000004 in floating point: refused, never rounded.
			[{ currency: 'USD', amount: '={{ 0.1 + 0.2 }}' }, /Amount.*decimals; USD has 2/],
			[{ currency: 'JPY', amount: '12.5' }, /Amount.*JPY has 0/],
			[{ currency: 'USD', amount: '1.005' }, /Amount.*USD has 2/],
			[{ currency: 'USD', amount: '-1' }, /Amount.*0 or more/],
			[{ currency: 'USD', amount: '10', additionalFields: { compareAtPrice: '12,50' } }, /Compare-At Price/],
		];
		for (const [parameters, message] of cases) {
			const result = await run({ ...base, ...parameters });
			expect(errorText(result)).toMatch(message);
		}
		const exact = await run({ ...base, name: 'Exact', currency: 'USD', amount: '={{ "0.3" }}' });
		expect(exact.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', `/products/${productId}/price`).amount).toBe(0.3);
		expect(operationsSince(sandbox, counts)).toEqual({ 'create-price-for-product': 1 });
	});

	it('Price → Get and Get Many (Return All over 3 pages, up to `total`)', async () => {
		const got = await run({ resource: 'price', operation: 'get', productId: byId(productId), priceId });
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ _id: priceId, name: 'Standard', amount: 19.9 })]);
		expect(last('GET', `/products/${productId}/price/${priceId}`).query).toEqual({ locationId: sandbox.locationId });

		for (let i = 0; i < 210; i++) {
			const id = sandbox.store.ids.id();
			const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
			prices().set(id, { id, name: `Tier ${i}`, type: 'one_time', currency: 'USD', amount: i, product: productId, locationId: sandbox.locationId, createdAt: at, updatedAt: at });
		}
		const total = [...prices().values()].filter((p) => p.product === productId).length;
		const before = proxy.requests.length;
		const all = await run({ resource: 'price', operation: 'getAll', productId: byId(productId), returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel')).toHaveLength(total);
		expect(new Set(all.output('HighLevel').map((p) => p._id)).size).toBe(total);
		const pages = proxy.requests.slice(before).filter((r) => r.path === `/products/${productId}/price`);
		expect(pages.map((r) => [r.query.offset, r.query.limit])).toEqual([
			[undefined, '100'],
			['100', '100'],
			['200', '100'],
		]);
		const limited = await run({ resource: 'price', operation: 'getAll', productId: byId(productId), limit: 2 });
		expect(limited.output('HighLevel')).toHaveLength(2);
		for (const [id, p] of [...prices()]) if (String(p.name).startsWith('Tier ')) prices().delete(id);
	});

	it('Price → Update: currency and amount always sent, the current name read when not set; Delete', async () => {
		const before = proxy.requests.length;
		const updated = await run({
			resource: 'price',
			operation: 'update',
			productId: byId(productId),
			priceId,
			currency: 'EUR',
			amount: '21',
			updateFields: { compareAtPrice: '29.5' },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(proxy.requests.slice(before).map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(lastBody('PUT', `/products/${productId}/price/${priceId}`)).toEqual({
			name: 'Standard',
			type: 'one_time',
			currency: 'EUR',
			amount: 21,
			compareAtPrice: 29.5,
			locationId: sandbox.locationId,
		});
		expect(prices().get(priceId)).toMatchObject({ currency: 'EUR', amount: 21, compareAtPrice: 29.5, sku: 'KIT-001' });

		const recurring = await run({
			resource: 'price',
			operation: 'update',
			productId: byId(productId),
			priceId,
			currency: 'EUR',
			amount: '21',
			updateFields: { name: 'Monthly', type: 'recurring', interval: 'month', intervalCount: 1 },
		});
		expect(recurring.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', `/products/${productId}/price/${priceId}`)).toMatchObject({
			name: 'Monthly',
			type: 'recurring',
			recurring: { interval: 'month', intervalCount: 1 },
		});

		const extra = await run({ resource: 'price', operation: 'create', productId: byId(productId), name: 'Spare', type: 'one_time', currency: 'USD', amount: '1' });
		const spareId = String(extra.output('HighLevel')[0]._id);
		const deleted = await run({ resource: 'price', operation: 'delete', productId: byId(productId), priceId: spareId });
		expect(deleted.output('HighLevel')).toEqual([{ id: spareId, productId, deleted: true }]);
		expect(last('DELETE', `/products/${productId}/price/${spareId}`).query).toEqual({ locationId: sandbox.locationId });
		expect(prices().has(spareId)).toBe(false);
	});

	it('Product Collection → Get Many: altId + altType in the query, Limit and the name filter', async () => {
		const all = await run({ resource: 'collection', operation: 'getAll', returnAll: true });
		expect(all.output('HighLevel').map((c) => c.name)).toEqual(['Best Sellers', 'Drain Care', 'Gift Ideas']);
		expect(last('GET', '/products/collections').query).toEqual({ altId: sandbox.locationId, altType: 'location', limit: '100' });
		const limited = await run({ resource: 'collection', operation: 'getAll', limit: 1, filters: { name: 'gift' } });
		expect(limited.output('HighLevel')).toEqual([expect.objectContaining({ _id: collectionIds()[2], name: 'Gift Ideas' })]);
		expect(last('GET', '/products/collections').query).toMatchObject({ name: 'gift', limit: '1' });
	});

	it('Inventory → Get Many (prices that track stock, `total` as { total }) and Update (rows; bad rows fail before any request)', async () => {
		const listed = await run({ resource: 'inventory', operation: 'getAll', returnAll: true });
		expect(listed.errors('HighLevel')).toEqual([]);
		expect(listed.output('HighLevel')).toEqual([
			expect.objectContaining({ _id: priceId, availableQuantity: 5, sku: 'KIT-001', product: productId, productName: 'Drain Kit' }),
		]);
		expect(last('GET', '/products/inventory').query).toEqual({ altId: sandbox.locationId, altType: 'location', limit: '100' });

		const updated = await run({
			resource: 'inventory',
			operation: 'update',
			items: { item: [{ priceId, availableQuantity: '12', allowOutOfStockPurchases: 'allow' }] },
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/products/inventory')).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			items: [{ priceId, availableQuantity: 12, allowOutOfStockPurchases: true }],
		});
		expect(updated.output('HighLevel')).toEqual([
			{ status: true, message: 'Successfully updated', items: [{ priceId, availableQuantity: 12, allowOutOfStockPurchases: true }] },
		]);
		expect(prices().get(priceId)).toMatchObject({ availableQuantity: 12, allowOutOfStockPurchases: true });

		const counts = operationCounts(sandbox);
		const badQuantity = await run({ resource: 'inventory', operation: 'update', items: { item: [{ priceId, availableQuantity: '12' }, { priceId, availableQuantity: '2.5' }] } });
		expect(errorText(badQuantity)).toMatch(/Items → row 2 → Available Quantity/);
		const noChange = await run({ resource: 'inventory', operation: 'update', items: { item: [{ priceId, availableQuantity: '' }] } });
		expect(errorText(noChange)).toMatch(/Items → row 1.*nothing would change/);
		expect(operationsSince(sandbox, counts)).toEqual({});
	});

	it('Product → Delete: the product and its prices are gone', async () => {
		const deleted = await run({ resource: 'product', operation: 'delete', productId: byId(productId) });
		expect(deleted.output('HighLevel')).toEqual([{ id: productId, deleted: true }]);
		expect(last('DELETE', `/products/${productId}`).query).toEqual({ locationId: sandbox.locationId });
		expect(products().has(productId)).toBe(false);
		expect([...prices().values()].filter((p) => p.product === productId)).toEqual([]);
	});
});
