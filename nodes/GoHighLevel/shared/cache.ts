/** How long a location's lists (custom fields, pipelines) are reused (ms); one list serves all items of a run. */
export const LIST_CACHE_MS = 60_000;

const entries = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * Returns the cached value for `key` if younger than {@link LIST_CACHE_MS} (and `fresh` is not set), else calls
 * `load` once and shares its promise with concurrent callers — 1,000 items in a run make one request.
 * A failed load is not kept.
 */
export async function cached<T>(
	key: string,
	load: () => Promise<T>,
	options: { fresh?: boolean; now?: number } = {},
): Promise<T> {
	const now = options.now ?? Date.now();
	const hit = entries.get(key);
	if (hit && !options.fresh && now - hit.at < LIST_CACHE_MS) return (await hit.value) as T;
	const value = load();
	entries.set(key, { at: now, value });
	value.catch(() => {
		if (entries.get(key)?.value === value) entries.delete(key);
	});
	return await value;
}

/** Forgets every cached list (tests). */
export function clearListCache(): void {
	entries.clear();
}

/** Forgets the cached lists whose key starts with `prefix` (e.g. a location's custom fields after one changed). */
export function forgetCachedLists(prefix: string): void {
	for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
}
