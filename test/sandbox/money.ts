/**
 * Exact money for the sandbox's commerce records (invoices, orders, transactions): amounts kept as integer minor units
 * of their currency and answered as major-unit JSON numbers made from digit strings, so sums never drift the way
 * float arithmetic does. Independent of the node's money helper on purpose: the sandbox checks the node.
 */

/** Minor-unit exponents that differ from 2 (ISO 4217); every other code has 2. */
const EXPONENTS: Record<string, number> = {
	BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
	BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
};

/** The minor-unit exponent of a currency (2 unless listed in {@link EXPONENTS}). */
export function exponentOf(currency: string): number {
	return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * A major-unit JSON number as integer minor units, from its decimal text: 0.1 USD → 10, 1.005 KWD → 1005.
 * @returns undefined when the number has more decimals than the currency or is not finite
 */
export function toMinor(value: unknown, currency: string): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
	const exponent = exponentOf(currency);
	let text = String(Math.abs(value));
	if (/e/i.test(text)) text = Math.abs(value).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
	const [integer, fraction = ''] = text.split('.');
	if (fraction.length > exponent) return undefined;
	const minor = Number(integer + fraction.padEnd(exponent, '0'));
	return value < 0 ? -minor : minor;
}

/** Integer minor units as a major-unit JSON number made from the digit string: 30 USD → 0.3, 1005 KWD → 1.005. */
export function toMajor(minor: number, currency: string): number {
	const exponent = exponentOf(currency);
	const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
	const text = exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
	return Number(minor < 0 ? `-${text}` : text);
}
