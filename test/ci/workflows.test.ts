/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
/**
 * The GitHub Actions workflows: valid YAML, CI runs `.ci/run`, and publishing follows n8n's requirement for
 * community packages (npm provenance from GitHub Actions, OIDC token) after lint, unit tests and build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parseDocument } from 'yaml';

import { PACKAGE_ROOT } from '../engine/harness/package-loader';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

/** Parses `.github/workflows/<file>`; fails on any YAML error. */
function workflow(file: string): Workflow {
	const document = parseDocument(readFileSync(path.join(PACKAGE_ROOT, '.github', 'workflows', file), 'utf8'));
	expect(document.errors.map((error) => error.message)).toEqual([]);
	return document.toJS() as Workflow;
}

/** Index of the first step whose `run` matches `pattern` (-1 when none). */
function stepIndex(steps: Step[], pattern: RegExp): number {
	return steps.findIndex((step) => pattern.test(step.run ?? ''));
}

describe('GitHub Actions workflows', () => {
	it('CI runs .ci/run on pull requests and pushes to main, on Node 20', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push).toEqual({ branches: ['main'] });
		const steps = Object.values(ci.jobs)[0].steps;
		expect(steps[0].uses).toMatch(/^actions\/checkout@/);
		expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('20');
		expect(steps[steps.length - 1].run).toBe('bash .ci/run');
	});

	it('publishes on v* tags with provenance, after the tag check, lint, unit tests and build', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v*'] } });
		const job = Object.values(publish.jobs)[0];
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const steps = job.steps;
		expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('20');
		const order = [
			/GITHUB_REF_NAME/,
			/^npm ci\b/,
			/^npm run lint$/,
			/^npm run test:unit$/,
			/^npm run build$/,
			/npm publish --provenance --access public/,
		].map((pattern) => stepIndex(steps, pattern));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		// Trusted Publishing needs npm >= 11.5.1; Node 20 ships npm 10.
		const npmVersion = /npm install -g npm@(\d+)\.(\d+)\.\d+/.exec(steps.map((step) => step.run ?? '').join('\n'));
		expect(npmVersion).not.toBeNull();
		expect(Number(npmVersion![1]) * 1000 + Number(npmVersion![2])).toBeGreaterThanOrEqual(11_005);
	});
});
