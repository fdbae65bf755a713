/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * What n8n's editor shows of the package, computed the way the editor (n8n 2.8) computes it: node creator search
 * (codex `alias`), documentation links, the canvas subtitle, node and credential icons, and the OAuth2 credential
 * form.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DirectoryLoader } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type CodexData,
	type ICredentialType,
	type INode,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { GoHighLevelOAuth2Api } from '../../credentials/GoHighLevelOAuth2Api.credentials';
import { GoHighLevelPrivateIntegrationTokenApi } from '../../credentials/GoHighLevelPrivateIntegrationTokenApi.credentials';
import { GoHighLevel } from '../../nodes/GoHighLevel/GoHighLevel.node';
import { OAuth2Api } from '../engine/harness';
import { loadPackageNodeTypes, PACKAGE_ROOT, readPackageManifest } from '../engine/harness/package-loader';

const manifest = readPackageManifest() as ReturnType<typeof readPackageManifest> & {
	n8n: { nodes: string[] };
};

/**
 * The codex n8n loads for a node listed in package.json (`dist/nodes/X/X.node.js`): n8n-core's own
 * `DirectoryLoader.getCodex`, which reads `X.node.json` beside the node file and keeps only the fields the editor
 * gets. The build (gulpfile.js `build:icons`) copies `nodes/X/X.node.json` there unchanged, so it is read from
 * `nodes/`.
 */
function codexOf(distPath: string): CodexData {
	const source = distPath.replace(/^dist\//, '');
	const loader = { resolvePath: (file: string) => path.resolve(PACKAGE_ROOT, file) };
	return (DirectoryLoader.prototype as unknown as { getCodex(this: unknown, file: string): CodexData }).getCodex.call(
		loader,
		source,
	);
}

const nodeTypes = [...loadPackageNodeTypes().byName.values()] as INodeType[];

describe('node creator search (codex aliases)', () => {
	const terms = ['LeadConnector', 'Go High Level', 'GHL', 'HighLevel', 'GoHighLevel'];

	it.each(manifest.n8n.nodes)('%s is found by every name HighLevel goes by', (distPath) => {
		const codex = codexOf(distPath);
		const node = nodeTypes.find((type) => distPath.includes(`/${type.description.displayName.replace(/ /g, '')}.node.js`));
		expect(node).toBeDefined();
		// The node creator searches `displayName` and `codex.alias` (fuzzy; a substring always matches).
		const searchable = [node!.description.displayName, ...(codex.alias ?? [])].map((text) => text.toLowerCase());
		for (const term of terms) {
			expect({ term, found: searchable.some((text) => text.includes(term.toLowerCase())) }).toEqual({
				term,
				found: true,
			});
		}
	});
});

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.replace(/\s/g, '-');
}

const readmeAnchors = new Set(
	readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => githubSlug(line.replace(/^#+ /, ''))),
);

describe('documentation links', () => {
	it.each(manifest.n8n.nodes)(
		'%s: the codex links carry no #fragment, as n8n appends "?utm_…" to them',
		(distPath) => {
			const { resources } = codexOf(distPath);
			const links = [...(resources?.primaryDocumentation ?? []), ...(resources?.credentialDocumentation ?? [])];
			expect(links.length).toBeGreaterThan(0);
			for (const { url } of links) {
				// n8n 2.8 editor, useNodeDocsUrl: `${primaryDocUrl}?${utmParams}`.
				const opened = new URL(`${url}?utm_source=n8n_app&utm_medium=node_settings_modal-credential_link`);
				expect({ url, hash: opened.hash }).toEqual({ url, hash: '' });
				expect(opened.searchParams.get('utm_source')).toBe('n8n_app');
			}
		},
	);

	it.each([new GoHighLevelPrivateIntegrationTokenApi(), new GoHighLevelOAuth2Api()] as ICredentialType[])(
		'$displayName: the documentation link opens a README section that exists',
		(credential) => {
			// n8n 2.8 editor, CredentialConfig: a documentationUrl outside docs.n8n.io is opened exactly as given, so
			// its #fragment survives.
			const url = new URL(credential.documentationUrl!);
			expect(url.hostname).not.toBe('docs.n8n.io');
			expect(url.search).toBe('');
			if (url.hash) expect(readmeAnchors).toContain(url.hash.slice(1));
		},
	);
});

describe('the action node on the canvas and in the node creator', () => {
	const node = new GoHighLevel();
	const { description } = node;
	const types: INodeTypes = {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	};

	/** The subtitle n8n's canvas shows (editor useNodeHelpers.getNodeSubtitle): the `subtitle` expression evaluated. */
	function subtitle(parameters: Record<string, string>): unknown {
		const instance: INode = {
			id: 'a',
			name: 'GoHighLevel',
			type: `${manifest.name}.${description.name}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? {},
		};
		const workflow = new Workflow({ nodes: [instance], connections: {}, active: false, nodeTypes: types });
		return workflow.expression.getSimpleParameterValue(instance, description.subtitle!, 'internal', {});
	}

	const operations = description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			((property.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({
					resource,
					operation: String(option.value),
					action: option.action!,
				})),
			),
		);

	it('shows the operation\'s action text, never the internal values', () => {
		expect(operations.length).toBeGreaterThan(10);
		for (const { resource, operation, action } of operations) {
			expect({ resource, operation, subtitle: subtitle({ resource, operation }) }).toEqual({
				resource,
				operation,
				subtitle: action,
			});
		}
		expect(subtitle({ resource: 'contact', operation: 'getAll' })).toBe('Get many contacts');
		expect(subtitle({})).toBe('Create a contact');
	});

	it('says what it is, unlike n8n\'s built-in HighLevel node ("Consume HighLevel API")', () => {
		expect(description.description).toMatch(/^Community node for the HighLevel API v2 \(GoHighLevel, LeadConnector\)/);
		expect(description.displayName).toBe('GoHighLevel');
	});
});

/** Shapes of an icon: bounding boxes of its `<circle>` and `<rect>` elements; any other element fails the test. */
function iconShapes(file: string): { viewBox: number[]; boxes: number[][] } {
	const svg = readFileSync(path.join(PACKAGE_ROOT, 'icons', file), 'utf8');
	const viewBox = /viewBox="([^"]+)"/.exec(svg)![1].split(/\s+/).map(Number);
	const elements = [...svg.matchAll(/<(\w+)\s([^>]*)\/>/g)];
	expect(elements.map(([, tag]) => tag).filter((tag) => tag !== 'circle' && tag !== 'rect')).toEqual([]);
	const boxes = elements.map(([, tag, attributes]) => {
		const number = (name: string) => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(attributes)?.[1] ?? 0);
		if (tag === 'circle') {
			const [cx, cy, r] = [number('cx'), number('cy'), number('r')];
			return [cx - r, cy - r, cx + r, cy + r];
		}
		return [number('x'), number('y'), number('x') + number('width'), number('y') + number('height')];
	});
	return { viewBox, boxes };
}

describe('icons (light and dark)', () => {
	it.each(['gohighlevel.svg', 'gohighlevel.dark.svg'])('%s is full-bleed, without a background tile', (file) => {
		const { viewBox, boxes } = iconShapes(file);
		const [x0, y0, width, height] = viewBox;
		expect(boxes.length).toBeGreaterThan(0);
		// No tile: no single shape spans (nearly) the whole icon.
		for (const [left, top, right, bottom] of boxes) {
			expect((right - left) * (bottom - top)).toBeLessThan(0.5 * width * height);
		}
		// The mark reaches all four edges of the viewBox.
		expect([
			Math.min(...boxes.map((box) => box[0])),
			Math.min(...boxes.map((box) => box[1])),
			Math.max(...boxes.map((box) => box[2])),
			Math.max(...boxes.map((box) => box[3])),
		]).toEqual([x0, y0, x0 + width, y0 + height]);
	});

	it('light and dark draw the same mark in different colours', () => {
		expect(iconShapes('gohighlevel.dark.svg').boxes).toEqual(iconShapes('gohighlevel.svg').boxes);
		const fills = (file: string) => readFileSync(path.join(PACKAGE_ROOT, 'icons', file), 'utf8').match(/fill="[^"]+"/g);
		expect(fills('gohighlevel.dark.svg')).not.toEqual(fills('gohighlevel.svg'));
	});
});

describe('OAuth2 credential form', () => {
	/**
	 * The fields n8n's credential form shows, in order: the editor merges the parent types' properties with the
	 * credential's own (CredentialEdit getCredentialProperties → NodeHelpers.mergeNodeProperties: an overridden field
	 * keeps the parent's position, a new one goes last), then hides `hidden` fields and fields whose displayOptions
	 * do not match the defaults.
	 */
	function formFields(): INodeProperties[] {
		const credential = new GoHighLevelOAuth2Api();
		const merged: INodeProperties[] = [];
		NodeHelpers.mergeNodeProperties(merged, new OAuth2Api().properties);
		NodeHelpers.mergeNodeProperties(merged, credential.properties);
		const values = Object.fromEntries(merged.map((property) => [property.name, property.default]));
		return merged.filter(
			(property) => property.type !== 'hidden' && NodeHelpers.displayParameter(values, property, null, null),
		);
	}

	it('shows Authorization Domain first, then Client ID, Client Secret and a multi-row Scope', () => {
		const fields = formFields();
		expect(fields.map((field) => field.displayName).slice(0, 4)).toEqual([
			'Authorization Domain',
			'Client ID',
			'Client Secret',
			'Scope',
		]);
		expect(fields[3].typeOptions?.rows).toBeGreaterThanOrEqual(3);
	});

	it('offers the standard and the white-labeled authorization page of HighLevel (FACTS.md 3.1)', () => {
		const domain = formFields()[0];
		expect((domain.options as INodePropertyOptions[]).map((option) => [option.name, option.value])).toEqual([
			['Standard (marketplace.gohighlevel.com)', 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation'],
			[
				'White-Label (marketplace.leadconnectorhq.com)',
				'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation',
			],
		]);
		expect(domain.default).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
		expect(domain.description).toContain('white-labeled authorization page');
	});
});
