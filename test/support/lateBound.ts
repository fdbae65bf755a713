/**
 * A stand-in for a value that exists only once a `beforeAll` hook has run (a sandbox, a proxy): every property read
 * or write is forwarded to `current()` (methods bound to it), so a `describe` block can name the value once, at
 * describe level, and use it in its tests and hooks.
 * @param name for the error, e.g. `sandbox`
 * @throws Error on a use before the value exists (outside a test or hook)
 */
export function lateBound<T extends object>(current: () => T | undefined, name: string): T {
	const value = (): T => {
		const found = current();
		if (!found) throw new Error(`The ${name} is started in beforeAll: use it inside a test or hook`);
		return found;
	};
	return new Proxy({} as T, {
		get(_target, key) {
			const target = value();
			const property = Reflect.get(target, key, target) as unknown;
			return typeof property === 'function'
				? (property as (...args: unknown[]) => unknown).bind(target)
				: property;
		},
		set: (_target, key, newValue) => Reflect.set(value(), key, newValue, value()),
	});
}
