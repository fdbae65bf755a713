/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * The shape of the code: the HighLevel client and the descriptions used by several nodes live in
 * nodes/GoHighLevel/shared/; the trigger nodes never import the action node's resources (operation files or their
 * field files).
 */
import * as fs from 'fs';
import * as path from 'path';

const NODES = path.join(__dirname, '..', '..', '..', 'nodes');

function sources(dir: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...sources(full));
		else if (entry.name.endsWith('.ts')) out.push([path.relative(NODES, full), fs.readFileSync(full, 'utf8')]);
	}
	return out;
}

function importsOf(source: string): string[] {
	return [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
}

describe('code structure', () => {
	it.each(['GoHighLevelTrigger', 'GoHighLevelPollingTrigger'])('%s imports nothing from GoHighLevel/resources', (node) => {
		const offending = sources(path.join(NODES, node)).flatMap(([file, text]) =>
			importsOf(text)
				.filter((spec) => /(^|\/)resources(\/|$)/.test(spec))
				.map((spec) => `${file}: ${spec}`),
		);
		expect(offending).toEqual([]);
	});

	it('resource folders do not import from each other (shared fields live in shared/)', () => {
		const offending = sources(path.join(NODES, 'GoHighLevel', 'resources')).flatMap(([file, text]) =>
			importsOf(text)
				.filter((spec) => /^\.\.\/[^.]/.test(spec))
				.map((spec) => `${file}: ${spec}`),
		);
		expect(offending).toEqual([]);
	});
});
