/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- benchmark code runs in Node, not inside n8n */
/**
 * The HighLevel sandbox in a child process of its own, for benchmarks that measure the memory of the process
 * executing the node (test/bench/scale.ts): the sandbox's store and its page serialisation then do not count.
 *
 * Started by {@link startSandboxProcess} with `fork` (ts-node, transpile only). Protocol over the IPC channel:
 * the child sends `{ ready: { url, locationId, token } }` once listening; the parent sends `{ stats: true }` and gets
 * `{ stats: SandboxStats }`; `{ close: true }` stops the sandbox and the child exits.
 */
import { fork, type ChildProcess } from 'child_process';

import { startSandbox, type SandboxOptions, type SandboxStats } from '../sandbox';

/** What the child needs: sandbox options (JSON-safe) and contacts to seed, tagged. */
interface ChildConfig {
	options: Pick<SandboxOptions, 'rateLimit' | 'latencyMs'>;
	contacts: number;
	tags: string[];
}

/** A sandbox running in a child process. */
export interface SandboxProcess {
	/** E.g. `http://127.0.0.1:41234`. */
	url: string;
	locationId: string;
	/** The all-scope Private Integration Token of the default location. */
	privateIntegrationToken: string;
	/** Process id of the child. */
	pid: number;
	/** The sandbox's counters at the time of the call. */
	stats(): Promise<SandboxStats>;
	close(): Promise<void>;
}

type Message =
	| { ready: { url: string; locationId: string; token: string } }
	| { stats: SandboxStats }
	| { error: string };

/**
 * Forks the child, which starts a sandbox with `options`, seeds `contacts` generated contacts carrying `tags`
 * (seed.ts `generateContacts`) in the default location, and reports its URL.
 * @throws Error (rejects) when the child fails to start or exits before it is ready
 */
export async function startSandboxProcess(
	options: ChildConfig['options'],
	contacts: number,
	tags: string[],
): Promise<SandboxProcess> {
	const child: ChildProcess = fork(__filename, ['--child'], {
		execArgv: ['--require', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const next = () =>
		new Promise<Message>((resolve, reject) => {
			const onExit = (code: number | null) => reject(new Error(`sandbox process exited (${code})`));
			child.once('exit', onExit);
			child.once('message', (message: Message) => {
				child.off('exit', onExit);
				if ('error' in message) reject(new Error(message.error));
				else resolve(message);
			});
		});
	const ready = next();
	child.send({ options, contacts, tags } satisfies ChildConfig);
	const first = await ready;
	if (!('ready' in first)) throw new Error('sandbox process: unexpected first message');
	return {
		url: first.ready.url,
		locationId: first.ready.locationId,
		privateIntegrationToken: first.ready.token,
		pid: child.pid ?? 0,
		stats: async () => {
			const answer = next();
			child.send({ stats: true });
			const message = await answer;
			if (!('stats' in message)) throw new Error('sandbox process: unexpected answer');
			return message.stats;
		},
		close: async () =>
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.send({ close: true });
			}),
	};
}

async function runChild(): Promise<void> {
	const config = await new Promise<ChildConfig>((resolve) => process.once('message', resolve));
	const sandbox = await startSandbox(config.options);
	sandbox.seedContacts(config.contacts, { tags: config.tags });
	process.on('message', (message: { stats?: boolean; close?: boolean }) => {
		if (message.stats) process.send?.({ stats: sandbox.stats });
		if (message.close) void sandbox.close().then(() => process.exit(0));
	});
	process.send?.({
		ready: { url: sandbox.url, locationId: sandbox.locationId, token: sandbox.privateIntegrationToken },
	});
}

if (require.main === module && process.argv.includes('--child')) {
	runChild().catch((error: unknown) => {
		process.send?.({ error: error instanceof Error ? error.message : String(error) });
		process.exit(1);
	});
}
