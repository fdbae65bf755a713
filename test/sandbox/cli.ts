/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code runs in Node and Jest, not inside n8n */
/**
 * `npm run sandbox` — runs the HighLevel sandbox until Ctrl+C.
 *
 * Flags: `--port N` (default 4010), `--contacts N` (extra generated contacts), `--latency MS`, `--no-rate-limit`.
 * Prints the URL, the default location id and a ready Private Integration Token (a sandbox-only fixture value).
 */
import { startSandbox, type SandboxOptions } from './index';

/** Parsed command line. */
interface CliArgs {
	port: number;
	contacts: number;
	latency: number;
	rateLimit: boolean;
}

/**
 * Parses `process.argv.slice(2)`.
 * @throws Error for an unknown flag or a non-numeric value
 */
export function parseArgs(argv: string[]): CliArgs {
	const args: CliArgs = { port: 4010, contacts: 0, latency: 0, rateLimit: true };
	const number = (flag: string, value: string | undefined): number => {
		const n = Number(value);
		if (value === undefined || !Number.isFinite(n) || n < 0)
			throw new Error(`${flag} needs a non-negative number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = (): string | undefined => inline ?? argv[++i];
		switch (flag) {
			case '--port':
				args.port = number(flag, value());
				break;
			case '--contacts':
				args.contacts = number(flag, value());
				break;
			case '--latency':
				args.latency = number(flag, value());
				break;
			case '--no-rate-limit':
				args.rateLimit = false;
				break;
			default:
				throw new Error(
					`Unknown flag ${flag}. Flags: --port N, --contacts N, --latency MS, --no-rate-limit`,
				);
		}
	}
	return args;
}

async function main(): Promise<void> {
	let args: CliArgs;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		console.error((e as Error).message);
		process.exit(2);
	}
	const options: SandboxOptions = {
		port: args.port,
		latencyMs: args.latency,
		rateLimit: args.rateLimit ? undefined : false,
		seed: { contacts: args.contacts },
	};
	const sandbox = await startSandbox(options);
	console.log(`HighLevel sandbox listening on ${sandbox.url}`);
	console.log(`  location id:               ${sandbox.locationId}`);
	console.log(`  second location id:        ${sandbox.secondLocationId ?? '-'}`);
	console.log(`  private integration token: ${sandbox.privateIntegrationToken}`);
	console.log(`  oauth client id:           ${sandbox.oauth.clientId}`);
	console.log(`  contacts:                  ${sandbox.store.location().contacts.size}`);
	console.log(
		`  rate limit:                ${args.rateLimit ? '100 per 10 s, 200000 per day' : 'off'}; latency ${args.latency} ms`,
	);
	console.log(
		`  admin:                     ${sandbox.url}/__sandbox/stats | /state | /info (GET), /reset | /seed (POST)`,
	);
	console.log('Ctrl+C to stop.');
	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping`);
		sandbox.close().then(
			() => process.exit(0),
			(e: unknown) => {
				console.error(e);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((e: unknown) => {
		console.error(e);
		process.exit(1);
	});
}
