/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test code runs in Node and Jest, not inside n8n */
/**
 * Harness for running this package inside a real, headless n8n (the pinned host in `test/e2e/n8n-host/`).
 *
 * Used by the e2e tests, `npm run demo` and `.ci/run`. Overview (details in test/e2e/README.md):
 * - {@link ensureN8nHost} installs the pinned n8n host once into a cache folder keyed by the hash of its
 *   manifest + lockfile and returns the path of its `n8n` bin.
 * - {@link packPackage} runs `npm pack` on the built package and checks the tarball's file list.
 * - {@link N8nInstance} is one throwaway n8n: its own user folder (SQLite database, installed community
 *   packages), fixed test encryption key, random free ports, no outbound connections. It wraps the n8n CLI
 *   (`import:*`, `publish:workflow`, `execute`, `export:*`) and the server with its public API.
 *
 * Every process started here runs in its own process group and is killed when the instance is disposed or,
 * as a last resort, when the Node process exits. Set `N8N_E2E_KEEP=1` to keep user folders for inspection,
 * `N8N_E2E_VERBOSE=1` to stream n8n's output to stderr while it runs.
 */
import { spawn, spawnSync } from 'child_process';
import { createHash, randomBytes, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject, INodeTypeDescription, IRunData } from 'n8n-workflow';

/** Absolute path of the repository root (the package that gets packed). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Folder holding the pinned host manifest (`package.json`) and its `package-lock.json`. */
export const HOST_MANIFEST_DIR = path.join(__dirname, 'n8n-host');

/**
 * Fixed encryption key for every test instance. Credentials imported into a test user folder are encrypted
 * with it; it protects nothing but throwaway test databases, so it is not a secret.
 */
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-gohighlevel-e2e-dummy-encryption-key';

/** The log line n8n prints once the server (UI, REST and public API) is ready. `/healthz/readiness` answers earlier. */
export const READY_LINE = 'Editor is now accessible via';

const SQLITE_BINDING = path.join(
	'node_modules',
	'sqlite3',
	'build',
	'Release',
	'node_sqlite3.node',
);
const N8N_BIN = path.join('node_modules', '.bin', 'n8n');

/** True when `N8N_E2E_KEEP` is set to a non-empty value other than `0`/`false`: user folders are kept. */
export const KEEP = isTruthy(process.env.N8N_E2E_KEEP);
const VERBOSE = isTruthy(process.env.N8N_E2E_VERBOSE);

function isTruthy(value: string | undefined): boolean {
	return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Writes a progress line to stderr (not through jest's console, which adds stack traces). */
export function log(message: string): void {
	process.stderr.write(`[n8n-e2e] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Secret masking
// ---------------------------------------------------------------------------------------------------------------

const secrets = new Set<string>();

/**
 * Registers a value (token, password, API key) that must never appear in logs or error messages produced by
 * this harness; {@link maskSecrets} replaces it with `***`. Values shorter than 6 characters are ignored (they
 * would mask ordinary words). {@link N8nInstance.importCredential} registers credential secrets automatically.
 */
export function registerSecret(value: unknown): void {
	if (typeof value === 'string' && value.length >= 6) secrets.add(value);
}

/** Returns `text` with every value passed to {@link registerSecret} replaced by `***`. */
export function maskSecrets(text: string): string {
	let out = text;
	for (const secret of secrets) out = out.split(secret).join('***');
	return out;
}

/**
 * Registers string leaves whose key looks secret (token, secret, password, key, authorization), except keys that
 * name a type, URL, expiry, scope or name (`token_type`, `accessTokenUrl`, …).
 */
function registerSecretsIn(value: unknown, key = ''): void {
	if (typeof value === 'string') {
		if (
			/token|secret|password|key|authorization/i.test(key) &&
			!/type|url|expir|scope|name/i.test(key)
		) {
			registerSecret(value);
		}
	} else if (Array.isArray(value)) {
		for (const item of value) registerSecretsIn(item, key);
	} else if (value !== null && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) registerSecretsIn(v, k);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------------------------

/** Process groups still alive; killed with SIGKILL when the Node process exits. */
const liveGroups = new Set<number>();
/** Temporary folders to delete when the Node process exits (unless N8N_E2E_KEEP). */
const exitCleanupDirs = new Set<string>();

/**
 * Last-resort cleanup: SIGKILLs every process group this module started that is still alive and deletes the
 * temporary folders it created (user folders of undisposed instances, pack folders) unless `N8N_E2E_KEEP` is set.
 * Synchronous. Runs on process exit and on SIGINT/SIGTERM/SIGHUP; test files call it in `afterAll` because
 * jest's sandbox does not reliably run exit handlers of test code.
 */
export function cleanupAll(): void {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	liveGroups.clear();
	if (!KEEP) for (const dir of exitCleanupDirs) fs.rmSync(dir, { recursive: true, force: true });
	exitCleanupDirs.clear();
}

process.once('exit', cleanupAll);
// n8n runs in its own process groups, so a Ctrl-C in the terminal does not reach it: forward the end of this
// process to them, then let the signal take its usual course.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => {
		cleanupAll();
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	});
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// ESRCH: the group is already gone.
	}
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Outcome of one finished command. `output` interleaves stdout and stderr in arrival order. */
export interface CommandResult {
	/** Exit code; `null` when the process was killed by a signal. */
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	output: string;
	/** Wall-clock time from spawn to exit, in milliseconds. */
	durationMs: number;
	/** True when the process was killed because it exceeded its timeout. */
	timedOut: boolean;
}

interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Kill the process group after this many milliseconds. */
	timeoutMs: number;
	/** Called with each chunk of output (for progress logs / log files). */
	onOutput?: (chunk: string) => void;
}

/**
 * Runs a command in its own process group with stdin closed, collects its output, and kills whatever is left
 * of the group once it exits (n8n's CLI leaves its task runner behind) or when it exceeds `timeoutMs`.
 */
function runCommand(command: string, args: string[], options: RunOptions): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		let output = '';
		let timedOut = false;
		if (child.pid !== undefined) liveGroups.add(child.pid);
		const timer = setTimeout(() => {
			timedOut = true;
			if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
		}, options.timeoutMs);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			output += chunk;
			options.onOutput?.(chunk);
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			output += chunk;
			options.onOutput?.(chunk);
		});
		child.on('error', (error) => {
			clearTimeout(timer);
			if (child.pid !== undefined) liveGroups.delete(child.pid);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (child.pid !== undefined) {
				killGroup(child.pid, 'SIGKILL');
				liveGroups.delete(child.pid);
			}
			resolve({ code, signal, stdout, stderr, output, durationMs: Date.now() - started, timedOut });
		});
	});
}

function describeFailure(what: string, result: CommandResult, tailChars = 4000): string {
	const status = result.timedOut
		? 'timed out'
		: result.code === null
			? `was killed by ${result.signal}`
			: `exited with code ${result.code}`;
	const tail =
		result.output.length > tailChars ? '…' + result.output.slice(-tailChars) : result.output;
	return maskSecrets(`${what} ${status} after ${result.durationMs} ms. Output:\n${tail}`);
}

/**
 * Finds a free TCP port on 127.0.0.1 by binding port 0 and releasing it. There is a short window in which
 * another process could take it; acceptable for tests.
 */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			server.close(() =>
				port ? resolve(port) : reject(new Error('Could not determine a free port')),
			);
		});
	});
}

// ---------------------------------------------------------------------------------------------------------------
// Host install
// ---------------------------------------------------------------------------------------------------------------

/**
 * Cache key of the pinned host: the first 16 hex characters of the SHA-256 of `package-lock.json` followed by
 * `package.json` (the bytes of `cat package-lock.json package.json` in `test/e2e/n8n-host/`).
 */
export function hostHash(): string {
	const hash = createHash('sha256');
	hash.update(fs.readFileSync(path.join(HOST_MANIFEST_DIR, 'package-lock.json')));
	hash.update(fs.readFileSync(path.join(HOST_MANIFEST_DIR, 'package.json')));
	return hash.digest('hex').slice(0, 16);
}

/**
 * Root folder of the host cache: `$N8N_HOST_CACHE`, else `$XDG_CACHE_HOME/n8n-nodes-gohighlevel`, else
 * `~/.cache/n8n-nodes-gohighlevel`.
 */
export function hostCacheRoot(): string {
	if (process.env.N8N_HOST_CACHE)
		return path.resolve(process.env.N8N_HOST_CACHE, 'n8n-nodes-gohighlevel');
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-gohighlevel');
}

/** Folder of the host install for the current manifest: `<hostCacheRoot()>/n8n-host-<hostHash()>`. */
export function hostInstallDir(): string {
	return path.join(hostCacheRoot(), `n8n-host-${hostHash()}`);
}

/** The n8n version pinned in `test/e2e/n8n-host/package.json` (e.g. `2.8.4`). */
export function pinnedN8nVersion(): string {
	const manifest = JSON.parse(
		fs.readFileSync(path.join(HOST_MANIFEST_DIR, 'package.json'), 'utf8'),
	);
	return manifest.dependencies.n8n;
}

/**
 * Returns `null` when `dir` holds a complete host install (n8n bin, n8n at the pinned version, sqlite3's native
 * binding compiled), otherwise the reason it does not.
 */
function checkHostInstall(dir: string): string | null {
	if (!fs.existsSync(path.join(dir, N8N_BIN))) return `${N8N_BIN} is missing`;
	const n8nManifest = path.join(dir, 'node_modules', 'n8n', 'package.json');
	if (!fs.existsSync(n8nManifest)) return 'node_modules/n8n is missing';
	const version = JSON.parse(fs.readFileSync(n8nManifest, 'utf8')).version;
	if (version !== pinnedN8nVersion())
		return `n8n ${version} is installed, ${pinnedN8nVersion()} is pinned`;
	if (!fs.existsSync(path.join(dir, SQLITE_BINDING))) {
		return `${SQLITE_BINDING} is missing (sqlite3's install script did not run or failed to compile)`;
	}
	return null;
}

/** Deletes leftovers of interrupted installs (`.n8n-host-<hash>.partial-<pid>-…`) whose process is gone. */
function removeStalePartials(root: string): void {
	if (!fs.existsSync(root)) return;
	for (const name of fs.readdirSync(root)) {
		const match = /^\.n8n-host-[0-9a-f]+\.partial-(\d+)-/.exec(name);
		if (!match) continue;
		const pid = Number(match[1]);
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = pid !== process.pid;
		} catch {
			alive = false;
		}
		if (!alive) {
			log(`removing interrupted host install ${name}`);
			fs.rmSync(path.join(root, name), { recursive: true, force: true });
		}
	}
}

/**
 * Environment for `npm install` of the host. sqlite3 has no reachable prebuilt binary and compiles from source;
 * node-gyp then needs Node's headers. When npm has no `nodedir` configured and the running Node's prefix has
 * headers (`<prefix>/include/node/node_api.h`, e.g. Debian's nodejs-dev), point node-gyp at them so it does not
 * try to download them.
 */
function npmInstallEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
	if (!env.npm_config_nodedir) {
		const configured = spawnSync('npm', ['config', 'get', 'nodedir'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		const value = (configured.stdout ?? '').trim();
		const prefix = path.dirname(path.dirname(process.execPath));
		if (
			(value === '' || value === 'undefined' || value === 'null') &&
			fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))
		) {
			env.npm_config_nodedir = prefix;
		}
	}
	return env;
}

let hostPromise: Promise<string> | undefined;

/**
 * Makes sure the pinned n8n host (test/e2e/n8n-host/{package.json,package-lock.json}) is installed and returns
 * the absolute path of its `n8n` bin (`<install>/node_modules/.bin/n8n`, a Node script).
 *
 * Reuses `<hostCacheRoot()>/n8n-host-<hostHash()>` when it is a complete install. Otherwise it copies the
 * manifest and lockfile into a temporary sibling folder, runs `npm install --legacy-peer-deps` there (about
 * 3–4 minutes, 1.7 GB; full log in `<hostCacheRoot()>/install-<hash>.log`), checks that sqlite3's native binding
 * was compiled (npm 11 warns about install scripts but runs them) and only then renames the folder into place,
 * so an interrupted install is never reused. Progress goes to stderr.
 *
 * @throws Error when npm fails, times out (30 min) or the result is incomplete; the message names the log file.
 */
export function ensureN8nHost(): Promise<string> {
	hostPromise ??= installHost().catch((error) => {
		hostPromise = undefined;
		throw error;
	});
	return hostPromise;
}

async function installHost(): Promise<string> {
	const hash = hostHash();
	const root = hostCacheRoot();
	const target = hostInstallDir();
	const problem = fs.existsSync(target) ? checkHostInstall(target) : 'not installed';
	if (problem === null) {
		log(`n8n host ${pinnedN8nVersion()} (cache ${hash}) found in ${target}`);
		return path.join(target, N8N_BIN);
	}
	fs.mkdirSync(root, { recursive: true });
	removeStalePartials(root);
	const partial = path.join(
		root,
		`.n8n-host-${hash}.partial-${process.pid}-${randomBytes(4).toString('hex')}`,
	);
	fs.mkdirSync(partial);
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(HOST_MANIFEST_DIR, file), path.join(partial, file));
	}
	const logFile = path.join(root, `install-${hash}.log`);
	const logStream = fs.openSync(logFile, 'w');
	log(
		`installing n8n host ${pinnedN8nVersion()} (cache ${hash}: ${problem}) into ${target}; takes 3–4 minutes, log: ${logFile}`,
	);
	const started = Date.now();
	const heartbeat = setInterval(
		() => log(`  still installing n8n host… ${Math.round((Date.now() - started) / 1000)} s`),
		30_000,
	);
	let result: CommandResult;
	try {
		result = await runCommand(
			'npm',
			[
				'install',
				'--legacy-peer-deps',
				'--no-audit',
				'--no-fund',
				'--ignore-scripts=false',
				'--loglevel=warn',
			],
			{
				cwd: partial,
				env: npmInstallEnv(),
				timeoutMs: 30 * 60_000,
				onOutput: (chunk) => fs.writeSync(logStream, chunk),
			},
		);
		fs.writeSync(
			logStream,
			`\nexit ${result.code ?? result.signal}${result.timedOut ? ' (timed out)' : ''}\n`,
		);
	} catch (error) {
		fs.rmSync(partial, { recursive: true, force: true });
		throw error;
	} finally {
		clearInterval(heartbeat);
		fs.closeSync(logStream);
	}
	if (result.code !== 0) {
		fs.rmSync(partial, { recursive: true, force: true });
		throw new Error(describeFailure(`npm install of the n8n host (log: ${logFile})`, result, 3000));
	}
	const incomplete = checkHostInstall(partial);
	if (incomplete !== null) {
		fs.rmSync(partial, { recursive: true, force: true });
		throw new Error(`n8n host install is incomplete: ${incomplete}. See ${logFile}.`);
	}
	// Another process may have finished the same install meanwhile: keep theirs if it is complete.
	if (fs.existsSync(target)) {
		if (checkHostInstall(target) === null) {
			fs.rmSync(partial, { recursive: true, force: true });
			return path.join(target, N8N_BIN);
		}
		fs.rmSync(target, { recursive: true, force: true });
	}
	fs.renameSync(partial, target);
	log(`n8n host installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return path.join(target, N8N_BIN);
}

// ---------------------------------------------------------------------------------------------------------------
// Packing
// ---------------------------------------------------------------------------------------------------------------

/** Options of {@link packPackage}. */
export interface PackOptions {
	/** Package folder to pack; default {@link REPO_ROOT}. */
	packageDir?: string;
	/** Folder for the tarball; default a new temporary folder (deleted at process exit unless N8N_E2E_KEEP). */
	destination?: string;
}

/**
 * Runs `npm pack` on the package (the caller must have run `npm run build` first) and returns the absolute path
 * of the `.tgz`.
 *
 * Checks the packed file list: it must contain files under `dist/nodes/`, `dist/credentials/` and `dist/icons/`,
 * every file named in package.json `n8n.nodes` / `n8n.credentials`, and nothing under `test/` (nor `*.test.*`).
 *
 * @throws Error naming what is missing or unexpected (e.g. "run `npm run build` first" when dist/ is absent).
 */
export async function packPackage(options: PackOptions = {}): Promise<string> {
	const packageDir = options.packageDir ?? REPO_ROOT;
	let destination = options.destination;
	if (destination === undefined) {
		destination = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
		exitCleanupDirs.add(destination);
	}
	fs.mkdirSync(destination, { recursive: true });
	const result = await runCommand('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: packageDir,
		env: { ...process.env, CI: 'true' },
		timeoutMs: 5 * 60_000,
	});
	if (result.code !== 0) throw new Error(describeFailure(`npm pack in ${packageDir}`, result));
	const jsonStart = result.stdout.indexOf('[');
	let packed: Array<{ filename: string; files: Array<{ path: string }> }>;
	try {
		packed = JSON.parse(result.stdout.slice(jsonStart));
	} catch {
		throw new Error(`npm pack printed no JSON file list:\n${result.output}`);
	}
	const tarball = path.join(destination, packed[0].filename);
	const files = packed[0].files.map((file) => file.path);
	const problems: string[] = [];
	for (const folder of ['dist/nodes/', 'dist/credentials/', 'dist/icons/']) {
		if (!files.some((file) => file.startsWith(folder))) problems.push(`no files under ${folder}`);
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	for (const entry of [
		...(manifest.n8n?.nodes ?? []),
		...(manifest.n8n?.credentials ?? []),
	] as string[]) {
		if (!files.includes(entry.replace(/^\.\//, '')))
			problems.push(`${entry} (listed in package.json "n8n") is not packed`);
	}
	const testFiles = files.filter(
		(file) => file.startsWith('test/') || /\.test\.[cm]?[jt]s$/.test(file),
	);
	if (testFiles.length > 0)
		problems.push(`test files are packed: ${testFiles.slice(0, 5).join(', ')}`);
	if (problems.length > 0) {
		throw new Error(
			`The packed tarball ${path.basename(tarball)} is not publishable: ${problems.join('; ')}. ` +
				'Run `npm run build` before packing and check package.json "files".',
		);
	}
	log(`packed ${tarball} (${files.length} files)`);
	return tarball;
}

/**
 * Reads `package/package.json` out of a tarball made by {@link packPackage} (uses the system `tar`).
 * @throws Error when tar fails or the file is not JSON.
 */
export function readPackedManifest(tarball: string): Record<string, unknown> {
	const result = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`tar could not read package/package.json from ${tarball}: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

// ---------------------------------------------------------------------------------------------------------------
// Execution data
// ---------------------------------------------------------------------------------------------------------------

/** Execution status as n8n reports it (CLI JSON and public API). */
export type ExecutionStatus =
	| 'new'
	| 'running'
	| 'success'
	| 'error'
	| 'canceled'
	| 'crashed'
	| 'waiting'
	| 'unknown';

/**
 * One execution as JSON: what `n8n execute --rawOutput` prints (n8n's `IRun`) and, with the extra `id` and
 * `workflowId`, what the public API returns from `GET /executions/{id}?includeData=true`. Dates are ISO strings.
 * `data.resultData.runData[nodeName][runIndex].data.main[outputIndex]` holds a node's output items.
 */
export interface ExecutionJson {
	/** Execution id (public API only). */
	id?: string;
	/** Workflow id (public API only). */
	workflowId?: string;
	/** `cli`, `webhook`, `trigger`, `manual`, … */
	mode: string;
	status: ExecutionStatus;
	finished?: boolean;
	/** ISO date. */
	startedAt: string;
	/** ISO date; null while running. */
	stoppedAt?: string | null;
	data?: {
		resultData: {
			runData: IRunData;
			lastNodeExecuted?: string;
			/** Set when the execution failed: n8n's serialised error (NodeApiError, NodeOperationError, …). */
			error?: {
				message: string;
				description?: string | null;
				name?: string;
				httpCode?: string | null;
				node?: { name: string; type: string };
				[key: string]: unknown;
			};
		};
		[key: string]: unknown;
	};
}

/** Result of {@link N8nInstance.execute}. */
export interface ExecutionResult {
	workflowId: string;
	/** Exit code of `n8n execute`: 0 on success, 1 on a failed execution. */
	exitCode: number;
	/** Status of the execution (from the JSON): `success` or `error`. */
	status: ExecutionStatus;
	/** The parsed execution JSON. */
	execution: ExecutionJson;
	/** The execution's error, when it failed (`execution.data.resultData.error`). */
	error?: NonNullable<ExecutionJson['data']>['resultData']['error'];
	/** Wall-clock time of the CLI process (start-up, run, shutdown), in milliseconds. */
	durationMs: number;
	/** Full CLI output (stdout then stderr), secrets masked. */
	output: string;
}

/**
 * Extracts the JSON object n8n printed after its log lines: from the first line that starts with `{` up to the
 * first line that is exactly `}` (n8n prints `JSON.stringify(run, null, 2)`, whose closing brace is the only
 * unindented `}`). Falls back to the first `{` and the last `}`.
 * @throws Error when no JSON object can be parsed.
 */
export function parseCliJson(output: string): unknown {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start >= 0) {
		for (let end = start; end < lines.length; end++) {
			if (lines[end].trimEnd() !== '}' && !(end === start && lines[start].trimEnd().endsWith('}')))
				continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				// keep looking for a later closing brace
			}
		}
	}
	const first = output.indexOf('{');
	const last = output.lastIndexOf('}');
	if (first >= 0 && last > first) {
		try {
			return JSON.parse(output.slice(first, last + 1));
		} catch {
			// fall through
		}
	}
	throw new Error('no JSON object found in n8n output');
}

/**
 * Output items (`json` of each item) a node produced in an execution.
 *
 * @param execution CLI result ({@link ExecutionJson}) or a public-API execution fetched with `includeData=true`.
 * @param nodeName The node's name in the workflow.
 * @param options.outputIndex Which output of the node (default 0, the first/only one).
 * @param options.runIndex Which run of the node (default: the last one).
 * @throws Error when the execution has no data or the node did not run (lists the nodes that did).
 */
export function nodeOutput(
	execution: ExecutionJson,
	nodeName: string,
	options: { outputIndex?: number; runIndex?: number } = {},
): IDataObject[] {
	const runData = execution.data?.resultData.runData;
	if (!runData) throw new Error('execution has no data (fetch it with includeData=true)');
	const runs = runData[nodeName];
	if (!runs || runs.length === 0) {
		throw new Error(
			`node "${nodeName}" did not run; nodes that ran: ${Object.keys(runData).join(', ') || 'none'}`,
		);
	}
	const run = runs[options.runIndex ?? runs.length - 1];
	if (!run) throw new Error(`node "${nodeName}" has no run ${options.runIndex}`);
	const items = run.data?.main?.[options.outputIndex ?? 0] ?? [];
	return items.map((item) => item.json);
}

// ---------------------------------------------------------------------------------------------------------------
// Long-running processes (queue mode: n8n workers and webhook processes, Postgres, Redis)
// ---------------------------------------------------------------------------------------------------------------

/** A long-running process started by {@link spawnService}, in its own process group. */
export interface ServiceProcess {
	/** Label used in logs and errors, e.g. `n8n worker 1` or `postgres`. */
	readonly label: string;
	readonly pid: number;
	/** Spawn to ready line, ms. */
	readonly startupMs: number;
	/** True until the process has exited. */
	readonly running: boolean;
	/** Everything it printed so far (secrets masked). */
	output(): string;
	/**
	 * SIGTERM to its process group, SIGKILL after `timeoutMs` (default 20 s), then SIGKILL to what is left of the
	 * group. Resolves when it is gone; idempotent.
	 */
	stop(timeoutMs?: number): Promise<void>;
}

/** Options of {@link spawnService}. */
export interface ServiceOptions {
	label: string;
	/** Resolves once the output contains this text (stdout and stderr together). */
	readyLine: string | RegExp;
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** Also append the output to this file. */
	logFile?: string;
	/** Give up (and kill the process group) after this long; default 120 s. */
	timeoutMs?: number;
}

/**
 * Starts `command args` detached in its own process group (stdin closed), tracked for {@link cleanupAll}, and
 * resolves once its output shows `readyLine`.
 * @throws Error when it exits or times out before that; the message has its output tail (secrets masked)
 */
export async function spawnService(
	command: string,
	args: string[],
	options: ServiceOptions,
): Promise<ServiceProcess> {
	const started = Date.now();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const pid = child.pid;
	if (pid === undefined) throw new Error(`could not spawn ${options.label}`);
	liveGroups.add(pid);
	const logFd = options.logFile ? fs.openSync(options.logFile, 'a') : undefined;
	let text = '';
	let done = false;
	let resolveReady: () => void = () => undefined;
	let rejectReady: (error: Error) => void = () => undefined;
	const ready = new Promise<void>((resolve, reject) => {
		resolveReady = resolve;
		rejectReady = reject;
	});
	const isReady = () =>
		typeof options.readyLine === 'string' ? text.includes(options.readyLine) : options.readyLine.test(text);
	const onData = (chunk: string) => {
		text += chunk;
		if (logFd !== undefined) fs.writeSync(logFd, chunk);
		if (VERBOSE) process.stderr.write(maskSecrets(`[${options.label}] ${chunk}`));
		if (isReady()) resolveReady();
	};
	child.stdout.setEncoding('utf8').on('data', onData);
	child.stderr.setEncoding('utf8').on('data', onData);
	const exited = new Promise<void>((resolve) => {
		child.on('close', (code, signal) => {
			done = true;
			liveGroups.delete(pid);
			killGroup(pid, 'SIGKILL');
			if (logFd !== undefined) fs.closeSync(logFd);
			rejectReady(
				new Error(maskSecrets(`${options.label} exited (${code ?? signal}) before it was ready:\n${text.slice(-4000)}`)),
			);
			resolve();
		});
	});
	const stop = async (timeoutMs = 20_000) => {
		if (!done) {
			killGroup(pid, 'SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const killed = await Promise.race([
				exited.then(() => false),
				new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
			]);
			clearTimeout(timer);
			if (killed) {
				log(`${options.label} did not stop within ${timeoutMs} ms; sending SIGKILL`);
				killGroup(pid, 'SIGKILL');
				await exited;
			}
		}
		for (let i = 0; i < 25 && groupAlive(pid); i++) await sleep(200);
		killGroup(pid, 'SIGKILL');
	};
	const timeoutMs = options.timeoutMs ?? 120_000;
	const timer = setTimeout(
		() => rejectReady(new Error(maskSecrets(`${options.label} not ready after ${timeoutMs} ms:\n${text.slice(-4000)}`))),
		timeoutMs,
	);
	try {
		await ready;
	} catch (error) {
		await stop();
		throw error;
	} finally {
		clearTimeout(timer);
	}
	const startupMs = Date.now() - started;
	return {
		label: options.label,
		pid,
		startupMs,
		get running() {
			return !done;
		},
		output: () => maskSecrets(text),
		stop,
	};
}

// ---------------------------------------------------------------------------------------------------------------
// The instance
// ---------------------------------------------------------------------------------------------------------------

/** Options of {@link N8nInstance.create}. */
export interface N8nInstanceOptions {
	/**
	 * User folder (N8N_USER_FOLDER; n8n keeps its SQLite DB, config and installed packages in `<folder>/.n8n`).
	 * Default: a new folder `n8n-e2e-*` under the OS temp dir, deleted by {@link N8nInstance.dispose} unless
	 * `N8N_E2E_KEEP=1`. A folder passed here is never deleted.
	 */
	userFolder?: string;
	/** HTTP port of the server (N8N_PORT, bound on 127.0.0.1). Default: a random free port. */
	port?: number;
	/** Extra environment variables for every n8n process (applied last). */
	env?: Record<string, string>;
}

/** A community package installed by {@link N8nInstance.installPackage}. */
export interface InstalledPackage {
	name: string;
	version: string;
	/** `<userFolder>/.n8n/nodes/node_modules/<name>` */
	dir: string;
}

/**
 * Credential as `n8n import:credentials` takes it. `data` is plain (n8n encrypts it with the instance key). An
 * OAuth2 credential needs no browser when `data.oauthTokenData` carries the tokens (`access_token`,
 * `refresh_token`, `token_type`, `expires_in`, …); n8n refreshes via the credential's token URL on a 401 and
 * stores the rotated tokens (read them back with {@link N8nInstance.exportCredentials}).
 */
export interface CredentialJson {
	/** Keep it stable: workflows reference credentials by `{ id, name }`. Generated when absent. */
	id?: string;
	name: string;
	/** Credential type name, e.g. `goHighLevelOAuth2Api`. */
	type: string;
	data: IDataObject;
	[key: string]: unknown;
}

/** Workflow JSON as exported by n8n (`nodes`, `connections`, `settings`, …). `id` is generated when absent. */
export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<IDataObject & { name: string; type: string }>;
	connections: IDataObject;
	[key: string]: unknown;
}

/**
 * A workflow of one trigger node → No Operation (`n8n-nodes-base.noOp`), the shape the trigger tests and benchmarks
 * run: `trigger` is the trigger node (its `name` is used for the connection), placed at [0, 0].
 */
export function triggerThenNoOp(o: {
	id: string;
	name: string;
	trigger: IDataObject & { name: string; type: string };
	noOpId?: string;
}): WorkflowJson {
	return {
		id: o.id,
		name: o.name,
		nodes: [
			{ typeVersion: 1, position: [0, 0], ...o.trigger },
			{
				id: o.noOpId ?? randomUUID(),
				name: 'No Operation',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [o.trigger.name]: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * One throwaway n8n: a user folder, the pinned host's CLI and optionally its server.
 *
 * Typical use:
 * ```ts
 * const n8n = await N8nInstance.create();
 * await n8n.installPackage(await packPackage());
 * await n8n.importCredential({ id: 'cred1', name: 'HL', type: 'goHighLevelOAuth2Api', data: { … } });
 * const id = await n8n.importWorkflow(workflowJson);
 * const result = await n8n.execute(id);            // CLI, no server needed
 * await n8n.start();                               // server + public API
 * await n8n.setupOwnerAndApiKey();
 * const executions = await n8n.listExecutions({ workflowId: id });
 * await n8n.dispose();                             // in afterAll: stops processes, deletes the folder
 * ```
 * Environment of every n8n process: the variables in test/e2e/README.md (no telemetry, version checks,
 * templates, community-node lookups or other outbound calls), SQLite, the fixed {@link E2E_ENCRYPTION_KEY},
 * listen address 127.0.0.1 and a random task-broker port per process, so CLI commands can run next to the
 * server. Inherited N8N_*, DB_*, EXECUTIONS_*, QUEUE_*, NODE_ENV and JEST_* variables are dropped.
 */
export class N8nInstance {
	/** Absolute path of the user folder (N8N_USER_FOLDER). */
	readonly userFolder: string;
	/** HTTP port of the server. */
	readonly port: number;
	/** Path of the host's n8n bin. */
	readonly n8nBin: string;
	/** Server start-up time in ms (spawn to {@link READY_LINE}), set by {@link start}. */
	startupMs: number | undefined;

	private readonly ownsUserFolder: boolean;
	private readonly extraEnv: Record<string, string>;
	private readonly workDir: string;
	private readonly logChunks: string[] = [];
	private server: { pid: number; exited: Promise<void>; done: boolean } | undefined;
	private apiKey: string | undefined;
	private authCookie: string | undefined;
	/** The owner {@link setupOwnerAndApiKey} created: e-mail and password for the editor's sign-in page. */
	ownerLogin: { email: string; password: string } | undefined;
	private disposed = false;
	private fileCounter = 0;

	private constructor(
		n8nBin: string,
		userFolder: string,
		ownsUserFolder: boolean,
		port: number,
		env: Record<string, string>,
	) {
		this.n8nBin = n8nBin;
		this.userFolder = userFolder;
		this.ownsUserFolder = ownsUserFolder;
		this.port = port;
		this.extraEnv = env;
		this.workDir = path.join(userFolder, 'e2e');
		fs.mkdirSync(this.workDir, { recursive: true });
	}

	/**
	 * Creates an instance: installs the host if needed ({@link ensureN8nHost}), creates the user folder and picks
	 * a port. Starts no process; the database is created by the first CLI command.
	 */
	static async create(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const bin = await ensureN8nHost();
		const owns = options.userFolder === undefined;
		const userFolder = path.resolve(
			options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-')),
		);
		fs.mkdirSync(userFolder, { recursive: true });
		if (owns) exitCleanupDirs.add(userFolder);
		const port = options.port ?? (await freePort());
		return new N8nInstance(bin, userFolder, owns, port, options.env ?? {});
	}

	/** `http://127.0.0.1:<port>` */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** True while the server process started by {@link start} is alive. */
	get running(): boolean {
		return this.server !== undefined && !this.server.done;
	}

	/** Environment for one n8n process with the given task-broker port. */
	private env(brokerPort: number): NodeJS.ProcessEnv {
		const inherited: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) {
			// NODE_ENV=test (set by jest) silences n8n's logger and changes its behaviour.
			if (
				/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|EXTERNAL_|GENERIC_TIMEZONE$|NODE_ENV$|JEST_)/.test(
					key,
				)
			)
				continue;
			inherited[key] = value;
		}
		return {
			...inherited,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			...this.extraEnv,
		};
	}

	private appendLog(label: string, text: string): void {
		this.logChunks.push(`----- ${label} -----\n${text}${text.endsWith('\n') ? '' : '\n'}`);
	}

	/**
	 * Runs `n8n <args>` (CLI) in the user folder with its own broker port and returns the result; never throws on
	 * a non-zero exit (callers decide). The output is added to {@link logs}.
	 */
	async cli(args: string[], timeoutMs = 3 * 60_000): Promise<CommandResult> {
		this.assertUsable();
		const brokerPort = await freePort();
		const result = await runCommand(process.execPath, [this.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env(brokerPort),
			timeoutMs,
			onOutput: VERBOSE ? (chunk) => process.stderr.write(maskSecrets(chunk)) : undefined,
		});
		this.appendLog(
			`n8n ${args.join(' ')} (exit ${result.code}, ${result.durationMs} ms)`,
			result.output,
		);
		return result;
	}

	/** Runs a CLI command and throws unless it exits 0 and its output contains `expect` (when given). */
	private async cliOrThrow(args: string[], expect?: RegExp): Promise<CommandResult> {
		const result = await this.cli(args);
		if (result.code !== 0 || (expect && !expect.test(result.output))) {
			throw new Error(describeFailure(`n8n ${args[0]}`, result));
		}
		return result;
	}

	private writeWorkFile(prefix: string, content: unknown): string {
		const file = path.join(this.workDir, `${prefix}-${++this.fileCounter}.json`);
		fs.writeFileSync(file, JSON.stringify(content, null, '\t'), { mode: 0o600 });
		return file;
	}

	/**
	 * Installs a packed community package into `<userFolder>/.n8n/nodes` the way n8n does
	 * (`npm i <tarball> --legacy-peer-deps` in a folder with a minimal package.json), so node types keep their
	 * production names (`<package>.<node>`). `--legacy-peer-deps` keeps npm from installing a second
	 * n8n-workflow next to the package. Takes effect for CLI commands run afterwards and the next {@link start}.
	 * @throws Error when npm fails or the package is not where n8n looks for it.
	 */
	async installPackage(tarball: string): Promise<InstalledPackage> {
		this.assertUsable();
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		const manifestPath = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifestPath)) {
			fs.writeFileSync(
				manifestPath,
				JSON.stringify({ name: 'installed-nodes', private: true }, null, 2) + '\n',
			);
		}
		const packed = readPackedManifest(tarball);
		const result = await runCommand(
			'npm',
			[
				'install',
				path.resolve(tarball),
				'--legacy-peer-deps',
				'--no-audit',
				'--no-fund',
				'--loglevel=warn',
			],
			{ cwd: nodesDir, env: { ...process.env, CI: 'true' }, timeoutMs: 5 * 60_000 },
		);
		this.appendLog(`npm install ${path.basename(tarball)} (exit ${result.code})`, result.output);
		if (result.code !== 0)
			throw new Error(describeFailure(`npm install ${path.basename(tarball)}`, result));
		const name = String(packed.name);
		const dir = path.join(nodesDir, 'node_modules', name);
		if (!fs.existsSync(path.join(dir, 'package.json')))
			throw new Error(`${name} is not installed in ${dir}`);
		return { name, version: String(packed.version), dir };
	}

	/**
	 * Imports one credential or several (`n8n import:credentials`); plain `data` is encrypted with the instance
	 * key. String values under keys that look secret (token, secret, password, key) are registered with
	 * {@link registerSecret}. The temporary input file is deleted afterwards.
	 * @returns The ids of the imported credentials, in input order.
	 * @throws Error when the import fails.
	 */
	async importCredential(json: CredentialJson | CredentialJson[]): Promise<string[]> {
		const list = (Array.isArray(json) ? json : [json]).map((credential) => ({
			...credential,
			id: credential.id ?? randomId(),
		}));
		for (const credential of list) registerSecretsIn(credential.data);
		const file = this.writeWorkFile('credentials', list);
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`], /Successfully imported/);
		} finally {
			fs.rmSync(file, { force: true });
		}
		return list.map((credential) => credential.id);
	}

	/**
	 * Reads all credentials back, decrypted (`n8n export:credentials --all --decrypted`), e.g. to check that n8n
	 * stored refreshed OAuth2 tokens. Do not print the result: it holds secrets.
	 */
	async exportCredentials(): Promise<CredentialJson[]> {
		const file = path.join(this.workDir, `credentials-export-${++this.fileCounter}.json`);
		try {
			await this.cliOrThrow(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
			const list = JSON.parse(fs.readFileSync(file, 'utf8')) as CredentialJson[];
			for (const credential of list) registerSecretsIn(credential.data);
			return list;
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/**
	 * Imports a workflow (`n8n import:workflow`), keeping its `id` (one is generated when absent). `active` in the
	 * JSON is ignored by n8n 2.x: call {@link publishWorkflow} before {@link start} to activate triggers.
	 * @param json Workflow object, or a path to a workflow JSON file.
	 * @returns The workflow id.
	 */
	async importWorkflow(json: WorkflowJson | string): Promise<string> {
		const workflow: WorkflowJson =
			typeof json === 'string' ? JSON.parse(fs.readFileSync(json, 'utf8')) : json;
		const withId = { ...workflow, id: workflow.id ?? randomId() };
		const file = this.writeWorkFile('workflow', withId);
		await this.cliOrThrow(['import:workflow', `--input=${file}`], /Successfully imported/);
		return withId.id;
	}

	/**
	 * Publishes (activates) the current version of a workflow (`n8n publish:workflow --id`). The running server
	 * does not notice: publish before {@link start}, or use the public API (`POST /workflows/{id}/activate`)
	 * while it runs. On start n8n activates published workflows (trigger `checkExists`, then `create`).
	 */
	async publishWorkflow(id: string): Promise<void> {
		await this.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * Executes a workflow whose start node is a Manual Trigger with the CLI: `n8n execute --id=<id> --rawOutput`
	 * (~2–3 s; works with or without the server running, using its own task-broker port).
	 *
	 * What the CLI prints: a few log lines (task broker ready, Python runner unavailable), then on success only
	 * `JSON.stringify(run, null, 2)` of the execution (n8n's IRun: `data.resultData.runData`, `status`, `mode`
	 * `cli`, ISO `startedAt`/`stoppedAt`) and exit code 0. On a failed execution it logs "Execution was NOT
	 * successful", the same JSON with `data.resultData.error` and `status: "error"`, then the error message and
	 * stack, and exits 1. An unknown id prints "The workflow with the id … does not exist." and exits 1.
	 * The JSON is parsed with {@link parseCliJson}.
	 *
	 * @param options.allowFailure Return failed executions (exit 1, status `error`) instead of throwing.
	 * @param options.timeoutMs Kill the CLI after this long (default 5 min).
	 * @throws Error when the CLI exits non-zero without allowFailure, prints no execution JSON, or its exit code
	 *   and status disagree. The message carries the execution error and the CLI output (secrets masked).
	 */
	async execute(
		workflowId: string,
		options: { allowFailure?: boolean; timeoutMs?: number } = {},
	): Promise<ExecutionResult> {
		const result = await this.cli(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			options.timeoutMs ?? 5 * 60_000,
		);
		let execution: ExecutionJson | undefined;
		try {
			execution = parseCliJson(result.stdout + '\n' + result.stderr) as ExecutionJson;
		} catch {
			execution = undefined;
		}
		if (!execution || typeof execution.status !== 'string') {
			throw new Error(
				describeFailure(`n8n execute --id=${workflowId} printed no execution JSON;`, result),
			);
		}
		const error = execution.data?.resultData.error;
		const succeeded = result.code === 0 && execution.status === 'success';
		const failed = result.code === 1 && execution.status !== 'success';
		if (!succeeded && !(failed && options.allowFailure)) {
			const reason = error
				? `execution error: ${error.message}${error.description ? ` (${error.description})` : ''}`
				: `status ${execution.status}`;
			throw new Error(describeFailure(`n8n execute --id=${workflowId} (${reason})`, result));
		}
		return {
			workflowId,
			exitCode: result.code ?? -1,
			status: execution.status,
			execution,
			error,
			durationMs: result.durationMs,
			output: maskSecrets(result.output),
		};
	}

	/**
	 * Lists the node types n8n loads, via `n8n export:nodes --output=<file>` (~3 s, no server). Each entry is a
	 * node type description; `name` is `<package>.<node>` (e.g. `n8n-nodes-gohighlevel.goHighLevel`) and a
	 * versioned node appears once per version set.
	 * @throws Error when the command fails or writes no JSON array.
	 */
	async listNodeTypes(): Promise<INodeTypeDescription[]> {
		const file = path.join(this.workDir, `nodes-${++this.fileCounter}.json`);
		const result = await this.cliOrThrow(
			['export:nodes', `--output=${file}`],
			/Successfully exported/,
		);
		// export:nodes ends its write stream without awaiting it before exiting; retry the read briefly.
		for (let attempt = 0; ; attempt++) {
			try {
				const list = JSON.parse(fs.readFileSync(file, 'utf8'));
				if (Array.isArray(list)) return list;
			} catch (error) {
				if (attempt >= 5)
					throw new Error(
						`export:nodes wrote no readable JSON to ${file}: ${error}\n${maskSecrets(result.output)}`,
					);
			}
			await sleep(200);
		}
	}

	/**
	 * Starts the server (`n8n start`) and resolves once it logs {@link READY_LINE} (the REST API answers only
	 * from then on; 5–9 s). Sets {@link startupMs}.
	 * @param options.timeoutMs Give up (and kill the server) after this long; default 120 s.
	 * @throws Error when the server exits or times out before it is ready; the message has its log tail.
	 */
	async start(options: { timeoutMs?: number } = {}): Promise<void> {
		this.assertUsable();
		if (this.running) throw new Error('n8n server is already running');
		const brokerPort = await freePort();
		const started = Date.now();
		const logFile = path.join(this.workDir, 'server.log');
		const logFd = fs.openSync(logFile, 'a');
		const child = spawn(process.execPath, [this.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env(brokerPort),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const pid = child.pid;
		if (pid === undefined) {
			fs.closeSync(logFd);
			throw new Error('could not spawn n8n start');
		}
		liveGroups.add(pid);
		let text = '';
		let resolveReady: () => void = () => undefined;
		let rejectReady: (error: Error) => void = () => undefined;
		const ready = new Promise<void>((resolve, reject) => {
			resolveReady = resolve;
			rejectReady = reject;
		});
		const onData = (chunk: string) => {
			text += chunk;
			fs.writeSync(logFd, chunk);
			if (VERBOSE) process.stderr.write(maskSecrets(chunk));
			if (text.includes(READY_LINE)) resolveReady();
		};
		child.stdout.setEncoding('utf8').on('data', onData);
		child.stderr.setEncoding('utf8').on('data', onData);
		const server = { pid, done: false, exited: Promise.resolve() };
		server.exited = new Promise<void>((resolve) => {
			child.on('close', (code, signal) => {
				server.done = true;
				liveGroups.delete(pid);
				killGroup(pid, 'SIGKILL');
				fs.closeSync(logFd);
				this.appendLog(`n8n start (exit ${code ?? signal})`, text);
				rejectReady(
					new Error(
						maskSecrets(
							`n8n server exited (${code ?? signal}) before it was ready. Log:\n${text.slice(-4000)}`,
						),
					),
				);
				resolve();
			});
		});
		this.server = server;
		const timeoutMs = options.timeoutMs ?? 120_000;
		const timer = setTimeout(
			() =>
				rejectReady(
					new Error(
						maskSecrets(`n8n server not ready after ${timeoutMs} ms. Log:\n${text.slice(-4000)}`),
					),
				),
			timeoutMs,
		);
		try {
			await ready;
		} catch (error) {
			await this.stop();
			throw error;
		} finally {
			clearTimeout(timer);
		}
		this.startupMs = Date.now() - started;
		log(`n8n server ready on ${this.baseUrl} in ${this.startupMs} ms`);
	}

	/**
	 * Stops the server: SIGTERM to its process group (n8n and its task runner), then SIGKILL if it has not exited
	 * after `timeoutMs` (default 20 s). Resolves when it is gone; a no-op when it is not running. Published
	 * workflows are not deactivated (no trigger `delete` call).
	 */
	async stop(timeoutMs = 20_000): Promise<void> {
		const server = this.server;
		if (!server) return;
		if (!server.done) {
			killGroup(server.pid, 'SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const killed = await Promise.race([
				server.exited.then(() => false),
				new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
			]);
			clearTimeout(timer);
			if (killed) {
				log(`n8n server did not stop within ${timeoutMs} ms; sending SIGKILL`);
				killGroup(server.pid, 'SIGKILL');
				await server.exited;
			}
		}
		// Leftover members of the group (e.g. a task runner still shutting down).
		for (let i = 0; i < 25 && groupAlive(server.pid); i++) await sleep(200);
		killGroup(server.pid, 'SIGKILL');
		this.server = undefined;
		this.authCookie = undefined;
	}

	/**
	 * Starts another n8n process on this user folder and database — `n8n worker`, `n8n webhook` (queue mode) —
	 * with its own task-broker port and `env` on top of the instance's environment, and resolves once it prints
	 * `readyLine` ("n8n worker is now ready", "Webhook listener waiting for requests"). The caller stops it
	 * ({@link ServiceProcess.stop}); {@link cleanupAll} kills it at the latest. Its output goes to
	 * `<userFolder>/e2e/<label>.log`.
	 */
	async startRole(
		args: string[],
		options: { label: string; readyLine: string; env?: Record<string, string>; timeoutMs?: number },
	): Promise<ServiceProcess> {
		this.assertUsable();
		const brokerPort = await freePort();
		return await spawnService(process.execPath, [this.n8nBin, ...args], {
			label: options.label,
			readyLine: options.readyLine,
			cwd: this.userFolder,
			env: { ...this.env(brokerPort), ...(options.env ?? {}) },
			logFile: path.join(this.workDir, `${options.label.replace(/[^\w.-]+/g, '-')}.log`),
			timeoutMs: options.timeoutMs,
		});
	}

	/**
	 * Stops the server and deletes the user folder (when this instance created it and `N8N_E2E_KEEP` is not set;
	 * with `N8N_E2E_KEEP` it writes {@link logs} to `<userFolder>/e2e/n8n.log` and prints where it is).
	 * Idempotent; call it in `afterAll`, also after failures.
	 */
	async dispose(): Promise<void> {
		if (this.disposed) return;
		this.disposed = true;
		await this.stop();
		if (!this.ownsUserFolder) return;
		if (KEEP) {
			fs.writeFileSync(path.join(this.workDir, 'n8n.log'), this.logs());
			log(`keeping user folder ${this.userFolder} (logs: ${path.join(this.workDir, 'n8n.log')})`);
			return;
		}
		fs.rmSync(this.userFolder, { recursive: true, force: true });
		exitCleanupDirs.delete(this.userFolder);
	}

	/**
	 * Everything the n8n processes of this instance printed so far (each CLI command and the server, labelled),
	 * without database migration lines, with registered secrets masked. The server log is also written to
	 * `<userFolder>/e2e/server.log`.
	 */
	logs(): string {
		let text = this.logChunks.join('');
		if (this.running) {
			const logFile = path.join(this.workDir, 'server.log');
			if (fs.existsSync(logFile))
				text += `----- n8n start (running) -----\n${fs.readFileSync(logFile, 'utf8')}`;
		}
		// The first command on a fresh database prints ~250 migration lines; they would bury real errors.
		text = text
			.split('\n')
			.filter((line) => !/^(Starting|Finished) migration |^Migrations in progress/.test(line))
			.join('\n');
		return maskSecrets(text);
	}

	/**
	 * Runs `fn`; if it throws, rethrows the same error with the last `tailChars` characters of {@link logs}
	 * appended to its message, so a failing test shows what n8n printed.
	 */
	async withLogsOnFailure<T>(fn: () => Promise<T>, tailChars = 6000): Promise<T> {
		try {
			return await fn();
		} catch (error) {
			const text = this.logs();
			const tail = text.length > tailChars ? '…' + text.slice(-tailChars) : text;
			if (error instanceof Error) {
				error.message += `\n\n===== n8n logs (${this.userFolder}) =====\n${tail}`;
				throw error;
			}
			throw new Error(`${String(error)}\n\n===== n8n logs =====\n${tail}`);
		}
	}

	/**
	 * Makes the fresh instance usable through the public API without a browser: creates the owner
	 * (`POST /rest/owner/setup`), reads the available scopes (`GET /rest/api-keys/scopes`) and creates an API key
	 * with all of them (`POST /rest/api-keys` → `rawApiKey`), which {@link api} then sends as `X-N8N-API-KEY`.
	 * Requires the running server; the key and the owner's password are registered as secrets. The owner's
	 * e-mail and password are kept in {@link ownerLogin} (e.g. for `npm run demo -- --keep` to print).
	 * @throws N8nApiError when a request fails (e.g. the owner already exists in a reused user folder).
	 */
	async setupOwnerAndApiKey(): Promise<void> {
		this.assertRunning();
		const login = {
			email: 'owner@e2e.test',
			password: `E2e-${randomBytes(12).toString('hex')}-Pw1`,
		};
		const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...login, firstName: 'E2E', lastName: 'Owner' }),
		});
		if (!setup.ok) throw await N8nApiError.from('POST', '/rest/owner/setup', setup);
		registerSecret(login.password);
		this.ownerLogin = login;
		const cookie = setup.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('POST /rest/owner/setup set no n8n-auth cookie');
		registerSecret(cookie.slice('n8n-auth='.length));
		this.authCookie = cookie;
		const scopes = (await this.rest<{ data: string[] }>('GET', '/rest/api-keys/scopes')).data;
		const key = await this.rest<{ data: { rawApiKey: string } }>('POST', '/rest/api-keys', {
			label: 'e2e',
			scopes,
			expiresAt: null,
		});
		this.apiKey = key.data.rawApiKey;
		registerSecret(this.apiKey);
	}

	/**
	 * Calls n8n's internal REST API (`/rest/...`) with the owner's session cookie from
	 * {@link setupOwnerAndApiKey}. Prefer {@link api}; this exists for what the public API lacks.
	 * @returns The parsed JSON body.
	 * @throws N8nApiError on a non-2xx answer.
	 */
	async rest<T = unknown>(method: string, restPath: string, body?: unknown): Promise<T> {
		this.assertRunning();
		if (!this.authCookie) throw new Error('call setupOwnerAndApiKey() first');
		const urlPath = restPath.startsWith('/rest/')
			? restPath
			: `/rest${restPath.startsWith('/') ? '' : '/'}${restPath}`;
		return this.request<T>(method, urlPath, body, { cookie: this.authCookie });
	}

	/**
	 * Calls the public API (`/api/v1/...`) with `X-N8N-API-KEY`. `apiPath` may omit the `/api/v1` prefix,
	 * e.g. `api('GET', '/workflows')`, `api('POST', '/workflows/<id>/activate')`,
	 * `api('GET', '/executions?includeData=true&workflowId=<id>')`.
	 * @returns The parsed JSON body (`undefined` for an empty body).
	 * @throws N8nApiError on a non-2xx answer (status and masked body in the message).
	 */
	async api<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<T> {
		this.assertRunning();
		if (!this.apiKey) throw new Error('call setupOwnerAndApiKey() first');
		const urlPath = apiPath.startsWith('/api/')
			? apiPath
			: `/api/v1${apiPath.startsWith('/') ? '' : '/'}${apiPath}`;
		return this.request<T>(method, urlPath, body, { 'x-n8n-api-key': this.apiKey });
	}

	private async request<T>(
		method: string,
		urlPath: string,
		body: unknown,
		headers: Record<string, string>,
	): Promise<T> {
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw await N8nApiError.from(method, urlPath, response);
		const text = await response.text();
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	/**
	 * Lists executions through the public API, newest first, with their data by default
	 * (`GET /executions?includeData=true`).
	 * @param query.workflowId Only this workflow's executions.
	 * @param query.status `success`, `error`, `waiting`, … (public API filter).
	 * @param query.limit Page size (API default 100).
	 */
	async listExecutions(
		query: { workflowId?: string; status?: string; limit?: number; includeData?: boolean } = {},
	): Promise<ExecutionJson[]> {
		const params = new URLSearchParams({ includeData: String(query.includeData ?? true) });
		if (query.workflowId) params.set('workflowId', query.workflowId);
		if (query.status) params.set('status', query.status);
		if (query.limit) params.set('limit', String(query.limit));
		const page = await this.api<{ data: ExecutionJson[] }>('GET', `/executions?${params}`);
		return page.data;
	}

	/**
	 * Polls the public API until the workflow has at least `count` finished executions (status other than
	 * `new`/`running`/`waiting`) and returns the newest one with data. Useful after triggering a webhook: n8n
	 * stores the execution shortly after it answers.
	 * @param options.timeoutMs Default 30 s. @param options.count Default 1.
	 * @throws Error on timeout.
	 */
	async waitForExecution(
		workflowId: string,
		options: { count?: number; timeoutMs?: number } = {},
	): Promise<ExecutionJson> {
		const deadline = Date.now() + (options.timeoutMs ?? 30_000);
		for (;;) {
			const finished = (await this.listExecutions({ workflowId })).filter(
				(execution) => !['new', 'running', 'waiting'].includes(execution.status),
			);
			if (finished.length >= (options.count ?? 1)) return finished[0];
			if (Date.now() > deadline) {
				throw new Error(
					`workflow ${workflowId}: ${finished.length} finished executions after ${options.timeoutMs ?? 30_000} ms`,
				);
			}
			await sleep(250);
		}
	}

	/**
	 * Credential types the running server loaded (`GET /types/credentials.json`, the list the editor uses; it
	 * needs the owner session), e.g. to check that the package's credentials load. Each entry has `name`,
	 * `displayName`, `properties`, `supportedNodes` and, for community packages, `iconUrl`.
	 * Requires {@link start} and {@link setupOwnerAndApiKey}.
	 */
	async listCredentialTypes(): Promise<
		Array<{ name: string; displayName: string; [key: string]: unknown }>
	> {
		this.assertRunning();
		if (!this.authCookie) throw new Error('call setupOwnerAndApiKey() first');
		return this.request('GET', '/types/credentials.json', undefined, { cookie: this.authCookie });
	}

	/**
	 * Fetches a path from the running server without credentials, e.g. a node icon
	 * (`iconUrl` from {@link listNodeTypes}, like `icons/<package>/dist/icons/<file>.svg`) or a webhook.
	 */
	async fetch(urlPath: string, init?: RequestInit): Promise<Response> {
		this.assertRunning();
		return fetch(`${this.baseUrl}/${urlPath.replace(/^\//, '')}`, init);
	}

	private assertUsable(): void {
		if (this.disposed) throw new Error('this N8nInstance has been disposed');
	}

	private assertRunning(): void {
		this.assertUsable();
		if (!this.running) throw new Error('the n8n server is not running: call start() first');
	}
}

/** A non-2xx answer from n8n's REST or public API. */
export class N8nApiError extends Error {
	constructor(
		message: string,
		/** HTTP status code. */
		readonly status: number,
		/** Response body (secrets masked). */
		readonly body: string,
	) {
		super(message);
		this.name = 'N8nApiError';
	}

	/** Builds the error from a fetch response (reads its body). */
	static async from(method: string, urlPath: string, response: Response): Promise<N8nApiError> {
		const body = maskSecrets(await response.text());
		return new N8nApiError(
			`${method} ${urlPath} → ${response.status}: ${body.slice(0, 2000)}`,
			response.status,
			body,
		);
	}
}

/** A random 16-character alphanumeric id, the shape n8n uses for workflow and credential ids. */
export function randomId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}
