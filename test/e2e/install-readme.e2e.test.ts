/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code runs in Node and Jest, not inside n8n */
/**
 * README "Install in n8n", run as written: the shell lines after `# where n8n runs` run with HOME set to a fresh
 * folder and the packed tarball in place of `/path/to/…tgz`; then n8n 2.8.4, using that folder as its user folder
 * (n8n's default is HOME), must load every node and credential of the package. The lines before it must be the
 * build the harness does (`npm ci && npm run build && npm pack`). Build first (`npm run build`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { cleanupAll, N8nInstance, packPackage, REPO_ROOT } from './n8n';

/** The first ```bash block of the README section `heading`. */
function readmeBlock(heading: string): string {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf(`\n## ${heading}\n`);
	expect(start).toBeGreaterThanOrEqual(0);
	const section = readme.slice(start).split(/\n## /)[1];
	const block = /```bash\n([\s\S]*?)```/.exec(section);
	if (!block) throw new Error(`README section "${heading}" has no bash block`);
	return block[1];
}

describe('README: Install in n8n', () => {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-readme-home-'));
	let n8n: N8nInstance | undefined;

	afterAll(async () => {
		await n8n?.dispose();
		fs.rmSync(home, { recursive: true, force: true });
		cleanupAll();
	});

	test('the tarball install, as written, gives an n8n that loads every node and credential', async () => {
		const block = readmeBlock('Install in n8n');
		const [build, install] = block.split(/^# where n8n runs\n/m);
		expect(build.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
			expect.stringMatching(/^npm ci && npm run build && npm pack\b/),
		]);

		const tarball = await packPackage();
		const script = install.replace(/\/path\/to\/n8n-nodes-gohighlevel-[\w.-]+\.tgz/g, tarball);
		expect(script).toContain(tarball);
		const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
			cwd: home,
			env: { ...process.env, HOME: home, npm_config_update_notifier: 'false', CI: 'true' },
			encoding: 'utf8',
			timeout: 5 * 60_000,
		});
		expect({ status: result.status, output: result.stdout + result.stderr }).toMatchObject({
			status: 0,
		});
		const nodesDir = path.join(home, '.n8n', 'nodes');
		expect(fs.existsSync(path.join(nodesDir, 'node_modules', 'n8n-nodes-gohighlevel'))).toBe(true);
		// --legacy-peer-deps: no second n8n-workflow beside n8n's own.
		expect(fs.existsSync(path.join(nodesDir, 'node_modules', 'n8n-workflow'))).toBe(false);

		n8n = await N8nInstance.create({ userFolder: home });
		const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
		const loaded = (await n8n.listNodeTypes()).map((type) => type.name);
		for (const file of manifest.n8n.nodes as string[]) {
			const node = path.basename(file, '.node.js');
			expect(loaded).toContain(`n8n-nodes-gohighlevel.${node[0].toLowerCase()}${node.slice(1)}`);
		}
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
		const credentials = (await n8n.listCredentialTypes()).map((type) => type.name);
		for (const file of manifest.n8n.credentials as string[]) {
			const credential = path.basename(file, '.credentials.js');
			expect(credentials).toContain(`${credential[0].toLowerCase()}${credential.slice(1)}`);
		}
	});
});
