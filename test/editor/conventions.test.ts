/**
 * n8n's parameter conventions, checked on the node descriptions as built rather than on source literals: shared
 * builders (e.g. `collectionField` in nodes/GoHighLevel/shared/descriptions.ts) assemble many collections, which
 * n8n's lint rules for `type: 'collection'` literals cannot see. The rules mirrored here are the ones in
 * tooling/node-cli/LINT-RULES.md: option lists and collection entries with 5 or more items are sorted
 * alphabetically by name, a collection defaults to `{}`, and every option of an `options` parameter has a value.
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { GoHighLevel } from '../../nodes/GoHighLevel/GoHighLevel.node';
import { GoHighLevelPollingTrigger } from '../../nodes/GoHighLevelPollingTrigger/GoHighLevelPollingTrigger.node';
import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';

type Found = { path: string; property: INodeProperties };

/** Every property of a description, nested collections and fixed-collection sections included, with a path. */
function walk(properties: INodeProperties[], prefix: string, out: Found[] = []): Found[] {
	for (const property of properties) {
		const path = `${prefix}/${property.name}`;
		out.push({ path, property });
		if (property.type === 'collection' || property.type === 'fixedCollection') {
			for (const option of property.options ?? []) {
				if ('values' in option && Array.isArray(option.values)) {
					walk(option.values as INodeProperties[], `${path}/${option.name}`, out);
				} else if ('type' in option) {
					walk([option as INodeProperties], path, out);
				}
			}
		}
	}
	return out;
}

const descriptions: INodeTypeDescription[] = [
	new GoHighLevel().description,
	new GoHighLevelTrigger().description,
	new GoHighLevelPollingTrigger().description,
];

/** Names that are not in case-insensitive alphabetical order in `names` (empty when sorted). */
function unsorted(names: string[]): string[] {
	const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
	return names.filter((name, i) => name !== sorted[i]);
}

describe.each(descriptions.map((d) => [d.displayName, d] as const))('%s', (_name, description) => {
	const all = walk(description.properties, description.name);

	test('collections default to {} and list 5 or more entries alphabetically', () => {
		const problems: string[] = [];
		for (const { path, property } of all) {
			if (property.type !== 'collection') continue;
			if (JSON.stringify(property.default) !== '{}') problems.push(`${path}: default is not {}`);
			const names = (property.options ?? []).map((o) => String((o as INodeProperties).displayName));
			if (names.length >= 5 && unsorted(names).length) problems.push(`${path}: ${names.join(', ')}`);
		}
		expect(problems).toEqual([]);
	});

	test('option lists with 5 or more entries are alphabetical, except Resource/Operation/Event lists n8n exempts', () => {
		const problems: string[] = [];
		for (const { path, property } of all) {
			if (property.type !== 'options' && property.type !== 'multiOptions') continue;
			if (['resource', 'operation', 'events', 'event'].includes(property.name)) continue;
			const options = (property.options ?? []) as INodePropertyOptions[];
			for (const option of options) {
				if (option.value === undefined) problems.push(`${path}: option "${option.name}" has no value`);
			}
			const names = options.map((o) => String(o.name));
			if (names.length >= 5 && unsorted(names).length) problems.push(`${path}: ${names.join(', ')}`);
		}
		expect(problems).toEqual([]);
	});

	test('no optional dropdown starts with a value n8n flags as "not supported"', () => {
		// n8n 2.8's editor flags an options value missing from the loaded list ("The value "" is not supported!")
		// unless the parameter has allowArbitraryValues; an optional field added to a collection starts at its default.
		const problems = all
			.filter(({ property }) => property.type === 'options' && property.typeOptions?.loadOptionsMethod)
			.filter(({ property }) => !property.required && property.default === '' && !property.allowArbitraryValues)
			.map(({ path }) => path);
		expect(problems).toEqual([]);
	});
});
