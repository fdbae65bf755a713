/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code runs in Node and Jest, not inside n8n */
/**
 * `npm run sandbox` — runs the HighLevel sandbox until Ctrl+C and prints everything needed to try the package by
 * hand in an n8n on the same machine: both credentials (Private Integration Token; OAuth2 client id and secret with
 * every credential setting) and the GoHighLevel Trigger (the public key to paste, and how to point the sandbox's
 * app webhook at the trigger's Production URL). See {@link formatSandboxGuide}.
 *
 * Flags: `--port N` (default 4010), `--contacts N` (extra generated contacts), `--latency MS`, `--no-rate-limit`,
 * `--webhook-url URL` (the app webhook URL to start with). All values printed are sandbox-only fixtures.
 */
import type { INodeProperties } from 'n8n-workflow';

import { GoHighLevelOAuth2Api } from '../../credentials/GoHighLevelOAuth2Api.credentials';
import { GoHighLevelPrivateIntegrationTokenApi } from '../../credentials/GoHighLevelPrivateIntegrationTokenApi.credentials';
import { triggerProperties } from '../../nodes/GoHighLevelTrigger/shared/descriptions';
import { TEST_ED25519_PUBLIC_KEY } from '../GoHighLevelTrigger/fixtures/keys';
import { DEFAULT_RATE_LIMIT, startSandbox, type Sandbox, type SandboxOptions } from './index';

/** Parsed command line. */
export interface CliArgs {
	port: number;
	contacts: number;
	/** Added latency per request, ms. */
	latency: number;
	rateLimit: boolean;
	/** App webhook URL set at start (an n8n Production URL); undefined: none until set through the admin API. */
	webhookUrl?: string;
}

const FLAGS = '--port N, --contacts N, --latency MS, --no-rate-limit, --webhook-url URL';

/**
 * Parses `process.argv.slice(2)`.
 * @throws Error for an unknown flag, a non-numeric value or a webhook URL that is not absolute http(s)
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
		const eq = argv[i].indexOf('=');
		const flag = eq < 0 ? argv[i] : argv[i].slice(0, eq);
		const inline = eq < 0 ? undefined : argv[i].slice(eq + 1);
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
			case '--webhook-url': {
				const url = value();
				if (!url || !/^https?:\/\/[^/]/.test(url))
					throw new Error(
						'--webhook-url needs an absolute http(s) URL, e.g. the Production URL of a GoHighLevel Trigger',
					);
				args.webhookUrl = url;
				break;
			}
			default:
				throw new Error(`Unknown flag ${flag}. Flags: ${FLAGS}`);
		}
	}
	return args;
}

/** The trigger node's `displayName` (GoHighLevelTrigger.node.ts; cli.test.ts checks that they match). */
export const TRIGGER_DISPLAY_NAME = 'GoHighLevel Trigger';

/**
 * Where n8n's OAuth2 credential sends the browser first: the origin of the default Authorization Domain (the
 * credential's `authUrl` field, whose options are the full authorization URLs).
 */
function standardAuthorizationOrigin(): string {
	return new URL(standardAuthorizationUrl()).origin;
}

/** Default of the OAuth2 credential's Authorization Domain field (`authUrl`), a full authorization URL. */
function standardAuthorizationUrl(): string {
	const domain = findProperty(new GoHighLevelOAuth2Api().properties, 'authUrl');
	return String(domain?.default ?? 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
}

/** Depth-first search for a parameter by `name`, also inside collections; returns it and its parents' labels. */
function findPropertyPath(
	properties: readonly unknown[],
	name: string,
	parents: string[] = [],
): { property: INodeProperties; path: string[] } | undefined {
	for (const entry of properties) {
		const property = entry as INodeProperties;
		if (property.name === name && property.displayName !== undefined)
			return { property, path: [...parents, property.displayName] };
		if (Array.isArray(property.options) && property.type !== 'options') {
			const found = findPropertyPath(property.options, name, [...parents, property.displayName]);
			if (found) return found;
		}
	}
	return undefined;
}

function findProperty(properties: readonly unknown[], name: string): INodeProperties | undefined {
	return findPropertyPath(properties, name)?.property;
}

/** `displayName` of a parameter (the label n8n shows), or its `name` when the description has no such parameter. */
function label(properties: readonly unknown[], name: string): string {
	return findProperty(properties, name)?.displayName ?? name;
}

/** Display name of option `value` of an options parameter, or `value` itself. */
function optionName(properties: readonly unknown[], name: string, value: string): string {
	const options = (findProperty(properties, name)?.options ?? []) as Array<{
		name?: string;
		value?: unknown;
	}>;
	return options.find((option) => option.value === value)?.name ?? value;
}

/** The labels the guide uses, read from the credential and node descriptions so they match what n8n shows. */
export function guideLabels() {
	const pit = new GoHighLevelPrivateIntegrationTokenApi();
	const oauth = new GoHighLevelOAuth2Api();
	// Not the node class: under ts-node `GoHighLevelTrigger.node` resolves to the codex file GoHighLevelTrigger.node.json.
	const trigger = { displayName: TRIGGER_DISPLAY_NAME, properties: triggerProperties };
	const keyPath = findPropertyPath(trigger.properties, 'additionalEd25519PublicKey')?.path ?? [
		'additionalEd25519PublicKey',
	];
	return {
		pitCredential: pit.displayName,
		token: label(pit.properties, 'token'),
		locationId: label(pit.properties, 'locationId'),
		baseUrl: label(pit.properties, 'baseUrl'),
		oauthCredential: oauth.displayName,
		authorizationDomain: label(oauth.properties, 'authUrl'),
		standardDomain: optionName(oauth.properties, 'authUrl', standardAuthorizationUrl()),
		scope: label(oauth.properties, 'scope'),
		oauthBaseUrl: label(oauth.properties, 'baseUrl'),
		trigger: trigger.displayName,
		authentication: label(trigger.properties, 'authentication'),
		source: label(trigger.properties, 'source'),
		marketplaceSource: optionName(trigger.properties, 'source', 'marketplace'),
		events: label(trigger.properties, 'events'),
		/** The two events the guide suggests, as the Events dropdown names them. */
		exampleEvents: ['ContactCreate', 'OpportunityStageUpdate'].map(
			(event) => `"${optionName(trigger.properties, 'events', event)}"`,
		),
		/** E.g. `Options → Additional Ed25519 Public Key`. */
		publicKey: keyPath.join(' → '),
	};
}

/**
 * The text `npm run sandbox` prints once the sandbox listens: its URL and seed, then three numbered sections —
 * the Private Integration Token credential (token, Location ID, API Base URL), the OAuth2 credential (Client ID,
 * Client Secret, Authorization Domain, Scope, API Base URL, the redirect URL and how to make n8n's Connect reach
 * the sandbox's consent URL) and the GoHighLevel Trigger (the TEST Ed25519 public key and the parameter to paste it
 * into, and the `curl` that points the sandbox's app webhook at an n8n Production URL). Labels come from
 * {@link guideLabels}. The values are sandbox fixtures (the token and client secret open nothing but this sandbox).
 */
export function formatSandboxGuide(sandbox: Sandbox, args: CliArgs): string {
	const l = guideLabels();
	const url = sandbox.url;
	const location = sandbox.store.location(sandbox.locationId);
	const limit = args.rateLimit
		? `${DEFAULT_RATE_LIMIT.max} per ${DEFAULT_RATE_LIMIT.intervalMs / 1000} s, ${DEFAULT_RATE_LIMIT.daily.toLocaleString('en-US')} per day`
		: 'off';
	const origin = standardAuthorizationOrigin();
	const field = (name: string, value: string) => `     ${name.padEnd(28)}${value}`;
	const webhookCommand = (target: string) =>
		`curl -X PUT ${url}/__sandbox/app/webhook -H 'Content-Type: application/json' -d '{"url":"${target}"}'`;
	const lines = [
		`HighLevel sandbox listening on ${url}`,
		`  Location ${sandbox.locationId} (default, ${location.contacts.size} contacts)` +
			(sandbox.secondLocationId ? `, second location ${sandbox.secondLocationId}` : ''),
		`  Rate limit ${limit}; latency ${args.latency} ms`,
		`  Admin: ${url}/__sandbox/stats | /state | /info (GET), /reset | /seed (POST)`,
		`  n8n must run on this machine: the sandbox listens on 127.0.0.1 only.`,
		'',
		`1. Private Integration Token — in n8n: Credentials → Add credential → "${l.pitCredential}"`,
		field(l.token, sandbox.privateIntegrationToken),
		field(l.locationId, sandbox.locationId),
		field(l.baseUrl, url),
		'',
		`2. OAuth2 (Marketplace app) — in n8n: Credentials → Add credential → "${l.oauthCredential}"`,
		field(
			l.authorizationDomain,
			`${l.standardDomain} (the sandbox is not in the list; see Connect below)`,
		),
		field('Client ID', sandbox.oauth.clientId),
		field('Client Secret', sandbox.oauth.clientSecret),
		field(l.scope, 'leave the default'),
		field(l.oauthBaseUrl, `${url}   (the token URL follows it: ${sandbox.oauth.tokenUrl})`),
		field('OAuth Redirect URL', 'nothing to register: the sandbox accepts the one n8n shows'),
		`   Click Connect. In the window that opens, replace "${origin}" at the start of the address with`,
		`   "${url}" and press Enter: the sandbox installs the app on location ${sandbox.locationId} without a consent`,
		`   screen and sends the window back to n8n, which exchanges the code for tokens at the sandbox.` +
			(sandbox.secondLocationId
				? ` (Append &locationId=${sandbox.secondLocationId} to the address for the second location.)`
				: ''),
		'',
		`3. ${l.trigger} — webhook events signed by the sandbox`,
		`   a. Add a ${l.trigger} to a workflow: ${l.authentication} and credential from 1 or 2, ${l.source} "${l.marketplaceSource}",`,
		`      ${l.events} e.g. ${l.exampleEvents.join(' and ')}.`,
		`   b. The sandbox signs with a TEST key pair (HighLevel's own keys are built into the node). Under`,
		`      ${l.publicKey} paste this key:`,
		// Flush left, so that copying the block copies the key exactly.
		...TEST_ED25519_PUBLIC_KEY.trim().split('\n'),
		`   c. Save and activate the workflow, copy the trigger's Production URL and point the sandbox's app webhook`,
		`      (a Marketplace app's Default Webhook URL) at it:`,
		`        ${webhookCommand('<Production URL>')}`,
		`      or restart the sandbox with: npm run sandbox -- --webhook-url '<Production URL>'`,
		`   d. Every change made through the sandbox's API (e.g. a GoHighLevel node creating a contact) now sends`,
		`      its signed events there. Deliveries: ${url}/__sandbox/webhooks`,
		`   App webhook URL now: ${sandbox.webhooks.url ?? 'not set'}`,
		'',
		'Ctrl+C to stop.',
	];
	return lines.join('\n');
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
		webhooks: args.webhookUrl ? { url: args.webhookUrl } : undefined,
	};
	const sandbox = await startSandbox(options);
	console.log(formatSandboxGuide(sandbox, args));
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
