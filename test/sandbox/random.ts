/**
 * Deterministic pseudo-random helpers for the sandbox seed and record ids.
 *
 * Everything the sandbox generates as data (ids, seeded names, latency jitter) comes from a generator seeded
 * with a fixed string, so two runs with the same options produce the same store. Access and refresh tokens
 * are the exception: they come from `crypto` because they are credentials, not data.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** 32-bit FNV-1a hash of a string; used to turn a seed string into a generator state. */
export function hashString(input: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < input.length; i++) {
		hash ^= input.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * A seeded generator (mulberry32). Same seed, same sequence.
 * @param seed any string; e.g. `'store'` or `'pit:' + locationId`
 */
export function createRng(seed: string): Rng {
	let state = hashString(seed);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [min, max] (both inclusive). */
export function randomInt(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

/**
 * A HighLevel-style record id: 20 alphanumeric characters, e.g. `ve9EPM428h8vShlRW1KT`
 * (the shape of contact, location, user and custom field ids in the spec examples).
 */
export function randomId(rng: Rng, length = 20): string {
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHANUMERIC[Math.floor(rng() * ALPHANUMERIC.length)];
	return out;
}

/** Lower-case hex string of the given length. */
export function randomHex(rng: Rng, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += HEX[Math.floor(rng() * 16)];
	return out;
}

/**
 * A version-4-shaped UUID, e.g. `7915dedc-8f18-44d5-8bc3-77c04e994a10` (the shape of pipeline stage ids in
 * opportunities.json examples).
 */
export function randomUuid(rng: Rng): string {
	const hex = randomHex(rng, 32).split('');
	hex[12] = '4';
	hex[16] = HEX[(parseInt(hex[16], 16) & 0x3) | 0x8];
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
