import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import {
	applyFieldsToClear,
	dropEmptyValues,
	fieldsToClearProperty,
	isEmptyValue,
	listOf,
	withoutEmptyValues,
	type ClearableField,
} from '../../../nodes/GoHighLevel/shared/body';
import { fakeContext } from '../helpers';

const CLEARABLE: ClearableField[] = [
	{ property: 'phone', name: 'Phone', clearWith: null },
	{ property: 'city', name: 'City', clearWith: null },
	{ property: 'tags', name: 'Tags', clearWith: [] },
];

describe('isEmptyValue', () => {
	it.each<[string, unknown, boolean]>([
		['undefined', undefined, true],
		['null', null, true],
		['empty string', '', true],
		['spaces only', '  \t', true],
		['empty array', [], true],
		['empty object', {}, true],
		['object of empty values', { gte: '', lte: null }, true],
		['false', false, false],
		['zero', 0, false],
		['text', 'x', false],
		['array with an item', [''], false],
		['object with a value', { gte: '2024-01-01' }, false],
	])('%s → %s', (_label, value, expected) => {
		expect(isEmptyValue(value)).toBe(expected);
	});
});

describe('withoutEmptyValues', () => {
	it('drops empty properties at any object depth, keeps false, 0 and array items', () => {
		expect(
			withoutEmptyValues({
				locationId: 'loc',
				email: '',
				phone: '   ',
				tags: [],
				assignedTo: null,
				dnd: false,
				monetaryValue: 0,
				dndSettings: { SMS: { status: '' }, Email: { status: 'active', message: '' } },
				filters: [{ field: 'tags', value: '' }],
			}),
		).toEqual({
			locationId: 'loc',
			dnd: false,
			monetaryValue: 0,
			dndSettings: { Email: { status: 'active' } },
			filters: [{ field: 'tags', value: '' }],
		});
	});
});

describe('dropEmptyValues', () => {
	it('cleans body and query string of the request', async () => {
		const { ctx } = fakeContext();
		const request: IHttpRequestOptions = {
			url: '/x',
			method: 'POST',
			body: { email: 'a@b.co', phone: '', tags: [] },
			qs: { q: '', status: 'open', contact_id: null as unknown as string },
		};
		const result = await dropEmptyValues.call(ctx, request);
		expect(result.body).toEqual({ email: 'a@b.co' });
		expect(result.qs).toEqual({ status: 'open' });
		// The input is not changed in place.
		expect((request.body as IDataObject).phone).toBe('');
	});
});

describe('Fields to Clear', () => {
	const run = async (parameters: Record<string, unknown>, body: IDataObject) => {
		const { ctx } = fakeContext({ parameters, itemIndex: 2 });
		const result = await applyFieldsToClear(CLEARABLE).call(ctx, { url: '/x', body });
		return result.body as IDataObject;
	};

	it('sends null for nullable fields and [] for tags, next to the fields that are set', async () => {
		await expect(run({ fieldsToClear: ['phone', 'tags'] }, { email: 'a@b.co' })).resolves.toEqual({
			email: 'a@b.co',
			phone: null,
			tags: [],
		});
	});

	it('nothing chosen: the body is unchanged', async () => {
		await expect(run({}, { email: 'a@b.co' })).resolves.toEqual({ email: 'a@b.co' });
		await expect(run({ fieldsToClear: [] }, { email: 'a@b.co' })).resolves.toEqual({ email: 'a@b.co' });
	});

	it('accepts a comma-separated list from an expression', async () => {
		await expect(run({ fieldsToClear: 'city, phone' }, {})).resolves.toEqual({ city: null, phone: null });
	});

	it('a field both set and chosen to be cleared fails, naming the parameter and the item', async () => {
		const error = (await run({ fieldsToClear: ['phone'] }, { phone: '+14155550123' }).catch(
			(e: unknown) => e,
		)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Phone is both set and chosen to be cleared');
		expect(error.description).toContain('Fields to Clear');
		expect(error.context.itemIndex).toBe(2);
	});

	it('a field that cannot be cleared fails, listing those that can', async () => {
		const error = (await run({ fieldsToClear: ['source'] }, {}).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.description).toContain('Phone, City, Tags');
	});

	it('the multi-select lists the fields by name, sorted, valued by body property', () => {
		const p = fieldsToClearProperty(CLEARABLE, { operation: ['update'] }, 'contact');
		expect(p).toMatchObject({ name: 'fieldsToClear', type: 'multiOptions', default: [] });
		expect(p.options).toEqual([
			{ name: 'City', value: 'city' },
			{ name: 'Phone', value: 'phone' },
			{ name: 'Tags', value: 'tags' },
		]);
	});
});

describe('listOf', () => {
	it('reads rows, an array from an expression (flattened), or a comma-separated text; trims and drops empty ones', () => {
		expect(listOf(['Small', ' Medium ', '', 'Large'])).toEqual(['Small', 'Medium', 'Large']);
		expect(listOf([['Red', 'Blue']])).toEqual(['Red', 'Blue']);
		expect(listOf('Yes, No , ,Maybe')).toEqual(['Yes', 'No', 'Maybe']);
		expect(listOf(undefined)).toEqual([]);
		expect(listOf(null)).toEqual([]);
	});
});
