import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { findObjectField, propertyKey, toPropertyValue, type ObjectField } from '../../../nodes/GoHighLevel/shared/objects';
import { testNode } from '../helpers';

/** A context for value conversion: the node, a workflow time zone, item 0. */
const ctx = {
	getNode: () => testNode,
	getTimezone: () => 'America/Chicago',
	getItemIndex: () => 0,
} as unknown as IExecuteSingleFunctions;

const field = (dataType: string, extra: Partial<ObjectField> = {}): ObjectField => ({
	id: `f-${dataType}`,
	name: dataType,
	fieldKey: `custom_objects.pet.${dataType.toLowerCase()}`,
	dataType,
	...extra,
});

const options = [
	{ key: 'dog', label: 'Dog' },
	{ key: 'cat', label: 'Cat' },
];

describe('custom object record properties', () => {
	it('propertyKey drops the object prefix, also the singular `custom_object.` of the spec examples', () => {
		expect(propertyKey(field('TEXT', { fieldKey: 'custom_objects.pet.name' }), 'custom_objects.pet')).toBe('name');
		expect(propertyKey(field('TEXT', { fieldKey: 'custom_object.pet.name' }), 'custom_objects.pet')).toBe('name');
	});

	it('findObjectField by property key, field key, id or name', () => {
		const fields = [field('TEXT', { id: 'abc123', name: 'Pet Name', fieldKey: 'custom_objects.pet.name' })];
		for (const ref of ['name', 'custom_objects.pet.name', 'abc123', ' pet name ']) {
			expect(findObjectField(fields, 'custom_objects.pet', ref)?.id).toBe('abc123');
		}
		expect(findObjectField(fields, 'custom_objects.pet', 'colour')).toBeUndefined();
	});

	it.each([
		['NUMERICAL', '1,200', 1200],
		['MONETORY', '99.5', { currency: 'default', value: 99.5 }],
		['MONETORY', { currency: 'USD', value: 3 }, { currency: 'USD', value: 3 }],
		['DATE', '2024-02-29T23:30:00Z', '2024-02-29'],
		['FILE_UPLOAD', 'https://a.example/x.pdf, https://a.example/y.pdf', [{ url: 'https://a.example/x.pdf' }, { url: 'https://a.example/y.pdf' }]],
		['TEXT', 42, '42'],
	])('%s: %j → %j', (dataType, value, expected) => {
		expect(toPropertyValue(ctx, field(dataType), value)).toEqual({ value: expected });
	});

	it('options: by key or label, sent as keys; unknown options fail naming the options; RADIO may allow others', () => {
		expect(toPropertyValue(ctx, field('SINGLE_OPTIONS', { options }), 'Cat')).toEqual({ value: 'cat' });
		expect(toPropertyValue(ctx, field('MULTIPLE_OPTIONS', { options }), ['dog', 'CAT'])).toEqual({ value: ['dog', 'cat'] });
		expect(toPropertyValue(ctx, field('CHECKBOX', { options }), 'dog,parrot')).toEqual({
			error: '"parrot" is not an option of "CHECKBOX" (options: Dog (dog), Cat (cat))',
		});
		expect(toPropertyValue(ctx, field('RADIO', { options }), 'hamster')).toHaveProperty('error');
		expect(toPropertyValue(ctx, field('RADIO', { options, allowCustomOption: true }), 'hamster')).toEqual({ value: 'hamster' });
	});

	it('a number or a date that is none fails with a message naming the field', () => {
		expect(toPropertyValue(ctx, field('NUMERICAL'), 'ten')).toEqual({ error: '"ten" is not a number, but "NUMERICAL" is NUMERICAL' });
		expect(toPropertyValue(ctx, field('DATE'), 'someday')).toEqual({ error: expect.stringContaining('Properties → DATE') });
	});
});
