import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import {
	customFieldsByKey,
	findCustomField,
	loadCustomFields,
	resolveCustomFields,
	shortFieldKey,
	toFieldValue,
	type CustomFieldDefinition,
} from '../../../nodes/GoHighLevel/shared/customFields';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { fakeContext, httpError, LOCATION_ID, ok, type HttpMock } from '../helpers';

const LEAD_SCORE: CustomFieldDefinition = {
	id: 'cf-score',
	name: 'Lead Score',
	fieldKey: 'contact.lead_score',
	dataType: 'NUMERICAL',
	model: 'contact',
};
const INTERESTS: CustomFieldDefinition = {
	id: 'cf-interests',
	name: 'Interests',
	fieldKey: 'contact.interests',
	dataType: 'MULTIPLE_OPTIONS',
	picklistOptions: ['Golf', 'Tennis', 'Chess'],
	model: 'contact',
};
const SOURCE: CustomFieldDefinition = {
	id: 'cf-source',
	name: 'Lead Source',
	fieldKey: 'contact.lead_source',
	dataType: 'SINGLE_OPTIONS',
	picklistOptions: ['Web', 'Referral'],
	model: 'contact',
};
const BUDGET: CustomFieldDefinition = {
	id: 'cf-budget',
	name: 'Budget',
	fieldKey: 'opportunity.budget',
	dataType: 'MONETORY',
	model: 'opportunity',
};
const CONTACT_FIELDS = [LEAD_SCORE, INTERESTS, SOURCE];

beforeEach(() => {
	clearListCache();
	rateLimiter.reset();
});

/** A server answering GET /locations/{id}/customFields with `fields`, one list per request, in order. */
function serve(http: HttpMock, ...lists: CustomFieldDefinition[][]) {
	let i = 0;
	http.mockImplementation(async () => ok({ customFields: lists[Math.min(i++, lists.length - 1)] }));
}

describe('loadCustomFields', () => {
	it('asks GET /locations/{locationId}/customFields?model= and keeps only fields of that model', async () => {
		const { ctx, http } = fakeContext();
		serve(http, [...CONTACT_FIELDS, BUDGET]);
		const fields = await loadCustomFields(ctx, 'contact');
		expect(fields.map((f) => f.id)).toEqual(['cf-score', 'cf-interests', 'cf-source']);
		expect(http.mock.calls[0][1]).toMatchObject({
			method: 'GET',
			url: `/locations/${LOCATION_ID}/customFields`,
			qs: { model: 'contact' },
		});
	});

	it('keeps fields that carry no model', async () => {
		const { ctx, http } = fakeContext();
		serve(http, [{ ...LEAD_SCORE, model: undefined }]);
		await expect(loadCustomFields(ctx, 'contact')).resolves.toHaveLength(1);
	});

	it('shares one request between 100 concurrent items, per model', async () => {
		const { ctx, http } = fakeContext();
		serve(http, [...CONTACT_FIELDS, BUDGET]);
		const lists = await Promise.all(Array.from({ length: 100 }, async () => await loadCustomFields(ctx, 'contact')));
		expect(http).toHaveBeenCalledTimes(1);
		expect(lists.every((l) => l.length === 3)).toBe(true);
		await loadCustomFields(ctx, 'opportunity');
		expect(http).toHaveBeenCalledTimes(2);
		await loadCustomFields(ctx, 'contact', { fresh: true });
		expect(http).toHaveBeenCalledTimes(3);
	});

	it('does not cache a failed load', async () => {
		const { ctx, http } = fakeContext();
		http.mockRejectedValueOnce(httpError(401, { message: 'The token is not authorized for this scope.' }));
		http.mockResolvedValueOnce(ok({ customFields: CONTACT_FIELDS }));
		const error = await loadCustomFields(ctx, 'contact').catch((e: unknown) => e);
		expect((error as Error).message).toContain('locations/customFields.readonly');
		await expect(loadCustomFields(ctx, 'contact')).resolves.toHaveLength(3);
		expect(http).toHaveBeenCalledTimes(2);
	});
});

describe('findCustomField', () => {
	it.each([
		['id', 'cf-score'],
		['field key', 'contact.lead_score'],
		['field key, other case and spaces', '  Contact.LEAD_SCORE '],
		['key without the model prefix', 'lead_score'],
		['name', 'Lead Score'],
		['name, other case and spaces', ' lead score  '],
	])('by %s', (_label, reference) => {
		expect(findCustomField(CONTACT_FIELDS, 'contact', reference)?.id).toBe('cf-score');
	});

	it.each([
		['unknown', 'shoe size'],
		['empty', ''],
		['blank', '   '],
		['key of another model', 'opportunity.lead_score'],
	])('finds nothing for %s', (_label, reference) => {
		expect(findCustomField(CONTACT_FIELDS, 'contact', reference)).toBeUndefined();
	});

	it('prefers an id over a name that looks like it', () => {
		const confusing: CustomFieldDefinition = { ...SOURCE, id: 'cf-x', name: 'cf-score' };
		expect(findCustomField([confusing, LEAD_SCORE], 'contact', 'cf-score')?.id).toBe('cf-score');
	});
});

describe('toFieldValue', () => {
	it.each<[string, CustomFieldDefinition, unknown, unknown]>([
		['TEXT string', { ...LEAD_SCORE, dataType: 'TEXT' }, 'hello', 'hello'],
		['TEXT number → string', { ...LEAD_SCORE, dataType: 'TEXT' }, 42, '42'],
		['TEXT object → JSON', { ...LEAD_SCORE, dataType: 'LARGE_TEXT' }, { a: 1 }, '{"a":1}'],
		['TEXT null → empty', { ...LEAD_SCORE, dataType: 'TEXT' }, null, ''],
		['NUMERICAL string', LEAD_SCORE, '42', 42],
		['NUMERICAL with thousands separators', LEAD_SCORE, '1,234.5', 1234.5],
		['NUMERICAL number', LEAD_SCORE, 7.5, 7.5],
		['NUMERICAL empty → null', LEAD_SCORE, '', null],
		['NUMERICAL lower-case type', { ...LEAD_SCORE, dataType: 'numerical' }, '3', 3],
		['MONETORY', BUDGET, '99.90', 99.9],
		['MULTIPLE_OPTIONS array', INTERESTS, ['Golf', ' Chess '], ['Golf', 'Chess']],
		['MULTIPLE_OPTIONS comma string', INTERESTS, 'Golf, Tennis,', ['Golf', 'Tennis']],
		['CHECKBOX without options', { ...INTERESTS, dataType: 'CHECKBOX', picklistOptions: [] }, 'a,b', ['a', 'b']],
		['SINGLE_OPTIONS known option', SOURCE, 'Referral', 'Referral'],
		['SINGLE_OPTIONS empty', SOURCE, '', ''],
		['RADIO without options', { ...SOURCE, dataType: 'RADIO', picklistOptions: undefined }, 'Any', 'Any'],
	])('%s', (_label, field, value, expected) => {
		expect(toFieldValue(field, value)).toEqual({ value: expected });
	});

	it.each<[string, CustomFieldDefinition, unknown, RegExp]>([
		['NUMERICAL not a number', LEAD_SCORE, 'lots', /"lots" is not a number.*Lead Score.*NUMERICAL/],
		['MULTIPLE_OPTIONS unknown options', INTERESTS, 'Golf, Polo, Darts', /"Polo", "Darts" is not an option of "Interests" \(options: Golf, Tennis, Chess\)/],
		['MULTIPLE_OPTIONS is case-sensitive', INTERESTS, ['golf'], /"golf" is not an option/],
		['SINGLE_OPTIONS unknown option', SOURCE, 'Billboard', /"Billboard" is not an option of "Lead Source" \(options: Web, Referral\)/],
	])('%s → error', (_label, field, value, message) => {
		const result = toFieldValue(field, value);
		expect(result).toHaveProperty('error');
		expect((result as { error: string }).error).toMatch(message);
	});

	it('NUMERICAL blank (spaces only) is treated as empty, not as 0', () => {
		expect(toFieldValue(LEAD_SCORE, '   ')).toEqual({ value: null });
	});
});

describe('resolveCustomFields (preSend)', () => {
	const hook = resolveCustomFields('contact');
	const request = (body: IDataObject = { firstName: 'Ada' }): IHttpRequestOptions => ({
		method: 'POST',
		url: '/contacts/',
		body,
	});

	it('replaces rows by [{ id, field_value }] converted per type, keeping the rest of the body', async () => {
		const { ctx, http } = fakeContext({
			parameters: {
				'customFields.values': [
					{ field: 'lead_score', value: '12' },
					{ field: 'Interests', value: 'Golf,Chess' },
					{ field: 'cf-source', value: 'Web' },
					{ field: '  ', value: 'ignored' },
				],
			},
		});
		serve(http, CONTACT_FIELDS);
		const result = await hook.call(ctx, request());
		expect(result.body).toEqual({
			firstName: 'Ada',
			customFields: [
				{ id: 'cf-score', field_value: 12 },
				{ id: 'cf-interests', field_value: ['Golf', 'Chess'] },
				{ id: 'cf-source', field_value: 'Web' },
			],
		});
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('leaves the request untouched and sends nothing without rows', async () => {
		const { ctx, http } = fakeContext({ parameters: { 'customFields.values': [{ field: '', value: 'x' }] } });
		const options = request();
		await expect(hook.call(ctx, options)).resolves.toBe(options);
		expect(http).not.toHaveBeenCalled();
	});

	it('looks again with a fresh list when a field is not found (created since the list was cached)', async () => {
		const created: CustomFieldDefinition = { ...SOURCE, id: 'cf-new', name: 'Shoe Size', fieldKey: 'contact.shoe_size', dataType: 'TEXT' };
		const { ctx, http } = fakeContext({ parameters: { 'customFields.values': [{ field: 'Shoe Size', value: 44 }] } });
		serve(http, CONTACT_FIELDS, [...CONTACT_FIELDS, created]);
		const result = await hook.call(ctx, request());
		expect((result.body as IDataObject).customFields).toEqual([{ id: 'cf-new', field_value: '44' }]);
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('unknown field: NodeOperationError naming "Custom Fields" and listing the fields, after one fresh look', async () => {
		const { ctx, http } = fakeContext({
			parameters: { 'customFields.values': [{ field: 'shoe size', value: '44' }] },
			itemIndex: 3,
		});
		serve(http, CONTACT_FIELDS);
		const error = (await hook.call(ctx, request()).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Unknown contact custom field "shoe size"');
		expect(error.description).toContain('Parameter "Custom Fields"');
		expect(error.description).toContain('Lead Score (contact.lead_score)');
		expect(error.description).toContain('Interests (contact.interests)');
		expect(error.context.itemIndex).toBe(3);
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('invalid value: NodeOperationError naming the field and the problem', async () => {
		const { ctx, http } = fakeContext({ parameters: { 'customFields.values': [{ field: 'Lead Source', value: 'TV' }] } });
		serve(http, CONTACT_FIELDS);
		const error = (await hook.call(ctx, request()).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid value for custom field "Lead Source"');
		expect(error.description).toContain('Parameter "Custom Fields"');
		expect(error.description).toContain('"TV" is not an option');
	});

	it('rows left empty (Value blank, no option picked) are not sent, so they cannot clear a field', async () => {
		const { ctx, http } = fakeContext({
			parameters: {
				'customFields.values': [
					{ field: 'lead_score', value: '' },
					{ field: 'Interests', value: ' , ', choices: [] },
					{ field: 'cf-source', value: '   ' },
					{ field: 'Interests', value: null },
				],
			},
		});
		serve(http, CONTACT_FIELDS);
		const options = request();
		const result = await hook.call(ctx, options);
		expect(result.body).toEqual({ firstName: 'Ada' });
		expect((result.body as IDataObject).customFields).toBeUndefined();
	});

	it('options picked in Option Names or IDs: one for a single-option field, a list for multiple options', async () => {
		const { ctx, http } = fakeContext({
			parameters: {
				'customFields.values': [
					{ field: 'cf-source', value: '', choices: ['Referral'] },
					{ field: 'cf-interests', value: '', choices: ['Golf', 'Chess'] },
				],
			},
		});
		serve(http, CONTACT_FIELDS);
		const result = await hook.call(ctx, request());
		expect((result.body as IDataObject).customFields).toEqual([
			{ id: 'cf-source', field_value: 'Referral' },
			{ id: 'cf-interests', field_value: ['Golf', 'Chess'] },
		]);
	});

	it.each([
		['both a Value and options', { field: 'cf-interests', value: 'Golf', choices: ['Chess'] }, 'not both'],
		['two options for a single-option field', { field: 'cf-source', value: '', choices: ['Web', 'Referral'] }, 'takes one option'],
	])('%s: NodeOperationError before any write', async (_label, row, text) => {
		const { ctx, http } = fakeContext({ parameters: { 'customFields.values': [row] } });
		serve(http, CONTACT_FIELDS);
		const error = (await hook.call(ctx, request()).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.description).toContain(text);
	});

	it('100 concurrent items make one list request', async () => {
		const { ctx, http } = fakeContext({ parameters: { 'customFields.values': [{ field: 'lead_score', value: 1 }] } });
		serve(http, CONTACT_FIELDS);
		const results = await Promise.all(Array.from({ length: 100 }, async () => await hook.call(ctx, request())));
		expect(http).toHaveBeenCalledTimes(1);
		expect(results.every((r) => (r.body as IDataObject).customFields !== undefined)).toBe(true);
	});
});

describe('customFieldsByKey (Simplify)', () => {
	it('keys contact values ({ id, value }) by field key without the contact. prefix; unknown ids stay', async () => {
		const { ctx, http } = fakeContext();
		serve(http, CONTACT_FIELDS);
		const records = [
			{ id: 'c1', customFields: [{ id: 'cf-score', value: 92 }, { id: 'cf-interests', value: ['Golf'] }] },
			{ id: 'c2', customFields: [{ id: 'cf-gone', value: 'x' }] },
			{ id: 'c3', customFields: [] },
			{ id: 'c4' },
		];
		const byKey = await customFieldsByKey(ctx, 'contact', records);
		expect(records.map(byKey)).toEqual([
			{ id: 'c1', customFields: { lead_score: 92, interests: ['Golf'] } },
			{ id: 'c2', customFields: { 'cf-gone': 'x' } },
			{ id: 'c3', customFields: {} },
			{ id: 'c4' },
		]);
		expect(http).toHaveBeenCalledTimes(1);
		expect(http.mock.calls[0][1]).toMatchObject({ qs: { model: 'contact' } });
	});

	it('keys opportunity values ({ id, fieldValue }) by field key without the opportunity. prefix', async () => {
		const { ctx, http } = fakeContext();
		serve(http, [BUDGET]);
		const byKey = await customFieldsByKey(ctx, 'opportunity', [{ customFields: [{ id: 'cf-budget', fieldValue: 5 }] }]);
		expect(byKey({ customFields: [{ id: 'cf-budget', fieldValue: 5 }] })).toEqual({ customFields: { budget: 5 } });
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('no request when no record has custom field values', async () => {
		const { ctx, http } = fakeContext();
		serve(http, CONTACT_FIELDS);
		const byKey = await customFieldsByKey(ctx, 'contact', [{ id: 'c1', customFields: [] }, { id: 'c2' }]);
		expect(byKey({ id: 'c1', customFields: [] })).toEqual({ id: 'c1', customFields: {} });
		expect(http).not.toHaveBeenCalled();
	});

	it('shortFieldKey strips only the own model prefix', () => {
		expect(shortFieldKey(LEAD_SCORE, 'contact')).toBe('lead_score');
		expect(shortFieldKey(BUDGET, 'opportunity')).toBe('budget');
		expect(shortFieldKey({ ...LEAD_SCORE, fieldKey: 'custom.lead' }, 'contact')).toBe('custom.lead');
	});
});
