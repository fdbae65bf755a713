import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import {
	authenticationProperty,
	assignedUserField,
	customFieldsProperty,
	dateRangeFields,
	returnAllOrLimit,
	simplifyProperty,
	TAG_LIST_VALUE,
	userLocator,
} from '../../../nodes/GoHighLevel/shared/descriptions';
import { CREDENTIAL_TYPES, DEFAULT_AUTHENTICATION } from '../../../nodes/GoHighLevel/shared/transport';

/** Evaluates the `={{ … }}` expression body as plain JavaScript with `$value` bound (no n8n sandbox needed). */
function evaluateTagList(value: unknown): unknown {
	const match = /^=\{\{([\s\S]*)\}\}$/.exec(TAG_LIST_VALUE);
	expect(match).not.toBeNull();
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test-only: evaluates the package's own constant
	return new Function('$value', `return (${match![1]});`)(value);
}

describe('descriptions', () => {
	it('authentication options are exactly the credential types the transport knows, default included', () => {
		const values = (authenticationProperty.options as Array<{ value: string }>).map((o) => o.value);
		expect(values.sort()).toEqual(Object.keys(CREDENTIAL_TYPES).sort());
		expect(values).toContain(authenticationProperty.default);
		expect(authenticationProperty.default).toBe(DEFAULT_AUTHENTICATION);
	});

	it('Limit shows only when Return All is off, for the same operation', () => {
		const show = { resource: ['contact'], operation: ['getAll'] };
		const [returnAll, limit] = returnAllOrLimit(show);
		expect(returnAll.name).toBe('returnAll');
		expect(returnAll.displayOptions?.show).toEqual(show);
		expect(limit.name).toBe('limit');
		expect(limit.displayOptions?.show).toEqual({ ...show, returnAll: [false] });
		expect(limit.typeOptions?.minValue).toBe(1);
	});

	it('date range: two required dateTime parameters with the time zone hint, names overridable', () => {
		const show = { resource: ['calendar'], operation: ['getFreeSlots'] };
		const [start, end] = dateRangeFields({ show });
		expect(start).toMatchObject({ name: 'startTime', type: 'dateTime', required: true, displayOptions: { show } });
		expect(end).toMatchObject({ name: 'endTime', type: 'dateTime', required: true });
		expect(start.hint).toContain("workflow's time zone");
		const named = dateRangeFields({ show, start: { name: 'from', displayName: 'From' }, end: { name: 'to', displayName: 'To' }, required: false });
		expect(named.map((p) => [p.name, p.displayName, p.required])).toEqual([
			['from', 'From', false],
			['to', 'To', false],
		]);
	});

	it('user locator: the same user search as Assigned User, under any parameter name', () => {
		const user = userLocator({ displayName: 'User', name: 'userId', show: { operation: ['getAll'] } });
		const assigned = assignedUserField();
		expect(user).toMatchObject({ name: 'userId', type: 'resourceLocator', required: true });
		expect(user.displayOptions?.show).toEqual({ operation: ['getAll'] });
		expect(user.modes).toEqual(assigned.modes);
		expect(assigned).toMatchObject({ name: 'assignedTo', required: false });
		expect(assigned.displayOptions).toBeUndefined();
	});

	it('simplify is a boolean off by default', () => {
		const p = simplifyProperty({ operation: ['get'] });
		expect(p).toMatchObject({ name: 'simplify', type: 'boolean', default: false });
	});

	it.each([
		['contact', 'getContactCustomFields'],
		['opportunity', 'getOpportunityCustomFields'],
	] as const)('custom fields rows of %s load their options from %s, under customFields.values', (model, method) => {
		const p = customFieldsProperty(model, { operation: ['create'] });
		expect(p.name).toBe('customFields');
		const values = (p.options as Array<{ name: string; values: Array<{ name: string; typeOptions?: { loadOptionsMethod?: string } }> }>)[0];
		expect(values.name).toBe('values');
		expect(values.values.map((v) => v.name)).toEqual(['field', 'value', 'choices']);
		expect(values.values[0].typeOptions?.loadOptionsMethod).toBe(method);
		expect(typeof (loadOptions as Record<string, unknown>)[method]).toBe('function');
	});

	it.each<[string, unknown, string[]]>([
		['array from the dropdown', ['vip', ' newsletter '], ['vip', 'newsletter']],
		['comma-separated string', 'vip, newsletter,,', ['vip', 'newsletter']],
		['single tag', 'vip', ['vip']],
		['empty string', '', []],
		['null', null, []],
		['numbers', [1, 2], ['1', '2']],
	])('TAG_LIST_VALUE turns a %s into a clean list', (_label, value, expected) => {
		expect(evaluateTagList(value)).toEqual(expected);
	});
});
