/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Every operation of the GoHighLevel node has an engine test against the sandbox.
 *
 * The convention (also at the top of helpers.ts and in test/engine/README.md): an operation counts as tested when a
 * `*.test.ts` file under test/engine/GoHighLevel/ contains the node's parameters as an object literal whose
 * `resource` and `operation` are written next to each other, in that order, as string literals:
 * `{ resource: 'note', operation: 'create', … }` (passed to `runNode`, `singleNodeWorkflow`, or a workflow's node).
 * Write both even when one is the default. This file reads the operations from the node description itself
 * (every Resource option × every Operation option shown for it), so a new operation fails here until a test names it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { GoHighLevel } from '../../../nodes/GoHighLevel/GoHighLevel.node';

/** `resource/operation` of every operation the node description offers, e.g. `contact/create`. */
export function nodeOperations(properties: INodeProperties[]): string[] {
	const resource = properties.find((p) => p.name === 'resource');
	if (!resource?.options) throw new Error('the node has no Resource parameter');
	const out: string[] = [];
	for (const r of resource.options as INodePropertyOptions[]) {
		const operationParams = properties.filter(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(r.value),
		);
		if (operationParams.length === 0) throw new Error(`resource ${String(r.value)} has no Operation parameter`);
		for (const p of operationParams) {
			for (const o of (p.options ?? []) as INodePropertyOptions[]) out.push(`${String(r.value)}/${String(o.value)}`);
		}
	}
	return [...new Set(out)].sort();
}

const PAIR = /\bresource:\s*'([A-Za-z0-9_]+)',\s*(?:\/\/[^\n]*\n\s*)?operation:\s*'([A-Za-z0-9_]+)'/g;

/** `resource/operation` pairs a test source runs the node with (see the convention above). */
export function testedOperations(sources: string[]): Set<string> {
	const found = new Set<string>();
	for (const source of sources) for (const m of source.matchAll(PAIR)) found.add(`${m[1]}/${m[2]}`);
	return found;
}

function engineTestSources(dir: string): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...engineTestSources(full));
		else if (entry.name.endsWith('.test.ts') && full !== __filename) out.push(fs.readFileSync(full, 'utf8'));
	}
	return out;
}

describe('engine test coverage of the GoHighLevel node', () => {
	const operations = nodeOperations(new GoHighLevel().description.properties);

	it('finds every operation of the node description', () => {
		expect(operations).toEqual(expect.arrayContaining(['contact/create', 'opportunity/getAll', 'pipeline/getAll']));
		expect(operations.length).toBeGreaterThanOrEqual(16);
	});

	it('has an engine test for every operation', () => {
		const tested = testedOperations(engineTestSources(__dirname));
		expect(operations.filter((op) => !tested.has(op))).toEqual([]);
	});

	it('would report an operation added without a test', () => {
		const properties: INodeProperties[] = [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				default: 'note',
				options: [{ name: 'Note', value: 'note' }],
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				default: 'create',
				displayOptions: { show: { resource: ['note'] } },
				options: [
					{ name: 'Create', value: 'create' },
					{ name: 'Delete', value: 'delete' },
				],
			},
		];
		const tested = testedOperations([
			"await runNode(sandbox, { resource: 'note', operation: 'create', body: 'x' });",
			"const p = { resource: 'note', // comment\n operation: 'get' };",
			"expect(x).toEqual({ operation: 'delete', resource: 'note' });",
		]);
		expect([...tested].sort()).toEqual(['note/create', 'note/get']);
		expect(nodeOperations(properties).filter((op) => !tested.has(op))).toEqual(['note/delete']);
	});
});
