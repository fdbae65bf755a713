/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type Sandbox } from './index';
import { PRICES, PRODUCTS } from './products';
import { recordsOf } from './records';
import { SECOND_LOCATION_ID } from './seed';
import { call } from './testClient';

/** products.json in the sandbox: flat `_id` records, the `total` shapes, the `list-invoices` name clash, events. */
describe('sandbox products, prices, collections and inventory', () => {
	let sandbox: Sandbox;
	let loc: string;
	let receiver: http.Server;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
		loc = sandbox.locationId;
		receiver = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => res.writeHead(200).end('{}'));
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => {
		await sandbox.close();
		await new Promise<void>((resolve) => receiver.close(() => resolve()));
	});
	beforeEach(async () => {
		await sandbox.webhooks.idle();
		sandbox.setWebhookUrl(undefined);
		sandbox.reset();
	});

	const product = { name: 'Kit', productType: 'PHYSICAL', locationId: '' };
	const createProduct = async (name = 'Kit') => {
		const res = await call(sandbox, 'POST', '/products/', { body: { ...product, name, locationId: loc } });
		expect(res.status).toBe(201);
		return res.body._id as string;
	};

	it('GET /products/ answers `total` as [{ total }] and pages with offset + limit; it is not the invoices list', async () => {
		const ids = [await createProduct('Alpha'), await createProduct('Beta'), await createProduct('Gamma')];
		const res = await call(sandbox, 'GET', `/products/?locationId=${loc}&limit=2&offset=1&sortOrder=asc`);
		expect(res.status).toBe(200);
		expect(res.body.total).toEqual([{ total: 3 }]);
		expect(res.body.products.map((p: { _id: string }) => p._id)).toEqual(ids.slice(1));
		expect(res.body.products[0]).not.toHaveProperty('id');
		const found = await call(sandbox, 'GET', `/products/?locationId=${loc}&search=gam`);
		expect(found.body.products.map((p: { name: string }) => p.name)).toEqual(['Gamma']);
		// invoices.json `list-invoices` (GET /invoices/) keeps its own handler.
		const invoices = await call(sandbox, 'GET', `/invoices/?altId=${loc}&altType=location&limit=1&offset=0`);
		expect(invoices.status).toBe(200);
		expect(invoices.body).toHaveProperty('invoices');
		expect(invoices.body).not.toHaveProperty('products');
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('prices belong to their product; unknown ids answer 400; another location 403; a recurring price needs `recurring`', async () => {
		const productId = await createProduct();
		const created = await call(sandbox, 'POST', `/products/${productId}/price`, {
			body: { name: 'Std', type: 'one_time', currency: 'USD', amount: 19.99, locationId: loc },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Std', amount: 19.99, product: productId });
		const list = await call(sandbox, 'GET', `/products/${productId}/price?locationId=${loc}`);
		expect(list.body).toMatchObject({ total: 1, prices: [{ _id: created.body._id }] });
		expect((await call(sandbox, 'GET', `/products/nope0000001/price/${created.body._id}?locationId=${loc}`)).status).toBe(400);
		expect((await call(sandbox, 'GET', `/products/${productId}?locationId=${SECOND_LOCATION_ID}`)).status).toBe(403);
		const recurring = await call(sandbox, 'POST', `/products/${productId}/price`, {
			body: { name: 'Monthly', type: 'recurring', currency: 'USD', amount: 5, locationId: loc },
		});
		expect(recurring.status).toBe(422);
		expect(sandbox.stats.invalidRequests).toHaveLength(1);
	});

	it('inventory lists tracked prices with `total` as { total }; update sets quantities; deleting a product deletes its prices', async () => {
		const productId = await createProduct();
		const price = await call(sandbox, 'POST', `/products/${productId}/price`, {
			body: { name: 'Std', type: 'one_time', currency: 'USD', amount: 1, trackInventory: true, availableQuantity: 3, locationId: loc },
		});
		const inventory = await call(sandbox, 'GET', `/products/inventory?altId=${loc}&altType=location`);
		expect(inventory.body).toMatchObject({ total: { total: 1 }, inventory: [{ _id: price.body._id, availableQuantity: 3, productName: 'Kit' }] });
		expect((await call(sandbox, 'GET', `/products/inventory?altId=${SECOND_LOCATION_ID}&altType=location`)).status).toBe(403);
		const updated = await call(sandbox, 'POST', '/products/inventory', {
			body: { altId: loc, altType: 'location', items: [{ priceId: price.body._id, availableQuantity: 9 }] },
		});
		expect(updated).toMatchObject({ status: 201, body: { status: true } });
		expect(recordsOf(sandbox.store.location(), PRICES).get(price.body._id)?.availableQuantity).toBe(9);
		const collections = await call(sandbox, 'GET', `/products/collections?altId=${loc}&altType=location`);
		expect(collections.body).toMatchObject({ total: 3, data: [{ name: 'Best Sellers' }, { name: 'Drain Care' }, { name: 'Gift Ideas' }] });
		expect((await call(sandbox, 'DELETE', `/products/${productId}?locationId=${loc}`)).body).toMatchObject({ status: true });
		expect(recordsOf(sandbox.store.location(), PRODUCTS).size).toBe(0);
		expect(recordsOf(sandbox.store.location(), PRICES).size).toBe(0);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('sends ProductCreate / ProductUpdate / PriceCreate / PriceUpdate / PriceDelete / ProductDelete', async () => {
		sandbox.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
		const productId = await createProduct();
		await call(sandbox, 'PUT', `/products/${productId}`, { body: { ...product, name: 'Kit 2', locationId: loc } });
		const price = await call(sandbox, 'POST', `/products/${productId}/price`, {
			body: { name: 'Std', type: 'one_time', currency: 'USD', amount: 1, locationId: loc },
		});
		await call(sandbox, 'POST', '/products/inventory', {
			body: { altId: loc, altType: 'location', items: [{ priceId: price.body._id, availableQuantity: 2 }] },
		});
		await call(sandbox, 'DELETE', `/products/${productId}?locationId=${loc}`);
		await sandbox.webhooks.idle();
		const events = sandbox.webhooks.deliveries.map((d) => d.payload as Record<string, unknown>);
		expect(events.map((e) => e.type)).toEqual([
			'ProductCreate',
			'ProductUpdate',
			'PriceCreate',
			'PriceUpdate',
			'PriceDelete',
			'ProductDelete',
		]);
		expect(events[0]).toMatchObject({ locationId: loc, _id: productId, name: 'Kit', productType: 'PHYSICAL' });
		expect(events[2]).toMatchObject({ _id: price.body._id, product: productId, priceType: 'one_time', amount: 1, currency: 'USD' });
		expect(events[2]).not.toHaveProperty('id');
	});
});
