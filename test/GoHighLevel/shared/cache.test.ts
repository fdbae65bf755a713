import { cached, clearListCache, LIST_CACHE_MS } from '../../../nodes/GoHighLevel/shared/cache';

/** A load whose result the test releases. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const NOW = 1_700_000_000_000;

beforeEach(() => clearListCache());

describe('cached', () => {
	it('100 concurrent callers share one load', async () => {
		const gate = deferred<string[]>();
		const load = jest.fn(async () => await gate.promise);
		const all = Promise.all(Array.from({ length: 100 }, async () => await cached('k', load, { now: NOW })));
		gate.resolve(['a']);
		const results = await all;
		expect(load).toHaveBeenCalledTimes(1);
		expect(results.every((r) => r[0] === 'a')).toBe(true);
	});

	it('reuses a value younger than LIST_CACHE_MS, reloads after', async () => {
		let n = 0;
		const load = jest.fn(async () => ++n);
		expect(await cached('k', load, { now: NOW })).toBe(1);
		expect(await cached('k', load, { now: NOW + LIST_CACHE_MS - 1 })).toBe(1);
		expect(await cached('k', load, { now: NOW + LIST_CACHE_MS })).toBe(2);
		expect(load).toHaveBeenCalledTimes(2);
	});

	it('keys are independent', async () => {
		const a = await cached('a', async () => 'A', { now: NOW });
		const b = await cached('b', async () => 'B', { now: NOW });
		expect([a, b]).toEqual(['A', 'B']);
	});

	it('fresh reloads and replaces the cached value', async () => {
		let n = 0;
		const load = async () => ++n;
		await cached('k', load, { now: NOW });
		expect(await cached('k', load, { now: NOW, fresh: true })).toBe(2);
		expect(await cached('k', load, { now: NOW })).toBe(2);
	});

	it('does not keep a failed load: every waiting caller gets the error, the next call loads again', async () => {
		const gate = deferred<string>();
		const failing = jest.fn(async () => await gate.promise);
		const waiting = Array.from({ length: 3 }, async () => await cached('k', failing, { now: NOW }));
		gate.reject(new Error('HighLevel had an internal error (500)'));
		for (const w of waiting) await expect(w).rejects.toThrow('internal error');
		expect(failing).toHaveBeenCalledTimes(1);
		await expect(cached('k', async () => 'ok', { now: NOW })).resolves.toBe('ok');
	});

	it('a failing older load does not evict the newer value that replaced it', async () => {
		const old = deferred<string>();
		const first = cached('k', async () => await old.promise, { now: NOW });
		await cached('k', async () => 'new', { now: NOW, fresh: true });
		old.reject(new Error('late failure'));
		await expect(first).rejects.toThrow('late failure');
		const again = jest.fn(async () => 'reloaded');
		await expect(cached('k', again, { now: NOW })).resolves.toBe('new');
		expect(again).not.toHaveBeenCalled();
	});

	it('clearListCache forgets everything', async () => {
		await cached('k', async () => 1, { now: NOW });
		clearListCache();
		await expect(cached('k', async () => 2, { now: NOW })).resolves.toBe(2);
	});
});
