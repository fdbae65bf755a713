import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { invalidParameter } from './validation';

/**
 * Money without float arithmetic: ISO 4217 currencies with their minor-unit exponents, and exact conversions from
 * what a user types (a number, or a decimal string such as `"12.30"`, also from an expression) to the unit an
 * endpoint wants — major units as a JSON number (`12.3`, never more decimals than the currency has) or minor units
 * as an integer (`1230`). Amounts are handled as decimal digit strings; the only conversion to a JS number is the
 * last step, from a decimal string the currency's precision allows, so `0.1 + 0.2`-style errors cannot arise here.
 * Which unit each HighLevel endpoint wants is stated next to its fields (spec file + operationId).
 */

/**
 * Active ISO 4217 currency codes (ISO 4217 list one, excluding funds, precious metals and test codes) → name and
 * exponent (number of minor-unit digits: 2 for most, 0 for e.g. JPY, KRW, CLP, XOF; 3 for BHD, IQD, JOD, KWD, LYD,
 * OMR, TND).
 */
export const CURRENCIES: Readonly<Record<string, { name: string; exponent: number }>> = Object.fromEntries(
	(
		[
			['AED', 'UAE Dirham'], ['AFN', 'Afghani'], ['ALL', 'Lek'], ['AMD', 'Armenian Dram'],
			['ANG', 'Netherlands Antillean Guilder'], ['AOA', 'Kwanza'], ['ARS', 'Argentine Peso'],
			['AUD', 'Australian Dollar'], ['AWG', 'Aruban Florin'], ['AZN', 'Azerbaijan Manat'],
			['BAM', 'Convertible Mark'], ['BBD', 'Barbados Dollar'], ['BDT', 'Taka'], ['BGN', 'Bulgarian Lev'],
			['BHD', 'Bahraini Dinar', 3], ['BIF', 'Burundi Franc', 0], ['BMD', 'Bermudian Dollar'],
			['BND', 'Brunei Dollar'], ['BOB', 'Boliviano'], ['BRL', 'Brazilian Real'], ['BSD', 'Bahamian Dollar'],
			['BTN', 'Ngultrum'], ['BWP', 'Pula'], ['BYN', 'Belarusian Ruble'], ['BZD', 'Belize Dollar'],
			['CAD', 'Canadian Dollar'], ['CDF', 'Congolese Franc'], ['CHF', 'Swiss Franc'],
			['CLP', 'Chilean Peso', 0], ['CNY', 'Yuan Renminbi'], ['COP', 'Colombian Peso'],
			['CRC', 'Costa Rican Colon'], ['CUP', 'Cuban Peso'], ['CVE', 'Cabo Verde Escudo'],
			['CZK', 'Czech Koruna'], ['DJF', 'Djibouti Franc', 0], ['DKK', 'Danish Krone'],
			['DOP', 'Dominican Peso'], ['DZD', 'Algerian Dinar'], ['EGP', 'Egyptian Pound'], ['ERN', 'Nakfa'],
			['ETB', 'Ethiopian Birr'], ['EUR', 'Euro'], ['FJD', 'Fiji Dollar'], ['FKP', 'Falkland Islands Pound'],
			['GBP', 'Pound Sterling'], ['GEL', 'Lari'], ['GHS', 'Ghana Cedi'], ['GIP', 'Gibraltar Pound'],
			['GMD', 'Dalasi'], ['GNF', 'Guinean Franc', 0], ['GTQ', 'Quetzal'], ['GYD', 'Guyana Dollar'],
			['HKD', 'Hong Kong Dollar'], ['HNL', 'Lempira'], ['HTG', 'Gourde'], ['HUF', 'Forint'],
			['IDR', 'Rupiah'], ['ILS', 'New Israeli Sheqel'], ['INR', 'Indian Rupee'], ['IQD', 'Iraqi Dinar', 3],
			['IRR', 'Iranian Rial'], ['ISK', 'Iceland Krona', 0], ['JMD', 'Jamaican Dollar'],
			['JOD', 'Jordanian Dinar', 3], ['JPY', 'Yen', 0], ['KES', 'Kenyan Shilling'], ['KGS', 'Som'],
			['KHR', 'Riel'], ['KMF', 'Comorian Franc', 0], ['KPW', 'North Korean Won'], ['KRW', 'Won', 0],
			['KWD', 'Kuwaiti Dinar', 3], ['KYD', 'Cayman Islands Dollar'], ['KZT', 'Tenge'], ['LAK', 'Lao Kip'],
			['LBP', 'Lebanese Pound'], ['LKR', 'Sri Lanka Rupee'], ['LRD', 'Liberian Dollar'], ['LSL', 'Loti'],
			['LYD', 'Libyan Dinar', 3], ['MAD', 'Moroccan Dirham'], ['MDL', 'Moldovan Leu'],
			['MGA', 'Malagasy Ariary'], ['MKD', 'Denar'], ['MMK', 'Kyat'], ['MNT', 'Tugrik'], ['MOP', 'Pataca'],
			['MRU', 'Ouguiya'], ['MUR', 'Mauritius Rupee'], ['MVR', 'Rufiyaa'], ['MWK', 'Malawi Kwacha'],
			['MXN', 'Mexican Peso'], ['MYR', 'Malaysian Ringgit'], ['MZN', 'Mozambique Metical'],
			['NAD', 'Namibia Dollar'], ['NGN', 'Naira'], ['NIO', 'Cordoba Oro'], ['NOK', 'Norwegian Krone'],
			['NPR', 'Nepalese Rupee'], ['NZD', 'New Zealand Dollar'], ['OMR', 'Rial Omani', 3], ['PAB', 'Balboa'],
			['PEN', 'Sol'], ['PGK', 'Kina'], ['PHP', 'Philippine Peso'], ['PKR', 'Pakistan Rupee'], ['PLN', 'Zloty'],
			['PYG', 'Guarani', 0], ['QAR', 'Qatari Rial'], ['RON', 'Romanian Leu'], ['RSD', 'Serbian Dinar'],
			['RUB', 'Russian Ruble'], ['RWF', 'Rwanda Franc', 0], ['SAR', 'Saudi Riyal'],
			['SBD', 'Solomon Islands Dollar'], ['SCR', 'Seychelles Rupee'], ['SDG', 'Sudanese Pound'],
			['SEK', 'Swedish Krona'], ['SGD', 'Singapore Dollar'], ['SHP', 'Saint Helena Pound'], ['SLE', 'Leone'],
			['SOS', 'Somali Shilling'], ['SRD', 'Surinam Dollar'], ['SSP', 'South Sudanese Pound'], ['STN', 'Dobra'],
			['SVC', 'El Salvador Colon'], ['SYP', 'Syrian Pound'], ['SZL', 'Lilangeni'], ['THB', 'Baht'],
			['TJS', 'Somoni'], ['TMT', 'Turkmenistan New Manat'], ['TND', 'Tunisian Dinar', 3], ['TOP', 'Pa’anga'],
			['TRY', 'Turkish Lira'], ['TTD', 'Trinidad and Tobago Dollar'], ['TWD', 'New Taiwan Dollar'],
			['TZS', 'Tanzanian Shilling'], ['UAH', 'Hryvnia'], ['UGX', 'Uganda Shilling', 0], ['USD', 'US Dollar'],
			['UYU', 'Peso Uruguayo'], ['UZS', 'Uzbekistan Sum'], ['VES', 'Bolívar Soberano'], ['VND', 'Dong', 0],
			['VUV', 'Vatu', 0], ['WST', 'Tala'], ['XAF', 'CFA Franc BEAC', 0], ['XCD', 'East Caribbean Dollar'],
			['XOF', 'CFA Franc BCEAO', 0], ['XPF', 'CFP Franc', 0], ['YER', 'Yemeni Rial'], ['ZAR', 'Rand'],
			['ZMW', 'Zambian Kwacha'], ['ZWG', 'Zimbabwe Gold'],
		] as Array<[string, string, number?]>
	).map(([code, name, exponent]) => [code, { name, exponent: exponent ?? 2 }]),
);

/** The currencies as dropdown options, by code: `USD — US Dollar`. */
export const CURRENCY_OPTIONS: INodePropertyOptions[] = Object.entries(CURRENCIES)
	.map(([code, { name }]) => ({ name: `${code} — ${name}`, value: code }))
	.sort((a, b) => String(a.value).localeCompare(String(b.value)));

/** Options of {@link currencyField}. */
export interface CurrencyFieldOptions {
	/** Parameter name; default `currency`. */
	name?: string;
	displayName?: string;
	/** Display condition; left out for an option of a collection. */
	show?: Record<string, string[]>;
	/** Default `USD`; `''` for an optional field. */
	default?: string;
	description?: string;
}

/**
 * A Currency dropdown of {@link CURRENCY_OPTIONS} (searchable by code or name; an expression may give any code, which
 * {@link assertCurrency} checks before any request).
 */
export function currencyField(o: CurrencyFieldOptions = {}): INodeProperties {
	return {
		displayName: o.displayName ?? 'Currency',
		name: o.name ?? 'currency',
		type: 'options',
		options: CURRENCY_OPTIONS,
		default: 'USD',
		...(o.default !== undefined ? { default: o.default } : {}),
		...(o.show ? { displayOptions: { show: o.show } } : {}),
		description: o.description ?? 'ISO 4217 currency code, e.g. USD, EUR, JPY, KWD',
	};
}

/** An exact decimal: sign, integer digits (no leading zeros but one), fraction digits (no trailing zeros). */
interface Decimal {
	negative: boolean;
	integer: string;
	fraction: string;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Reads a number or a decimal string as an exact decimal. Numbers are read from their shortest round-trip text
 * (`0.1` → "0.1"; exponent notation `1e-7` expanded); strings may have a sign and one dot, no thousands separators
 * or currency symbols.
 * @returns the decimal, or a problem text for the error
 */
export function parseDecimal(value: unknown): Decimal | string {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return `${value} is not an amount`;
		text = expandExponent(String(value));
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return `${JSON.stringify(value) ?? String(value)} is not an amount: give a number such as 12.5 or "12.50"`;
	}
	const match = DECIMAL.exec(text);
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
		return `"${text}" is not an amount: use digits with a dot for decimals, e.g. 1234.5 (no thousands separators or currency symbols)`;
	}
	const integer = match[2].replace(/^0+(?=\d)/, '') || '0';
	const fraction = (match[3] ?? '').replace(/0+$/, '');
	return { negative: match[1] === '-' && /[1-9]/.test(integer + fraction), integer, fraction };
}

/** `1.5e-7` → `0.00000015`, `2e+21` → `2000000000000000000000`; other texts unchanged. */
function expandExponent(text: string): string {
	const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
	if (!m) return text;
	const digits = m[2] + (m[3] ?? '');
	const point = m[2].length + Number(m[4]);
	if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return `${m[1]}${digits}${'0'.repeat(point - digits.length)}`;
	return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The exponent of a known currency code (upper-cased), or undefined. */
export function exponentOf(currency: string): number | undefined {
	return CURRENCIES[String(currency).trim().toUpperCase()]?.exponent;
}

/**
 * The currency code, upper-cased, when it is an ISO 4217 code ({@link CURRENCIES}).
 * @throws NodeOperationError naming `parameter` (e.g. `Currency`) before any request
 */
export function assertCurrency(ctx: IExecuteSingleFunctions, value: unknown, parameter: string): string {
	const code = String(value ?? '').trim().toUpperCase();
	if (exponentOf(code) === undefined) {
		throw invalidParameter(
			ctx,
			parameter,
			`"${String(value ?? '')}" is not an ISO 4217 currency code: use a three-letter code such as USD, EUR or GBP`,
		);
	}
	return code;
}

/**
 * The amount in minor units of `currency` (cents for USD, yen for JPY, fils for KWD) as an integer, computed from the
 * decimal digits: `"12.34"` USD → 1234, `0.1` KWD → 100, `"1.005"` USD is refused (three decimals, USD has two).
 * Pure: `problem` explains a refusal.
 */
export function minorUnitsOf(value: unknown, currency: string): { value: number } | { problem: string } {
	const exponent = exponentOf(currency);
	if (exponent === undefined) return { problem: `"${currency}" is not an ISO 4217 currency code` };
	const decimal = parseDecimal(value);
	if (typeof decimal === 'string') return { problem: decimal };
	if (decimal.fraction.length > exponent) {
		return {
			problem: `${formatDecimal(decimal)} has ${decimal.fraction.length} decimals; ${currency.toUpperCase()} has ${exponent}`,
		};
	}
	const digits = (decimal.integer + decimal.fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
	const minor = Number(digits);
	if (!Number.isSafeInteger(minor)) return { problem: `${formatDecimal(decimal)} is too large an amount` };
	return { value: decimal.negative ? -minor : minor };
}

/**
 * The amount in major units of `currency` as a JSON number with no more decimals than the currency has
 * (`"12.30"` USD → 12.3, `"1.005"` USD refused, `"12.5"` JPY refused). The number is made from the exact decimal
 * text, so it prints back as typed. Pure: `problem` explains a refusal.
 */
export function majorUnitsOf(value: unknown, currency: string): { value: number } | { problem: string } {
	const minor = minorUnitsOf(value, currency);
	if ('problem' in minor) return minor;
	return { value: Number(formatMinor(minor.value, currency)) };
}

/**
 * Minor units as a major-unit decimal string with the currency's decimals: 1234 USD → `"12.34"`, 5 KWD → `"0.005"`,
 * -50 JPY → `"-50"`. Exact (string digits, no division).
 */
export function formatMinor(minor: number, currency: string): string {
	const exponent = exponentOf(currency) ?? 2;
	const negative = minor < 0;
	const digits = String(Math.abs(Math.trunc(minor))).padStart(exponent + 1, '0');
	const text = exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
	return negative ? `-${text}` : text;
}

function formatDecimal(d: Decimal): string {
	return `${d.negative ? '-' : ''}${d.integer}${d.fraction ? `.${d.fraction}` : ''}`;
}

/**
 * {@link minorUnitsOf} for a node parameter.
 * @throws NodeOperationError naming `parameter` before any request
 */
export function toMinorUnits(
	ctx: IExecuteSingleFunctions,
	value: unknown,
	currency: string,
	parameter: string,
): number {
	const result = minorUnitsOf(value, currency);
	if ('problem' in result) throw invalidParameter(ctx, parameter, result.problem);
	return result.value;
}

/**
 * {@link majorUnitsOf} for a node parameter.
 * @throws NodeOperationError naming `parameter` before any request
 */
export function toMajorUnits(
	ctx: IExecuteSingleFunctions,
	value: unknown,
	currency: string,
	parameter: string,
): number {
	const result = majorUnitsOf(value, currency);
	if ('problem' in result) throw invalidParameter(ctx, parameter, result.problem);
	return result.value;
}
