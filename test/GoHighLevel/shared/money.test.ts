import { NodeOperationError } from 'n8n-workflow';

import {
	assertCurrency,
	CURRENCIES,
	CURRENCY_OPTIONS,
	currencyField,
	formatMinor,
	majorUnitsOf,
	minorUnitsOf,
	parseDecimal,
	toMajorUnits,
	toMinorUnits,
} from '../../../nodes/GoHighLevel/shared/money';
import { fakeContext } from '../helpers';

const value = (result: { value: number } | { problem: string }) => ('value' in result ? result.value : result.problem);

describe('money', () => {
	it('knows the ISO 4217 exponents: two by default, none for JPY/KRW/XOF, three for KWD/BHD/JOD/OMR/TND', () => {
		expect(CURRENCIES.USD.exponent).toBe(2);
		expect(['JPY', 'KRW', 'XOF', 'CLP', 'VND'].map((c) => CURRENCIES[c].exponent)).toEqual([0, 0, 0, 0, 0]);
		expect(['KWD', 'BHD', 'JOD', 'OMR', 'TND', 'IQD', 'LYD'].map((c) => CURRENCIES[c].exponent)).toEqual([3, 3, 3, 3, 3, 3, 3]);
		expect(CURRENCY_OPTIONS.length).toBeGreaterThan(150);
		expect(CURRENCY_OPTIONS.find((o) => o.value === 'EUR')?.name).toBe('EUR — Euro');
		expect(currencyField().default).toBe('USD');
	});

	it('converts without float error: what 0.1 + 0.2 gives in floats is refused, its intended sum is exact', () => {
		// 0.1 + 0.2 === 0.30000000000000004 in floats: an amount like that has 17 decimals and is refused, not rounded.
		expect(value(minorUnitsOf(0.1 + 0.2, 'USD'))).toMatch(/has 17 decimals; USD has 2/);
		expect(value(minorUnitsOf('0.3', 'USD'))).toBe(30);
		expect(value(minorUnitsOf(0.3, 'USD'))).toBe(30);
		// 1.005 * 100 === 100.49999999999999 in floats; the digits give 100.5 → refused for USD, exact for KWD.
		expect(value(minorUnitsOf('1.005', 'USD'))).toMatch(/has 3 decimals/);
		expect(value(minorUnitsOf('1.005', 'KWD'))).toBe(1005);
		expect(value(minorUnitsOf(19.99, 'USD'))).toBe(1999);
		expect(value(minorUnitsOf('4.35', 'EUR'))).toBe(435); // 4.35 * 100 === 434.99999999999994 in floats
		expect(value(majorUnitsOf('12.30', 'USD'))).toBe(12.3);
		expect(value(majorUnitsOf('0.125', 'BHD'))).toBe(0.125);
		expect(value(majorUnitsOf('1500', 'JPY'))).toBe(1500);
		expect(value(majorUnitsOf('12.5', 'JPY'))).toMatch(/has 1 decimals; JPY has 0/);
	});

	it('reads signs, leading and trailing zeros, exponent notation; refuses separators and symbols', () => {
		expect(value(minorUnitsOf('-0012.50', 'USD'))).toBe(-1250);
		expect(value(minorUnitsOf('+.5', 'USD'))).toBe(50);
		expect(value(minorUnitsOf(1e-7, 'KWD'))).toMatch(/has 7 decimals/);
		expect(value(minorUnitsOf(2e21, 'USD'))).toMatch(/too large/);
		expect(parseDecimal('1,234.50')).toMatch(/no thousands separators/);
		expect(parseDecimal('$12')).toMatch(/is not an amount/);
		expect(parseDecimal('')).toMatch(/is not an amount/);
		expect(parseDecimal(Number.NaN)).toMatch(/is not an amount/);
		expect(parseDecimal({ amount: 1 })).toMatch(/is not an amount/);
		expect(parseDecimal('-0.00')).toEqual({ negative: false, integer: '0', fraction: '' });
	});

	it('formats minor units back exactly', () => {
		expect(formatMinor(1234, 'USD')).toBe('12.34');
		expect(formatMinor(5, 'KWD')).toBe('0.005');
		expect(formatMinor(-50, 'JPY')).toBe('-50');
		expect(formatMinor(-7, 'EUR')).toBe('-0.07');
	});

	it('fails before any request with the parameter named', () => {
		const { ctx } = fakeContext();
		expect(assertCurrency(ctx, ' usd ', 'Currency')).toBe('USD');
		let bad: NodeOperationError | undefined;
		try {
			assertCurrency(ctx, 'DOLLARS', 'Currency');
		} catch (error) {
			bad = error as NodeOperationError;
		}
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad?.message).toBe('Invalid Currency');
		expect(bad?.description).toMatch(/"DOLLARS" is not an ISO 4217 currency code/);
		expect(() => toMinorUnits(ctx, '1.001', 'USD', 'Amount')).toThrow('Invalid Amount');
		expect(toMajorUnits(ctx, '99.90', 'EUR', 'Amount')).toBe(99.9);
	});
});
