import { couponsOf } from '../../sandbox/payments';
import { byId, operationCounts, operationsSince, useEngineSandbox } from './helpers';

/**
 * Coupon resource (payments.json `list-coupons`, `get-coupon`, `create-coupon`, `update-coupon`, `delete-coupon`)
 * through n8n-core and the sandbox: percent vs fixed amount (major units through shared/money.ts), dates in UTC,
 * `altId` + `altType=location` everywhere.
 */
describe('Coupon resource', () => {
	const { sandbox, proxy, run, lastBody, errorText } = useEngineSandbox();
	const coupons = () => couponsOf(sandbox.store.location());
	beforeEach(() => {
		proxy.requests.length = 0;
	});
	let couponId: string;

	it('Create: a percentage coupon with an end date, products and once per customer; dates sent in UTC', async () => {
		const result = await run({
			resource: 'coupon',
			operation: 'create',
			name: 'Spring Promo',
			code: 'SPRING15',
			discountType: 'percentage',
			discountValue: '15',
			startDate: '2030-03-01T00:00:00Z',
			additionalFields: { endDate: '2030-03-31T23:59:00Z', productIds: ['prod000001', 'prod000002'], limitPerCustomer: true, usageLimit: 50 },
		});
		expect(result.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/payments/coupon')).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			name: 'Spring Promo',
			code: 'SPRING15',
			discountType: 'percentage',
			discountValue: 15,
			startDate: '2030-03-01T00:00:00.000Z',
			endDate: '2030-03-31T23:59:00.000Z',
			usageLimit: 50,
			productIds: ['prod000001', 'prod000002'],
			limitPerCustomer: true,
		});
		const [coupon] = result.output('HighLevel');
		expect(coupon).toMatchObject({ code: 'SPRING15', discountValue: 15, status: expect.any(String) });
		couponId = String(coupon._id);
		expect(coupons().get(couponId)).toMatchObject({ name: 'Spring Promo', discountType: 'percentage' });
	});

	it('Create: a fixed amount in major units, exact (0.1 + 0.2 style input) for the currency\'s decimals', async () => {
		const ok = await run({ resource: 'coupon', operation: 'create', name: 'Thirty cents', code: 'CENTS30', discountType: 'amount', discountValue: '0.30', currency: 'USD', startDate: '2026-01-01T00:00:00Z' });
		expect(ok.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/payments/coupon')).toMatchObject({ discountType: 'amount', discountValue: 0.3 });
		const kwd = await run({ resource: 'coupon', operation: 'create', name: 'Fils', code: 'FILS', discountType: 'amount', discountValue: '1.125', currency: 'KWD', startDate: '2026-01-01T00:00:00Z' });
		expect(kwd.errors('HighLevel')).toEqual([]);
		expect(lastBody('POST', '/payments/coupon')).toMatchObject({ discountValue: 1.125 });
	});

	it('Create: bad values fail before any request, naming the field', async () => {
		const before = operationCounts(sandbox);
		const base = { resource: 'coupon', operation: 'create', name: 'X', code: 'XCODE', startDate: '2026-01-01T00:00:00Z' };
		expect(errorText(await run({ ...base, discountType: 'percentage', discountValue: '120' }))).toMatch(/Discount Value/);
		expect(errorText(await run({ ...base, discountType: 'amount', discountValue: '1.005', currency: 'USD' }))).toMatch(/Discount Value/);
		expect(errorText(await run({ ...base, discountType: 'amount', discountValue: '5', currency: 'ZZZ' }))).toMatch(/Currency/);
		expect(errorText(await run({ ...base, code: 'TWO WORDS', discountType: 'percentage', discountValue: '5' }))).toMatch(/Code/);
		expect(
			errorText(await run({ ...base, discountType: 'percentage', discountValue: '5', additionalFields: { endDate: '2025-12-01T00:00:00Z' } })),
		).toMatch(/End Date/);
		expect(operationsSince(sandbox, before)).toEqual({});
	});

	it('Get Many (Return All, status and search filters) and Get by ID + code', async () => {
		const all = await run({ resource: 'coupon', operation: 'getAll', returnAll: true });
		expect(all.errors('HighLevel')).toEqual([]);
		expect(all.output('HighLevel').map((c) => c._id).sort()).toEqual([...coupons().keys()].sort());
		expect(proxy.to('GET', '/payments/coupon/list')[0].query).toEqual({ altId: sandbox.locationId, altType: 'location', limit: '100' });

		const searched = await run({ resource: 'coupon', operation: 'getAll', returnAll: true, filters: { search: 'spring15', status: 'scheduled' } });
		expect(searched.output('HighLevel').map((c) => c._id)).toEqual([couponId]);

		const got = await run({ resource: 'coupon', operation: 'get', couponId: byId(couponId), code: 'SPRING15' });
		expect(got.errors('HighLevel')).toEqual([]);
		expect(got.output('HighLevel')).toEqual([expect.objectContaining({ _id: couponId, code: 'SPRING15', discountValue: 15 })]);
		expect(proxy.to('GET', '/payments/coupon')[0].query).toEqual({ altId: sandbox.locationId, altType: 'location', id: couponId, code: 'SPRING15' });
	});

	it('Update: the whole coupon again plus its id; Delete: gone', async () => {
		const updated = await run({
			resource: 'coupon',
			operation: 'update',
			couponId: byId(couponId),
			name: 'Spring Promo',
			code: 'SPRING20',
			discountType: 'percentage',
			discountValue: '20',
			startDate: '2030-03-01T00:00:00Z',
		});
		expect(updated.errors('HighLevel')).toEqual([]);
		expect(lastBody('PUT', '/payments/coupon')).toEqual({
			altId: sandbox.locationId,
			altType: 'location',
			id: couponId,
			name: 'Spring Promo',
			code: 'SPRING20',
			discountType: 'percentage',
			discountValue: 20,
			startDate: '2030-03-01T00:00:00.000Z',
		});
		expect(coupons().get(couponId)).toMatchObject({ code: 'SPRING20', discountValue: 20 });

		const deleted = await run({ resource: 'coupon', operation: 'delete', couponId: byId(couponId) });
		expect(deleted.errors('HighLevel')).toEqual([]);
		expect(lastBody('DELETE', '/payments/coupon')).toEqual({ altId: sandbox.locationId, altType: 'location', id: couponId });
		expect(deleted.output('HighLevel')).toEqual([expect.objectContaining({ success: true })]);
		expect(coupons().has(couponId)).toBe(false);
	});
});
