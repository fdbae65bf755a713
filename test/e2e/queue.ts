/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test code runs in Node and Jest, not inside n8n */
/**
 * n8n in queue mode for the end-to-end tests (see test/e2e/README.md "Queue mode"): Postgres and Redis from the
 * Debian packages `postgresql` and `redis-server` started on loopback ports in a throwaway folder, then one
 * `n8n start` (main: editor, API, activation, polling triggers; production webhooks disabled), `n8n worker`
 * processes that run the executions and `n8n webhook` processes that take production webhooks — all on one user
 * folder (same encryption key and installed package) and one database. {@link QueueCluster.stop} stops them all.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { freePort, log, N8nInstance, spawnService, type ServiceProcess } from './n8n';

/** Ready lines of the three n8n roles (n8n 2.8.4). */
export const ROLE_READY = {
	main: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests',
} as const;

/**
 * A program of the Debian packages: `/usr/lib/postgresql/<newest>/bin/<name>` (not on PATH) or PATH.
 * @returns the path, or undefined when not installed
 */
export function findProgram(name: string): string | undefined {
	const root = '/usr/lib/postgresql';
	if (fs.existsSync(root)) {
		const versions = fs
			.readdirSync(root)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const version of versions) {
			const candidate = path.join(root, version, 'bin', name);
			if (fs.existsSync(candidate)) return candidate;
		}
	}
	const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	const resolved = found.stdout.trim();
	return found.status === 0 && resolved ? resolved : undefined;
}

/** Why queue mode cannot run here, or undefined when Postgres, Redis and (as root) `runuser` are there. */
export function queueModeUnavailable(): string | undefined {
	const missing = ['initdb', 'postgres', 'redis-server'].filter((name) => !findProgram(name));
	if (missing.length) return `not installed: ${missing.join(', ')} (apt-get install postgresql redis-server)`;
	if (process.getuid?.() === 0 && !findProgram('runuser')) return 'runuser is missing (util-linux)';
	return undefined;
}

/** Postgres and Redis on loopback ports, and the n8n environment that points at them. */
export interface QueueServices {
	postgres: ServiceProcess & { port: number };
	redis: ServiceProcess & { port: number };
	/** `DB_*`, `EXECUTIONS_MODE`, `QUEUE_BULL_REDIS_*` for every n8n process. */
	env: Record<string, string>;
	/** Spawn to both ready, ms (initdb included). */
	startupMs: number;
	stop(): Promise<void>;
}

/**
 * Starts a fresh Postgres cluster (`initdb`, trust authentication, loopback only; as root it runs as the
 * `postgres` user: initdb refuses root) and a Redis without persistence, each on a free port.
 */
export async function startQueueServices(): Promise<QueueServices> {
	const unavailable = queueModeUnavailable();
	if (unavailable) throw new Error(`queue mode: ${unavailable}`);
	const started = Date.now();
	// Under the OS temp dir: a folder the postgres user can traverse.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	fs.chmodSync(dir, 0o755);
	const asRoot = process.getuid?.() === 0;
	const asPostgres = (program: string, args: string[]): [string, string[]] =>
		asRoot ? [findProgram('runuser')!, ['-u', 'postgres', '--', program, ...args]] : [program, args];
	const dataDir = path.join(dir, 'pgdata');
	if (asRoot) {
		const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
		fs.chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
	}
	const [initdb, initdbArgs] = asPostgres(findProgram('initdb')!, [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	const init = spawnSync(initdb, initdbArgs, { encoding: 'utf8', cwd: dir });
	if (init.status !== 0) throw new Error(`initdb failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
	const pgPort = await freePort();
	const [postgresBin, postgresArgs] = asPostgres(findProgram('postgres')!, [
		'-D',
		dataDir,
		'-p',
		String(pgPort),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const postgres = await spawnService(postgresBin, postgresArgs, {
		label: 'postgres',
		readyLine: 'database system is ready to accept connections',
		cwd: dir,
		logFile: path.join(dir, 'postgres.log'),
	});
	const redisPort = await freePort();
	let redis: ServiceProcess;
	try {
		redis = await spawnService(
			findProgram('redis-server')!,
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
			{ label: 'redis', readyLine: 'Ready to accept connections', cwd: dir, logFile: path.join(dir, 'redis.log') },
		);
	} catch (error) {
		await postgres.stop();
		throw error;
	}
	const startupMs = Date.now() - started;
	log(`postgres on 127.0.0.1:${pgPort}, redis on 127.0.0.1:${redisPort} ready in ${startupMs} ms`);
	return {
		postgres: Object.assign(postgres, { port: pgPort }),
		redis: Object.assign(redis, { port: redisPort }),
		startupMs,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
		},
		async stop() {
			// Postgres' SIGTERM waits for its clients: stop the n8n processes first.
			await redis.stop();
			await postgres.stop(30_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Options of {@link QueueCluster.create}. */
export interface QueueClusterOptions {
	/** `n8n worker` processes (default 2), each `--concurrency=<workerConcurrency>` (default 10). */
	workers?: number;
	workerConcurrency?: number;
	/** `n8n webhook` processes (default 1), each on its own port. */
	webhooks?: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
}

/**
 * A queue-mode n8n: {@link services}, the main {@link n8n} instance (its CLI commands — import, publish — use the
 * same database), and after {@link startProcesses} the workers and webhook processes.
 */
export class QueueCluster {
	workers: ServiceProcess[] = [];
	webhooks: Array<ServiceProcess & { port: number; baseUrl: string }> = [];
	/** Main, workers and webhook processes: spawn to all ready, ms (set by {@link startProcesses}). */
	startupMs: number | undefined;

	private constructor(
		readonly services: QueueServices,
		readonly n8n: N8nInstance,
		private readonly options: QueueClusterOptions,
	) {}

	/** Starts Postgres and Redis and creates the main instance (no n8n process yet). */
	static async create(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const services = await startQueueServices();
		try {
			const n8n = await N8nInstance.create({
				env: { ...services.env, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', ...(options.env ?? {}) },
			});
			return new QueueCluster(services, n8n, options);
		} catch (error) {
			await services.stop();
			throw error;
		}
	}

	/** Starts the main, then the workers and webhook processes together; resolves when all are ready. */
	async startProcesses(): Promise<void> {
		const started = Date.now();
		if (!this.n8n.running) await this.n8n.start();
		const env = this.options.env ?? {};
		const workers = Array.from({ length: this.options.workers ?? 2 }, async (_, i) =>
			await this.n8n.startRole(['worker', `--concurrency=${this.options.workerConcurrency ?? 10}`], {
				label: `n8n worker ${i + 1}`,
				readyLine: ROLE_READY.worker,
				env,
			}),
		);
		const webhooks = Array.from({ length: this.options.webhooks ?? 1 }, async (_, i) => {
			const port = await freePort();
			const process = await this.n8n.startRole(['webhook'], {
				label: `n8n webhook ${i + 1}`,
				readyLine: ROLE_READY.webhook,
				env: { ...env, N8N_PORT: String(port) },
			});
			return Object.assign(process, { port, baseUrl: `http://127.0.0.1:${port}` });
		});
		const results = await Promise.allSettled([...workers, ...webhooks]);
		for (const result of results) {
			if (result.status !== 'fulfilled') continue;
			const value = result.value as ServiceProcess & { port?: number };
			if (value.port === undefined) this.workers.push(value);
			else this.webhooks.push(value as ServiceProcess & { port: number; baseUrl: string });
		}
		const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed) throw failed.reason;
		this.startupMs = Date.now() - started;
		log(`queue mode: main + ${this.workers.length} workers + ${this.webhooks.length} webhook processes ready in ${this.startupMs} ms`);
	}

	/** Stops the workers and webhook processes (the main keeps running). */
	async stopRoles(): Promise<void> {
		await Promise.all([...this.workers, ...this.webhooks].map(async (p) => await p.stop()));
		this.workers = [];
		this.webhooks = [];
	}

	/** Stops every n8n process, then Redis and Postgres, and deletes the folders. Idempotent. */
	async stop(): Promise<void> {
		await this.stopRoles();
		await this.n8n.dispose();
		await this.services.stop();
	}
}
