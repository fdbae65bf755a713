#!/usr/bin/env node
/**
 * Runs the official n8n community-node CLI (`n8n-node`, from `@n8n/node-cli`) against this package.
 *
 * Usage (through the package scripts): `npm run lint`, `npm run lint:fix`, `npm run dev`, `npm run release`,
 * or directly `node scripts/node-cli.mjs <n8n-node arguments>`. Exit code and stdio are those of `n8n-node`.
 *
 * Why the CLI lives in its own folder (tooling/node-cli) and not in this package's devDependencies:
 * - Installing `@n8n/node-cli` from the npm registry needs `overrides` (`@langchain/langgraph` 1.2.0, because a
 *   langchain version it would otherwise pick is not published), and strict-mode lint
 *   (`@n8n/community-nodes/no-overrides-field`) forbids an `overrides` field in a community package's package.json.
 * - The install must run with `--ignore-scripts`: isolated-vm (pulled in through @n8n/expression-runtime) needs
 *   Node >= 24 and does not compile on Node 20, and eslint-plugin-n8n-nodes-base's preinstall runs
 *   `npx only-allow pnpm`. Neither is needed for lint/build/release, and neither can be switched off per dependency
 *   from a community package's own install.
 * So tooling/node-cli has its own package.json + package-lock.json, and this script keeps it installed. Its overrides:
 * `@langchain/langgraph` 1.2.0 (see above) and `unrs-resolver` 1.12.2 (a resolver used by eslint-plugin-import-x:
 * the registry the project is developed against lacks the other platforms' 1.13.0 binary packages, so with 1.13.0
 * the lockfile misses them and `npm ci` rejects it as out of sync).
 *
 * What the script does:
 * 1. Installs tooling/node-cli (`npm ci --ignore-scripts`, falling back to `npm install --ignore-scripts` with the
 *    lockfile present) when `node_modules/.bin/n8n-node` is missing or package.json / package-lock.json changed since
 *    the last install. The SHA-256 of both files is kept in tooling/node-cli/node_modules/.node-cli-install-stamp.
 * 2. Makes the tooling install visible from the package root, exactly where a template project would have it:
 *    `n8n-node lint` runs `npm exec -- eslint .`, and `npm exec` only looks for `eslint` in `node_modules/.bin` of the
 *    package root (and its parents) or the global bin folder, never on PATH; and eslint.config.mjs imports
 *    `@n8n/node-cli/eslint`, which Node resolves from the package root's node_modules. The script therefore creates
 *    in the package root, only where nothing else exists, a relative symlink `node_modules/.bin/eslint` into
 *    tooling/node-cli/node_modules, and a two-file shim package `node_modules/@n8n/node-cli` whose `./eslint` export
 *    re-exports the tooling's config. (Not a symlink to the tooling's package: a later `npm install` in the package
 *    root prunes extraneous packages and would delete the linked package's own dependencies inside the tooling
 *    folder.) `npm ci` / `npm install` in the package root may remove both; they are recreated on the next run.
 *    `npm ls` lists the shim as extraneous. Editors' ESLint integrations work through the same files. (On Windows
 *    the eslint link is not made; `eslint` would then be fetched by `npm exec`.)
 * 3. Runs `n8n-node <args>` with the package root as cwd and tooling/node-cli/node_modules/.bin first on PATH.
 *
 * Commands:
 * - `lint` / `lint --fix`: strict mode (package.json `n8n.strict: true`) also requires eslint.config.mjs in the package
 *   root to be identical (after whitespace normalisation) to the template's. What the rules enforce:
 *   tooling/node-cli/LINT-RULES.md. After `n8n-node lint`, this script lints the shipped sources (nodes/ and
 *   credentials/) a second time with the same config and inline configuration off (ESLint `linterOptions.noInlineConfig`,
 *   what `eslint --no-inline-config` sets), the way n8n's community package scanner lints published code: an
 *   `eslint-disable` comment there hides nothing. It fails on any error and on any inline `eslint` comment in those
 *   folders (ESLint reports each as "has no effect because you have 'noInlineConfig' setting"). The exit code is
 *   n8n-node's when that failed, otherwise 1 when this pass failed.
 * - `dev` MUST be given `--external-n8n`: without it `n8n-node dev` runs `npx n8n@latest`, which cannot work with the
 *   pinned Node 20 toolchain (current n8n releases need a newer Node). With `--external-n8n` it copies static
 *   files, links this package into `<custom-user-folder>/.n8n/custom/node_modules/` (default `~/.n8n-node-cli`) and
 *   runs `tsc --watch`; start n8n yourself from the pinned host install kept under test/e2e/n8n-host (see test/e2e)
 *   with `N8N_USER_FOLDER=<custom-user-folder>` and `N8N_DEV_RELOAD=true`. Its static-file copy takes every
 *   `.png` / `.svg` file outside the top-level dist/ and node_modules/, so it also copies the images inside
 *   tooling/node-cli/node_modules to dist/tooling/ — harmless (package.json `files` ships only dist/nodes,
 *   dist/credentials, dist/icons; `npm run clean` removes it). For the same reason use `npm run build`, not
 *   `n8n-node build` (which also skips the codex *.node.json files).
 * - `release`: runs `release-it` through `npm exec` (fetched from the registry on first use) and, in GitHub Actions,
 *   `npm run lint`, `npm run build`, `npm publish`.
 *
 * Dependency-free on purpose (Node built-ins only): it has to run before anything is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readlinkSync,
	symlinkSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolingDir = join(packageRoot, 'tooling', 'node-cli');
const toolingModules = join(toolingDir, 'node_modules');
const toolingBin = join(toolingModules, '.bin');
const isWindows = process.platform === 'win32';
const n8nNodeBin = join(toolingBin, isWindows ? 'n8n-node.cmd' : 'n8n-node');
const stampFile = join(toolingModules, '.node-cli-install-stamp');
const npmCommand = isWindows ? 'npm.cmd' : 'npm';

/** SHA-256 (hex) over tooling/node-cli/package.json and package-lock.json: identifies the install they describe. */
function manifestHash() {
	const hash = createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) {
		hash
			.update(file)
			.update('\0')
			.update(readFileSync(join(toolingDir, file)))
			.update('\0');
	}
	return hash.digest('hex');
}

/** True when tooling/node-cli needs (re)installing: n8n-node missing, or manifests changed since the stamp. */
function needsInstall(hash) {
	if (!existsSync(n8nNodeBin) || !existsSync(stampFile)) return true;
	return readFileSync(stampFile, 'utf8').trim() !== hash;
}

/** Runs npm in tooling/node-cli with inherited stdio; returns its exit status (1 when it could not start). */
function runNpm(args) {
	const result = spawnSync(npmCommand, args, {
		cwd: toolingDir,
		stdio: 'inherit',
		shell: isWindows,
		env: {
			...process.env,
			npm_config_yes: 'true',
			npm_config_audit: 'false',
			npm_config_fund: 'false',
		},
	});
	if (result.error) console.error(`node-cli: could not run npm: ${result.error.message}`);
	return result.status ?? 1;
}

/** Installs tooling/node-cli from its lockfile and writes the stamp; exits the process when npm fails. */
function install(hash) {
	console.error('node-cli: installing tooling/node-cli (first run or lockfile changed) ...');
	const started = Date.now();
	// `--loglevel=error`: the one warning this locked install prints is isolated-vm's "requires Node >= 24" engine
	// notice; its install script never runs (--ignore-scripts) and lint does not load it. Errors still print.
	let status = runNpm(['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	if (status !== 0) {
		// npm 11 occasionally fails `ci` with "ENOENT: Cannot cd into …/node_modules/<nested>" while extracting nested
		// packages under load; `npm install` with the lockfile present (and --no-save) yields the same locked tree.
		console.error(
			'node-cli: `npm ci` failed, retrying with `npm install` and the committed lockfile ...',
		);
		status = runNpm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save']);
	}
	if (status !== 0 || !existsSync(n8nNodeBin)) {
		console.error('node-cli: installing tooling/node-cli failed; see the npm output above.');
		process.exit(status || 1);
	}
	writeFileSync(stampFile, `${hash}\n`);
	console.error(
		`node-cli: tooling/node-cli installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
	);
}

/**
 * Makes `linkPath` a relative symlink to `target`, unless something other than a symlink already occupies it
 * (a real install in the package root wins). A stale or dangling symlink is replaced.
 */
function ensureLink(target, linkPath, type) {
	let stat;
	try {
		stat = lstatSync(linkPath);
	} catch {
		stat = undefined;
	}
	const wanted = relative(dirname(linkPath), target);
	if (stat) {
		if (!stat.isSymbolicLink()) return;
		if (readlinkSync(linkPath) === wanted && existsSync(linkPath)) return;
		unlinkSync(linkPath);
	}
	mkdirSync(dirname(linkPath), { recursive: true });
	symlinkSync(isWindows && type === 'junction' ? target : wanted, linkPath, type);
}

/** Marks the shim package this script writes, so that it never overwrites a real install. */
const SHIM_VERSION = '0.0.0-tooling-shim';

/**
 * Writes `node_modules/@n8n/node-cli` in the package root as a shim whose `./eslint` export loads the tooling
 * install's config by relative path (its own dependencies then resolve inside tooling/node-cli). Replaces an older
 * symlink; leaves a real install alone.
 */
function ensureEslintConfigShim(rootModules) {
	const shimDir = join(rootModules, '@n8n', 'node-cli');
	let stat;
	try {
		stat = lstatSync(shimDir);
	} catch {
		stat = undefined;
	}
	if (stat?.isSymbolicLink()) {
		unlinkSync(shimDir);
	} else if (stat) {
		let version;
		try {
			version = JSON.parse(readFileSync(join(shimDir, 'package.json'), 'utf8')).version;
		} catch {
			version = undefined;
		}
		if (version !== SHIM_VERSION) return;
	}
	mkdirSync(shimDir, { recursive: true });
	const target = relative(shimDir, join(toolingModules, '@n8n', 'node-cli', 'dist', 'configs', 'eslint.js'))
		.split('\\')
		.join('/');
	writeFileSync(
		join(shimDir, 'package.json'),
		`${JSON.stringify(
			{
				name: '@n8n/node-cli',
				version: SHIM_VERSION,
				private: true,
				description: 'Written by scripts/node-cli.mjs: re-exports the eslint config of tooling/node-cli.',
				exports: { './eslint': './eslint.js' },
			},
			null,
			2,
		)}\n`,
	);
	writeFileSync(join(shimDir, 'eslint.js'), `module.exports = require('${target}');\n`);
}

/** Creates the package-root entries described in the header (eslint bin link, @n8n/node-cli config shim). */
function linkIntoPackageRoot() {
	const rootModules = join(packageRoot, 'node_modules');
	if (!existsSync(rootModules)) {
		console.error(
			'node-cli: the package root has no node_modules; run `npm ci` in the package root first.',
		);
		process.exit(1);
	}
	ensureEslintConfigShim(rootModules);
	if (!isWindows) {
		ensureLink(
			join(toolingModules, 'eslint', 'bin', 'eslint.js'),
			join(rootModules, '.bin', 'eslint'),
			'file',
		);
	}
}

/**
 * Runs n8n-node with the given arguments in the package root.
 * @returns a promise of `{ code }` (its exit code) or `{ signal }` (the signal that ended it)
 */
function runN8nNode(args) {
	const env = { ...process.env, PATH: [toolingBin, process.env.PATH ?? ''].join(delimiter) };
	const child = spawn(n8nNodeBin, args, {
		cwd: packageRoot,
		stdio: 'inherit',
		env,
		shell: isWindows,
	});
	// Ctrl-C reaches the child directly (same process group): only keep this process alive until it exits.
	const ignore = () => {};
	const forward = (signal) => child.kill(signal);
	process.on('SIGINT', ignore);
	process.on('SIGTERM', forward);
	process.on('SIGHUP', forward);
	return new Promise((resolveExit) => {
		child.on('error', (error) => {
			console.error(`node-cli: could not start n8n-node: ${error.message}`);
			process.exit(1);
		});
		child.on('exit', (code, signal) => {
			process.off('SIGINT', ignore);
			process.off('SIGTERM', forward);
			process.off('SIGHUP', forward);
			resolveExit(signal ? { signal } : { code: code ?? 1 });
		});
	});
}

/** Folders whose sources are compiled into the published package (package.json `files`: dist/nodes, dist/credentials). */
const SHIPPED_SOURCE_FOLDERS = ['nodes', 'credentials'];

/**
 * Lints the shipped sources with the package's eslint.config.mjs and inline configuration off (see the header).
 * Prints problems in ESLint's `stylish` format.
 * @returns true when there is no error and no inline `eslint` comment in {@link SHIPPED_SOURCE_FOLDERS}
 */
async function lintShippedWithoutInlineConfig() {
	const { ESLint } = createRequire(join(toolingDir, 'package.json'))('eslint');
	const eslint = new ESLint({
		cwd: packageRoot,
		overrideConfig: { linterOptions: { noInlineConfig: true } },
	});
	const results = await eslint.lintFiles(SHIPPED_SOURCE_FOLDERS);
	let errors = 0;
	let inlineComments = 0;
	for (const result of results) {
		for (const message of result.messages) {
			if (message.severity === 2) errors++;
			else if (message.ruleId === null && /noInlineConfig/.test(message.message)) inlineComments++;
		}
	}
	const output = await (await eslint.loadFormatter('stylish')).format(results);
	const where = SHIPPED_SOURCE_FOLDERS.map((folder) => `${folder}/`).join(' and ');
	if (errors === 0 && inlineComments === 0) {
		if (output) process.stdout.write(output);
		console.log(`node-cli: ${where} pass lint with inline configuration off.`);
		return true;
	}
	process.stdout.write(output);
	console.error(
		`node-cli: ${where} fail lint with inline configuration off (as n8n's community package scanner lints ` +
			`published code): ${errors} error(s), ${inlineComments} inline eslint comment(s). ` +
			'Fix the code instead of disabling a rule; inline eslint comments are not allowed in shipped code.',
	);
	return false;
}

const args = process.argv.slice(2);
if (args[0] === 'dev' && !args.includes('--external-n8n')) {
	console.error(
		'node-cli: `n8n-node dev` without --external-n8n runs `npx n8n@latest`, which cannot work here. ' +
			'Use `npm run dev` (adds --external-n8n) and start the pinned n8n from test/e2e/n8n-host yourself.',
	);
	process.exit(2);
}
const hash = manifestHash();
if (needsInstall(hash)) install(hash);
linkIntoPackageRoot();
const exit = await runN8nNode(args);
if (exit.signal) process.kill(process.pid, exit.signal);
else if (args[0] === 'lint') {
	const shippedOk = await lintShippedWithoutInlineConfig();
	process.exit(exit.code !== 0 ? exit.code : shippedOk ? 0 : 1);
} else process.exit(exit.code);
