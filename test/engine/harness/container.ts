/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node and Jest, not inside n8n */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { ErrorReporter, InstanceSettings } from 'n8n-core';
import { ScheduledTaskManager } from 'n8n-core/dist/execution-engine/scheduled-task-manager';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

/** One recorded log call of the quiet logger: level, message and metadata as n8n-core passed them. */
export interface HarnessLogEntry {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: Record<string, unknown>;
}

/** How many log entries {@link harnessLogs} keeps (the oldest are dropped first). */
export const MAX_LOG_ENTRIES = 1000;

/**
 * The last {@link MAX_LOG_ENTRIES} log calls n8n-core made through the DI `Logger` since the container was prepared (in call order).
 * Nothing is printed; tests may inspect this to debug an engine run. Metadata is kept as passed, so never print
 * it wholesale in committed tests (it can hold request options).
 */
export const harnessLogs: HarnessLogEntry[] = [];

let prepared = false;

/** The subset of n8n's `Logger` that n8n-core calls during executions; every call is recorded, none printed. */
function createQuietLogger(scopes: string[] = []): Logger {
	const record =
		(level: HarnessLogEntry['level']) =>
		(message: string, metadata?: Record<string, unknown>): void => {
			harnessLogs.push({ level, message, metadata });
			if (harnessLogs.length > MAX_LOG_ENTRIES) harnessLogs.shift();
		};
	const logger = {
		scopes,
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: (more: string | string[]) =>
			createQuietLogger([...scopes, ...([] as string[]).concat(more)]),
	};
	return logger as unknown as Logger;
}

/**
 * Prepares the `@n8n/di` container that n8n-core 2.8.1 reads during workflow executions, once per module
 * registry (i.e. once per jest test file). Idempotent.
 *
 * Registered instances (everything else n8n-core needs is constructed by the container on demand):
 * - `Logger` (@n8n/backend-common): a quiet logger that records into {@link harnessLogs}.
 * - `ErrorReporter` (n8n-core): a stub that drops reports (the real one would set up Sentry).
 * - `SSHClientsManager` and `ScheduledTaskManager` (n8n-core): stubs that throw when used. Every node context
 *   asks the container for them; the real classes start referenced intervals in their constructors,
 *   which would keep jest (or any script) from exiting. SSH tunnels and crons are out of scope here.
 * - `InstanceSettings` (n8n-core): a fixed, in-memory settings object. The real class reads/writes
 *   `~/.n8n/config` in its constructor; this one points `n8nFolder` at a fresh temporary directory and uses a
 *   random per-process encryption key (only used by the execution-context cipher; credentials in the harness
 *   are never encrypted).
 */
export function prepareContainer(): void {
	if (prepared) return;
	prepared = true;

	Container.set(Logger, createQuietLogger());

	const errorReporter = {
		error: () => undefined,
		warn: () => undefined,
		info: () => undefined,
		init: async () => undefined,
		shutdown: async () => undefined,
	};
	Container.set(ErrorReporter, errorReporter as unknown as ErrorReporter);

	const unsupported = (what: string) => () => {
		throw new Error(`${what} is not supported by the engine test harness`);
	};
	const sshClientsManager = {
		getClient: unsupported('SSH tunnels'),
		updateLastUsed: () => undefined,
		onShutdown: () => undefined,
	};
	Container.set(SSHClientsManager, sshClientsManager as unknown as SSHClientsManager);
	const scheduledTaskManager = {
		registerCron: unsupported('Cron scheduling'),
		deregisterCrons: () => undefined,
		deregisterAllCrons: () => undefined,
	};
	Container.set(ScheduledTaskManager, scheduledTaskManager as unknown as ScheduledTaskManager);

	const n8nFolder = mkdtempSync(path.join(tmpdir(), 'n8n-engine-harness-'));
	process.once('exit', () => rmSync(n8nFolder, { recursive: true, force: true }));
	const encryptionKey = `harness-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
	const instanceSettings = {
		n8nFolder,
		staticCacheDir: path.join(n8nFolder, 'cache'),
		customExtensionDir: path.join(n8nFolder, 'custom'),
		nodesDownloadDir: path.join(n8nFolder, 'nodes'),
		encryptionKey,
		instanceId: 'engine-harness',
		hmacSignatureSecret: `${encryptionKey}-hmac`,
		instanceType: 'main',
		instanceRole: 'leader',
		hostId: 'main-engine-harness',
		isMultiMain: false,
		isSingleMain: true,
		isWorker: false,
		isLeader: true,
		isFollower: false,
		isDocker: false,
		fsStorageMigrated: true,
		enforceSettingsFilePermissions: { isSet: false, enforce: false },
	};
	Container.set(InstanceSettings, instanceSettings as unknown as InstanceSettings);
}
