/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

/** Root directory of this package (the folder holding package.json). */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..');

interface PackageManifest {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** One source file listed in package.json that failed to load, with the error it threw. */
export interface PackageLoadFailure {
	/** Source path relative to the package root, e.g. `nodes/GoHighLevel/GoHighLevel.node.ts`. */
	source: string;
	error: Error;
}

/** Result of loading one kind of artifact (nodes or credentials) from the package's TypeScript sources. */
export interface PackageLoadResult<T> {
	/** Loaded artifacts by registry key: full node type name (`<package>.<name>`) or credential type name. */
	byName: Map<string, T>;
	/** Files that failed to load; loading continues with the next file. */
	failures: PackageLoadFailure[];
}

let manifest: PackageManifest | undefined;
let nodes: PackageLoadResult<INodeType | IVersionedNodeType> | undefined;
let credentials: PackageLoadResult<ICredentialType> | undefined;

/** package.json of this package (read once). Throws if it is missing or not JSON. */
export function readPackageManifest(): PackageManifest {
	manifest ??= JSON.parse(
		readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
	) as PackageManifest;
	return manifest;
}

/**
 * Maps a built path listed in package.json (`dist/nodes/X/X.node.js`) to its TypeScript source
 * (`nodes/X/X.node.ts`), relative to the package root.
 */
export function distPathToSource(distPath: string): string {
	return distPath.replace(/^(\.\/)?dist\//, '').replace(/\.js$/, '.ts');
}

/** `GoHighLevel.node.ts` → `GoHighLevel`; `Foo.credentials.ts` → `Foo`. */
function exportNameFor(source: string): string {
	return path.basename(source).replace(/\.(node|credentials)\.ts$/, '');
}

type Constructor = new () => unknown;

/**
 * Requires a TypeScript source (compiled on the fly by ts-jest under jest, or ts-node elsewhere) and
 * instantiates its exported class: preferably the export named like the file, else the first exported class
 * whose instance passes `accept`.
 */
function instantiateExport<T>(source: string, accept: (value: unknown) => value is T): T {
	const absolute = path.join(PACKAGE_ROOT, source);
	if (!existsSync(absolute))
		throw new Error(`Source file ${source} (listed in package.json) does not exist`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(absolute) as Record<string, unknown>;
	const preferred = moduleExports[exportNameFor(source)];
	const candidates = [preferred, ...Object.values(moduleExports)].filter(
		(value): value is Constructor => typeof value === 'function',
	);
	for (const Candidate of candidates) {
		let instance: unknown;
		try {
			instance = new Candidate();
		} catch {
			continue;
		}
		if (accept(instance)) return instance;
	}
	throw new Error(`Source file ${source} exports no suitable class`);
}

function isNodeType(value: unknown): value is INodeType | IVersionedNodeType {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<INodeType & IVersionedNodeType>;
	return (
		typeof candidate.description?.name === 'string' &&
		(candidate.nodeVersions !== undefined ||
			Array.isArray((candidate.description as { properties?: unknown }).properties))
	);
}

function isCredentialType(value: unknown): value is ICredentialType {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<ICredentialType>;
	return typeof candidate.name === 'string' && Array.isArray(candidate.properties);
}

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

/**
 * Loads (once, on first call) every node listed in package.json `n8n.nodes` from its TypeScript source.
 * Keys are the type names n8n gives community nodes: `<package name>.<description.name>`, e.g.
 * `n8n-nodes-gohighlevel.goHighLevel`. A file that fails to compile or load is recorded in `failures`
 * instead of throwing, so other files still load.
 */
export function loadPackageNodeTypes(): PackageLoadResult<INodeType | IVersionedNodeType> {
	if (nodes) return nodes;
	const { name, n8n } = readPackageManifest();
	const result: PackageLoadResult<INodeType | IVersionedNodeType> = {
		byName: new Map(),
		failures: [],
	};
	for (const distPath of n8n?.nodes ?? []) {
		const source = distPathToSource(distPath);
		try {
			const nodeType = instantiateExport(source, isNodeType);
			result.byName.set(`${name}.${nodeType.description.name}`, nodeType);
		} catch (error) {
			result.failures.push({ source, error: asError(error) });
		}
	}
	nodes = result;
	return result;
}

/**
 * Loads (once, on first call) every credential type listed in package.json `n8n.credentials` from its
 * TypeScript source, keyed by the credential type's `name`. Failures are recorded like
 * {@link loadPackageNodeTypes}.
 */
export function loadPackageCredentialTypes(): PackageLoadResult<ICredentialType> {
	if (credentials) return credentials;
	const { n8n } = readPackageManifest();
	const result: PackageLoadResult<ICredentialType> = { byName: new Map(), failures: [] };
	for (const distPath of n8n?.credentials ?? []) {
		const source = distPathToSource(distPath);
		try {
			const credentialType = instantiateExport(source, isCredentialType);
			result.byName.set(credentialType.name, credentialType);
		} catch (error) {
			result.failures.push({ source, error: asError(error) });
		}
	}
	credentials = result;
	return result;
}

/** Human-readable list of load failures for error messages (file and first line of each error). */
export function describeFailures(failures: PackageLoadFailure[]): string {
	return failures
		.map(({ source, error }) => `${source}: ${error.message.split('\n')[0]}`)
		.join('; ');
}
