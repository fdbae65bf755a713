/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * Load smoke test: the packed package, installed into a fresh n8n user folder the way n8n installs community
 * packages, loads in the pinned n8n host. `npm run test:e2e` builds dist/ first; this file builds nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeTypeDescription } from 'n8n-workflow';
import {
	cleanupAll,
	N8nInstance,
	packPackage,
	readPackedManifest,
	REPO_ROOT,
	type InstalledPackage,
} from './n8n';

const PACKAGE_DIR = REPO_ROOT;
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
/** The main node's type name as workflows reference it. */
const MAIN_NODE_TYPE = 'n8n-nodes-gohighlevel.goHighLevel';

/** Instances of the classes exported by the built files in package.json `n8n.<key>` (ES2022 output). */
async function builtInstances(
	key: 'nodes' | 'credentials',
): Promise<Array<Record<string, unknown>>> {
	const instances: Array<Record<string, unknown>> = [];
	for (const entry of manifest.n8n[key]) {
		const file = path.join(PACKAGE_DIR, entry);
		if (!fs.existsSync(file)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
		const exported = (await import(file)) as Record<string, unknown>;
		for (const value of Object.values(exported)) {
			// Only classes: the files may also export constants or helper functions.
			if (typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))) {
				instances.push(new (value as new () => Record<string, unknown>)());
			}
		}
	}
	return instances;
}

/**
 * `<package>.<description.name>` of each node class in package.json `n8n.nodes`, plus `<…>Tool` for nodes marked
 * `usableAsTool` (n8n derives an AI-agent tool variant of those at load time).
 */
async function expectedNodeTypes(): Promise<string[]> {
	const names: string[] = [MAIN_NODE_TYPE];
	for (const node of await builtInstances('nodes')) {
		const description = node.description as { name?: string; usableAsTool?: unknown } | undefined;
		if (typeof description?.name !== 'string') continue;
		names.push(`${manifest.name}.${description.name}`);
		if (description.usableAsTool) names.push(`${manifest.name}.${description.name}Tool`);
	}
	return [...new Set(names)].sort();
}

/** `name` of each credential class in package.json `n8n.credentials`. */
async function expectedCredentialTypes(): Promise<string[]> {
	return (await builtInstances('credentials'))
		.filter(
			(credential) => typeof credential.name === 'string' && Array.isArray(credential.properties),
		)
		.map((credential) => credential.name as string)
		.sort();
}

/** Icon paths of a node or credential type: `iconUrl` is a path or `{ light, dark }`. */
function iconUrlsOf(iconUrl: unknown): string[] {
	if (typeof iconUrl === 'string') return [iconUrl];
	if (iconUrl !== null && typeof iconUrl === 'object') {
		return Object.values(iconUrl).filter((value): value is string => typeof value === 'string');
	}
	return [];
}

describe('the packed package loads in n8n', () => {
	let n8n: N8nInstance;
	let tarball: string;
	let installed: InstalledPackage;
	const logged = (fn: () => Promise<void>) => () => n8n.withLogsOnFailure(fn);

	beforeAll(async () => {
		tarball = await packPackage({ packageDir: PACKAGE_DIR });
		n8n = await N8nInstance.create();
		installed = await n8n.installPackage(tarball);
	});

	afterAll(async () => {
		await n8n?.dispose();
		cleanupAll();
	});

	test('the packed package.json declares no runtime dependencies and keeps the n8n section', () => {
		const packed = readPackedManifest(tarball);
		expect(packed.name).toBe(manifest.name);
		expect(packed.dependencies).toBeUndefined();
		expect(packed.n8n).toEqual(manifest.n8n);
	});

	test('installs into <userFolder>/.n8n/nodes without a second n8n-workflow', () => {
		expect(installed.name).toBe(manifest.name);
		expect(fs.existsSync(path.join(installed.dir, 'package.json'))).toBe(true);
		const nodeModules = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules');
		expect(fs.existsSync(path.join(nodeModules, 'n8n-workflow'))).toBe(false);
		expect(fs.existsSync(path.join(installed.dir, 'node_modules', 'n8n-workflow'))).toBe(false);
	});

	test(
		'export:nodes lists every node type in package.json n8n.nodes under its production name',
		logged(async () => {
			const expected = await expectedNodeTypes();
			const loaded = (await n8n.listNodeTypes()).map((node) => node.name);
			const ours = loaded.filter((name) => name.startsWith(`${manifest.name}.`));
			expect([...new Set(ours)].sort()).toEqual(expected);
		}),
	);

	test(
		'the server loads every credential type in n8n.credentials, every credential the nodes use, and serves the icons',
		logged(async () => {
			const nodes: INodeTypeDescription[] = (await n8n.listNodeTypes()).filter((node) =>
				node.name.startsWith(`${manifest.name}.`),
			);
			const usedByNodes = nodes.flatMap((node) =>
				(node.credentials ?? []).map((credential) => credential.name),
			);

			await n8n.start();
			await n8n.setupOwnerAndApiKey();
			const expected = await expectedCredentialTypes();
			const credentials = (await n8n.listCredentialTypes()).filter(
				(credential) =>
					expected.includes(credential.name) || usedByNodes.includes(credential.name),
			);
			const loaded = new Set(credentials.map((credential) => credential.name));
			expect(expected.length).toBe(manifest.n8n.credentials.length);
			expect(expected.filter((name) => !loaded.has(name))).toEqual([]);
			expect(usedByNodes.filter((name) => !loaded.has(name))).toEqual([]);

			const iconUrls = [...nodes, ...credentials].flatMap((type) => iconUrlsOf(type.iconUrl));
			expect(iconUrls.length).toBeGreaterThan(0);
			for (const iconUrl of iconUrls) {
				const response = await n8n.fetch(iconUrl);
				expect({ iconUrl, status: response.status }).toEqual({ iconUrl, status: 200 });
				expect(response.headers.get('content-type')).toMatch(/^image\//);
			}
			await n8n.stop();
		}),
	);
});
