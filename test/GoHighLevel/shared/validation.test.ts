import { NodeOperationError, type IHttpRequestOptions } from 'n8n-workflow';

import { isEmail, isPhone, toIsoDateTime, validateBody } from '../../../nodes/GoHighLevel/shared/validation';
import { fakeContext } from '../helpers';

describe('isEmail', () => {
	it.each(['ada@example.com', ' ada.lovelace+crm@mail.example.co.uk ', 'a@b.io', "o'brien@my-company.example", 'zoë@bücher.de', 'ada@example.xn--p1ai'])('accepts %j', (value) => {
		expect(isEmail(value)).toBe(true);
	});
	it.each([
		'',
		'ada',
		'ada@',
		'@example.com',
		'ada@example',
		'ada @example.com',
		'ada@@example.com',
		'a@b@c.com',
		'a@b..c',
		'a@b..co',
		'ada..lovelace@example.com',
		'.ada@example.com',
		'ada.@example.com',
		'ada@.example.com',
		'ada@example.com.',
		'ada@-example.com',
		'ada@example-.com',
		'ada@example.c',
	])(
		'refuses %j',
		(value) => {
			expect(isEmail(value)).toBe(false);
		},
	);
});

describe('isPhone', () => {
	it.each(['+1 888-888-8888', '+14155550123', '(415) 555-0123', '415.555.0123', '5550123', '+491701234567890'])(
		'accepts %j',
		(value) => {
			expect(isPhone(value)).toBe(true);
		},
	);
	it.each([
		['too few digits', '555012'],
		['too many digits', '+1234567890123456'],
		['letters', '+1 415 CALL NOW'],
		['extension', '+1 415 555 0123 ext 5'],
		['plus in the middle', '1+4155550123'],
		['empty', ''],
	])('refuses %s', (_label, value) => {
		expect(isPhone(value)).toBe(false);
	});
});

describe('toIsoDateTime', () => {
	it.each<[string, unknown, string]>([
		['ISO date-time in UTC', '2024-03-01T10:20:30Z', '2024-03-01T10:20:30.000Z'],
		['ISO date-time with offset → UTC', '2024-03-01T10:20:30+02:00', '2024-03-01T08:20:30.000Z'],
		['ISO date only (UTC midnight)', '2024-03-01', '2024-03-01T00:00:00.000Z'],
		['Date object', new Date(Date.UTC(2024, 2, 1, 12)), '2024-03-01T12:00:00.000Z'],
	])('%s', (_label, value, expected) => {
		expect(toIsoDateTime(value)).toBe(expected);
	});

	it.each([undefined, null, '', 'not a date', '2024-13-45'])('gives undefined for %j', (value) => {
		expect(toIsoDateTime(value)).toBeUndefined();
	});
});

describe('validateBody (preSend)', () => {
	const rules = [
		{ property: 'email', parameter: 'Email', kind: 'email' as const },
		{ property: 'phone', parameter: 'Phone', kind: 'phone' as const },
	];
	const required = { anyOf: ['email', 'phone', 'firstName'], message: 'Enter an Email, a Phone or a name' };
	const post = (body: Record<string, unknown>): IHttpRequestOptions => ({ method: 'POST', url: '/contacts/', body });

	it('passes valid values, trimmed, and keeps the rest of the body', async () => {
		const { ctx } = fakeContext();
		const result = await validateBody(rules, required).call(
			ctx,
			post({ email: ' ada@example.com ', phone: ' +14155550123', firstName: 'Ada' }),
		);
		expect(result.body).toEqual({ email: 'ada@example.com', phone: '+14155550123', firstName: 'Ada' });
	});

	it('skips empty values', async () => {
		const { ctx } = fakeContext();
		const result = await validateBody(rules).call(ctx, post({ email: '', phone: null, firstName: 'Ada' }));
		expect(result.body).toEqual({ email: '', phone: null, firstName: 'Ada' });
	});

	it.each([
		['email', { email: 'ada@' }, 'Invalid Email: "ada@"', 'Parameter "Email"'],
		['phone', { phone: '12' }, 'Invalid Phone: "12"', 'Parameter "Phone"'],
	])('invalid %s: NodeOperationError naming the parameter, before anything is sent', async (_l, body, message, hint) => {
		const { ctx, http } = fakeContext({ itemIndex: 4 });
		const error = (await validateBody(rules)
			.call(ctx, post(body))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.description).toContain(hint);
		expect(error.context.itemIndex).toBe(4);
		expect(http).not.toHaveBeenCalled();
	});

	it('required anyOf: fails with the given message when none is present', async () => {
		const { ctx } = fakeContext();
		const error = (await validateBody(rules, required)
			.call(ctx, post({ email: '', lastName: 'Lovelace' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Enter an Email, a Phone or a name');
	});

	it.each([{ email: 'ada@example.com' }, { phone: '+14155550123' }, { firstName: 'Ada' }])(
		'required anyOf: one of them is enough (%j)',
		async (body) => {
			const { ctx } = fakeContext();
			await expect(validateBody(rules, required).call(ctx, post(body))).resolves.toMatchObject({ body });
		},
	);

	it('works without a body', async () => {
		const { ctx } = fakeContext();
		const result = await validateBody(rules).call(ctx, { method: 'POST', url: '/contacts/' });
		expect(result.body).toEqual({});
	});
});
