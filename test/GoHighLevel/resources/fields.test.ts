import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { GoHighLevel } from '../../../nodes/GoHighLevel/GoHighLevel.node';
import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { dropEmptyValues } from '../../../nodes/GoHighLevel/shared/body';

const properties = new GoHighLevel().description.properties;

/** Every parameter of the node with the operations it shows for and the collection it sits in, nested ones too. */
function walk(
	list: INodeProperties[],
	show: Record<string, unknown> = {},
	parent = '',
): Array<{ property: INodeProperties; show: Record<string, unknown>; parent: string }> {
	return list.flatMap((property) => {
		const own = { ...show, ...(property.displayOptions?.show ?? {}) };
		const children = (property.options ?? []).flatMap((option) => {
			if ('type' in option) return walk([option as INodeProperties], own, property.name);
			if ('values' in option) return walk((option as INodePropertyCollection).values, own, property.name);
			return [];
		});
		return [{ property, show: own, parent }, ...children];
	});
}

const all = walk(properties);
const at = (resource: string, operation: string, name: string, parent: string) => {
	const found = all.filter(
		(p) =>
			p.property.name === name &&
			p.parent === parent &&
			(p.show.resource as string[] | undefined)?.includes(resource) &&
			(p.show.operation as string[] | undefined)?.includes(operation),
	);
	expect(found).toHaveLength(1);
	return found[0].property;
};

describe('node fields', () => {
	it('every operation is sent through routeTo, which drops empty values before any other hook', () => {
		// Engine tests (test/engine/GoHighLevel/emptyFields.test.ts) send the first operations with their optional
		// fields added but left empty; this holds every later operation to the same path.
		const operations = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) =>
				((p.options ?? []) as INodePropertyOptions[]).map((o) => ({
					name: `${String((p.displayOptions?.show?.resource as string[])[0])}/${String(o.value)}`,
					routing: o.routing,
				})),
			);
		expect(operations.length).toBeGreaterThan(150);
		const outside = operations
			.filter(
				({ routing }) =>
					routing?.send?.preSend?.[0] !== dropEmptyValues ||
					routing.send.paginate !== true ||
					typeof routing.operations?.pagination !== 'function',
			)
			.map(({ name }) => name);
		// API Request → Send sends its JSON body as written (its hint says so); its empty query rows are skipped by
		// its own code (resources/apiRequest/execute.ts).
		expect(outside).toEqual(['apiRequest/send']);
	});

	it('Assigned User is a resource locator everywhere (no dropdown that flags "" as unsupported), optional', () => {
		const assigned = all.filter((p) => p.property.name === 'assignedTo');
		// Contact create / upsert / update / get many, opportunity create / upsert / update / get many; and the filters
		// of the other resources that have one (conversation get many, tasks, …).
		const of = (resource: string) => assigned.filter((p) => (p.show.resource as string[] | undefined)?.includes(resource));
		expect(of('contact').length + of('opportunity').length).toBe(8);
		expect(of('conversation')).toHaveLength(1);
		for (const { property } of assigned) {
			expect(property.type).toBe('resourceLocator');
			expect(property.required).toBe(false);
			expect(property.default).toEqual({ mode: 'list', value: '' });
			const list = property.modes?.find((m) => m.name === 'list');
			const method = list?.typeOptions?.searchListMethod;
			expect(method).toBe('searchUsers');
			expect(typeof (listSearch as Record<string, unknown>)[method!]).toBe('function');
			expect(property.modes?.map((m) => m.name)).toEqual(['list', 'id']);
		}
	});

	it('the Tags hint says per operation what happens to the contact\'s tags', () => {
		const create = at('contact', 'create', 'tags', 'additionalFields').hint;
		const upsert = at('contact', 'upsert', 'tags', 'additionalFields').hint;
		const update = at('contact', 'update', 'tags', 'updateFields').hint;
		expect(create).toMatch(/^Tags of the new contact\./);
		expect(create).not.toMatch(/replace/i);
		expect(upsert).toMatch(/existing contact they replace all its tags/);
		expect(update).toMatch(/^Replaces all the contact's tags/);
		expect(new Set([create, upsert, update]).size).toBe(3);
	});

	it('Fields to Clear on contact Update and Create or Update offers only fields HighLevel lets clear', () => {
		const values = (resource: string, operation: string) =>
			(at(resource, operation, 'fieldsToClear', '').options as Array<{ value: string }>).map((o) => o.value);
		// contacts.json: UpdateContactDto marks source and assignedTo nullable, UpsertContactDto does not;
		// postalCode and country are nullable in neither.
		expect(values('contact', 'update')).toEqual(expect.arrayContaining(['phone', 'email', 'tags', 'source', 'assignedTo']));
		expect(values('contact', 'upsert')).toEqual(expect.arrayContaining(['phone', 'tags', 'companyName']));
		expect(values('contact', 'upsert')).not.toContain('source');
		expect(values('contact', 'upsert')).not.toContain('assignedTo');
		for (const operation of ['update', 'upsert']) {
			expect(values('contact', operation)).not.toContain('postalCode');
			expect(values('contact', operation)).not.toContain('country');
		}
		expect(all.filter((p) => p.property.name === 'fieldsToClear')).toHaveLength(2);
	});

	it('custom field rows offer the chosen field\'s options, loaded per row', () => {
		for (const [resource, operation] of [
			['contact', 'create'],
			['contact', 'upsert'],
			['contact', 'update'],
			['opportunity', 'create'],
			['opportunity', 'update'],
		]) {
			const choices = at(resource, operation, 'choices', 'customFields');
			expect(choices.type).toBe('multiOptions');
			expect(choices.typeOptions).toEqual({
				loadOptionsMethod: 'getCustomFieldValueOptions',
				loadOptionsDependsOn: ['&field'],
			});
			expect(at(resource, operation, 'value', 'customFields').type).toBe('string');
		}
		expect(typeof loadOptions.getCustomFieldValueOptions).toBe('function');
	});
});
