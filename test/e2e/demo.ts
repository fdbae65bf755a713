/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code runs in Node and Jest, not inside n8n */
/**
 * `npm run demo` — the package's main job, end to end, in a real n8n.
 *
 * Starts the local HighLevel sandbox (random port on 127.0.0.1, 1,200 contacts tagged `n8n-demo` + 800 others),
 * makes sure the pinned n8n host is installed (the first run installs n8n once, 3–4 minutes), packs this package and
 * installs it into a fresh n8n user folder, imports a Private Integration Token credential pointing at the sandbox
 * and the example workflow (`fixtures/demo.workflow.json`), executes it with `n8n execute`, checks every node's
 * output against the sandbox's state and prints a short summary. Exit code 0 when everything matched, 1 otherwise.
 *
 * It prints the workflow's node chain first ({@link formatNodeChain}). `npm run demo -- --keep` then leaves n8n
 * running with the workflow imported and the sandbox behind it ({@link keepDemoRunning}), prints the editor URL of
 * the workflow, the owner's e-mail and password and the sandbox URL, and stops both on Ctrl-C.
 *
 * {@link runDemo} does the work and returns structured results; `demo.e2e.test.ts` and `demo-keep.e2e.test.ts`
 * assert on them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type {
	IDataObject,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { activityOf } from '../sandbox/activity';
import { automationOf } from '../sandbox/automation';
import { invoicesOf, totalsOf } from '../sandbox/invoices';
import { toMajor } from '../sandbox/money';
import { transactionsOf } from '../sandbox/payments';
import { PRICES, PRODUCTS } from '../sandbox/products';
import { recordsOf } from '../sandbox/records';
import {
	startSandbox,
	type CustomFieldValue,
	type InvalidRequest,
	type LatencyOption,
	type Sandbox,
} from '../sandbox';
import {
	hostInstallDir,
	log,
	maskSecrets,
	N8nInstance,
	nodeOutput,
	packPackage,
	pinnedN8nVersion,
	REPO_ROOT,
	type ExecutionJson,
	type WorkflowJson,
} from './n8n';

/**
 * The example workflow: Create Contact → Create Opportunity → Move to Next Stage → Find Free Slots → Book Appointment
 * → Send SMS → Send Email → Add Note → Create Follow-up Task → Enrol in Workflow → Create Product → Create Price →
 * Invoice the Contact → Record Payment → Transactions of the Invoice → Contacts Tagged n8n-demo.
 */
export const DEMO_WORKFLOW_FILE = path.join(__dirname, 'fixtures', 'demo.workflow.json');

/** Credential id and name the demo workflow's nodes reference. */
export const DEMO_CREDENTIAL = { id: 'ghlSandboxCred01', name: 'HighLevel Sandbox' };

/** Tag the workflow gives its contact and filters Get Many by. */
export const DEMO_TAG = 'n8n-demo';

/** Node names in the demo workflow, in execution order. */
export const DEMO_NODES = {
	createContact: 'Create Contact',
	createOpportunity: 'Create Opportunity',
	moveStage: 'Move to Next Stage',
	freeSlots: 'Find Free Slots',
	bookAppointment: 'Book Appointment',
	sendSms: 'Send SMS',
	sendEmail: 'Send Email',
	addNote: 'Add Note',
	createTask: 'Create Follow-up Task',
	enrolWorkflow: 'Enrol in Workflow',
	createProduct: 'Create Product',
	createPrice: 'Create Price',
	createInvoice: 'Invoice the Contact',
	recordPayment: 'Record Payment',
	transactions: 'Transactions of the Invoice',
	tagged: 'Contacts Tagged n8n-demo',
} as const;

/** What the workflow asks for (fixtures/demo.workflow.json) and the sandbox seed provides (test/sandbox/seed.ts). */
export const DEMO_EXPECTED = {
	firstName: 'Katherine',
	lastName: 'Johnson',
	/** Custom field `contact.lead_score` (NUMERICAL): the workflow sends "92", HighLevel stores a number. */
	leadScore: 92,
	/** Custom field `contact.favourite_colour` (SINGLE_OPTIONS), named by its display name in the workflow. */
	favouriteColour: 'Blue',
	pipeline: 'Sales Pipeline',
	stageBefore: 'New Lead',
	stageAfter: 'Contacted',
	/** Calendar Find Free Slots reads and Book Appointment books in (the sandbox's seeded calendar). */
	calendar: 'Sales Calls',
	/** Title of the appointment Book Appointment books in the first free slot. */
	appointmentTitle: 'Intro call: orbital mechanics course',
	/** Subject of the e-mail Send Email sends to the contact. */
	emailSubject: 'Your intro call is booked',
	/** Title of the note Add Note writes on the contact. */
	noteTitle: 'Qualified by the n8n demo',
	/** Title of the task Create Follow-up Task creates (due two days after the run). */
	taskTitle: 'Call Katherine about the course',
	/** The sandbox workflow (test/sandbox/automation.ts) the workflow's Enrol in Workflow node picked by id. */
	workflow: 'New Lead Nurture',
	/** Name of the product Create Product adds (products.json `create-product`). */
	product: 'Orbital Mechanics Course',
	/**
	 * The one-time price Create Price gives it, in major units (products.json `CreatePriceDto.amount`, e.g. 49.99), and
	 * its currency; the invoice has one item of it, so its total is the same amount.
	 */
	priceAmount: 49.99,
	currency: 'USD',
	/** Payment method Record Payment records the whole amount due with (invoices.json `RecordPaymentDto.mode`). */
	paymentMode: 'bank_transfer',
} as const;

/** Sandbox contact custom field keys the workflow fills (seeded by test/sandbox/seed.ts). */
const LEAD_SCORE_KEY = 'contact.lead_score';
const FAVOURITE_COLOUR_KEY = 'contact.favourite_colour';

/** Options of {@link startDemoSandbox}. */
export interface DemoSandboxOptions {
	/** Generated contacts tagged {@link DEMO_TAG}; default 1,200. */
	taggedContacts?: number;
	/** Generated contacts without that tag; default 800. */
	otherContacts?: number;
	/** Latency added to each HighLevel request (ms, or [min, max] ms); default 0. */
	latencyMs?: LatencyOption;
	/** Sandbox clock (epoch ms); default `Date.now`. */
	now?: () => number;
}

/**
 * Starts the sandbox on a random 127.0.0.1 port with HighLevel's real rate limit (100 requests / 10 s per app and
 * location, FACTS.md 4) and seeds the demo data: the default seed plus `taggedContacts` contacts tagged
 * {@link DEMO_TAG} and `otherContacts` contacts without it. The caller closes it.
 */
export async function startDemoSandbox(options: DemoSandboxOptions = {}): Promise<Sandbox> {
	const sandbox = await startSandbox({ latencyMs: options.latencyMs ?? 0, now: options.now });
	sandbox.seedContacts(options.taggedContacts ?? 1200, { tags: [DEMO_TAG] });
	sandbox.seedContacts(options.otherContacts ?? 800);
	return sandbox;
}

/**
 * Creates a fresh n8n instance (installing the pinned host first when it is not cached) and installs the packed
 * package into it. `dist/` must be built (`npm run build`). The caller disposes the instance.
 * @throws Error when the host install, `npm pack` or the package install fails (message from test/e2e/n8n.ts).
 */
export async function prepareN8n(
	say: (line: string) => void = () => undefined,
): Promise<N8nInstance> {
	if (!fs.existsSync(path.join(hostInstallDir(), 'node_modules', '.bin', 'n8n'))) {
		say(
			`n8n ${pinnedN8nVersion()} is not cached yet: installing it once (3–4 minutes, ~1.7 GB) into ${hostInstallDir()}`,
		);
	}
	const n8n = await N8nInstance.create();
	try {
		say('Packing the package and installing it into a fresh n8n user folder…');
		await n8n.installPackage(await packPackage());
	} catch (error) {
		await n8n.dispose();
		throw error;
	}
	return n8n;
}

/**
 * A Private Integration Token credential (n8n import JSON) with the given id and name, pointing at the sandbox's
 * default location.
 */
export function sandboxPitCredential(sandbox: Sandbox, reference: { id: string; name: string }) {
	return {
		...reference,
		type: 'goHighLevelPrivateIntegrationTokenApi',
		data: {
			token: sandbox.privateIntegrationToken,
			locationId: sandbox.locationId,
			baseUrl: sandbox.url,
		},
	};
}

/** The Private Integration Token credential of the demo workflow, pointing at the sandbox's default location. */
export function demoCredential(sandbox: Sandbox) {
	return sandboxPitCredential(sandbox, DEMO_CREDENTIAL);
}

/** Reads the demo workflow fixture. */
export function loadDemoWorkflow(): WorkflowJson {
	return JSON.parse(fs.readFileSync(DEMO_WORKFLOW_FILE, 'utf8')) as WorkflowJson;
}

/** Options of {@link runDemo}. */
export interface DemoOptions extends DemoSandboxOptions {
	/** Use this sandbox (already seeded, left running) instead of starting one with {@link startDemoSandbox}. */
	sandbox?: Sandbox;
	/** Use this instance (package installed, left running) instead of one from {@link prepareN8n}. */
	n8n?: N8nInstance;
	/** Progress lines; default: silent. */
	say?: (line: string) => void;
}

/** The contact the workflow created, as the sandbox stores it. */
export interface DemoContact {
	id: string;
	/** `firstName lastName` as stored; '' when the contact is missing. */
	name: string;
	/** Stored value of custom field `contact.lead_score`, undefined when missing. */
	leadScore?: CustomFieldValue;
	/** Stored value of custom field `contact.favourite_colour`, undefined when missing. */
	favouriteColour?: CustomFieldValue;
	/** Whether the sandbox has the contact at all. */
	stored: boolean;
}

/** The opportunity the workflow created and moved; stages by NAME (looked up in the sandbox's pipelines). */
export interface DemoOpportunity {
	id: string;
	name: string;
	/** Pipeline name of the created opportunity. */
	pipeline: string;
	/** Stage name in Create Opportunity's output. */
	stageBefore: string;
	/** Stage name in Move to Next Stage's output. */
	stageAfter: string;
	/** Stage name the sandbox stores now; '' when the opportunity is missing. */
	storedStage: string;
}

/**
 * The appointment, messages, note, task and workflow enrolment the workflow made for its contact, and whether the
 * sandbox has them.
 */
export interface DemoFollowUp {
	/** Free slots Find Free Slots listed (one item per slot). */
	freeSlots?: number;
	/** `startTime` as the sandbox stores it (ISO 8601); `firstFreeSlot`: whether it is the first slot listed. */
	appointment?: { id: string; title: string; calendar: string; startTime: string; firstFreeSlot: boolean; stored: boolean };
	/** Sent messages: id, and `status` / `messageType` as the sandbox stores them. */
	sms?: { id: string; messageType: string; status: string; stored: boolean };
	email?: { id: string; subject: string; status: string; stored: boolean };
	note?: { id: string; title: string; stored: boolean };
	/** `dueDate` as HighLevel stores it (ISO 8601, UTC). */
	task?: { id: string; title: string; dueDate: string; completed: boolean; stored: boolean };
	/** Workflow name (looked up in the sandbox), and whether the sandbox records the contact as enrolled. */
	workflow?: { id: string; name: string; enrolled: boolean };
}

/**
 * The commerce steps: the product and its price, the invoice for the contact with the payment recorded against it,
 * and the transaction HighLevel lists for that payment. Amounts in the currency's major units, as the API answers
 * them. No order: HighLevel makes orders from checkouts (funnels, stores, payment links); a payment recorded against
 * an invoice is a transaction with `entityType: invoice` (test/sandbox/invoices.ts), so the demo reads that back.
 */
export interface DemoCommerce {
	product?: { id: string; name: string; stored: boolean };
	price?: { id: string; name: string; amount: number; currency: string; type: string; stored: boolean };
	/** `status` as Record Payment answered it and `storedStatus` as the sandbox keeps it; `payments` recorded on it. */
	invoice?: {
		id: string;
		number: string;
		total: number;
		currency: string;
		status: string;
		storedStatus: string;
		payments: number;
		/** Whether the invoice is addressed to the created contact and its one item is the created product and price. */
		matches: boolean;
	};
	/** The one transaction Transactions of the Invoice listed (`listed`: how many it listed). */
	transaction?: { id: string; amount: number; currency: string; entityType: string; listed: number; stored: boolean };
}

/** Structured outcome of {@link runDemo}. `problems` is empty when everything matched. */
export interface DemoResult {
	/** True when the execution succeeded and every check passed. */
	ok: boolean;
	/** One readable sentence per failed check (no secrets). */
	problems: string[];
	/** n8n's execution status (`success`, `error`, …). */
	status: string;
	/** Node that failed and its error message, when the execution failed. */
	failure?: { node?: string; message: string; description?: string };
	/** The full execution JSON printed by `n8n execute` (every node's run data). */
	execution: ExecutionJson;
	/** `json` of every output item, per node name, for every node that ran. */
	outputs: Record<string, IDataObject[]>;
	contact?: DemoContact;
	opportunity?: DemoOpportunity;
	followUp: DemoFollowUp;
	commerce: DemoCommerce;
	tagged: {
		/** Items Get Many (Return All) returned. */
		listed: number;
		/** Distinct contact ids among them. */
		unique: number;
		/** Contacts tagged {@link DEMO_TAG} in the sandbox after the run. */
		inSandbox: number;
	};
	/** Sandbox counters for the run (requests sent by n8n to the HighLevel API). */
	requests: {
		total: number;
		/** `POST /contacts/search` calls (contacts.json `search-contacts-advanced`): pages of Return All. */
		pages: number;
		byOperation: Record<string, number>;
		rateLimited: number;
		invalidRequests: InvalidRequest[];
	};
	/** n8n version of the host. */
	n8nVersion: string;
	/** Milliseconds: whole demo (sandbox start to end of checks), and the `n8n execute` process alone. */
	timings: { totalMs: number; executeMs: number };
	/** Where n8n's output was saved when the demo failed (secrets masked). */
	logFile?: string;
}

function stageName(sandbox: Sandbox, pipelineId: unknown, stageId: unknown): string {
	const pipeline = sandbox.store
		.location(sandbox.locationId)
		.pipelines.find((p) => p.id === pipelineId);
	return pipeline?.stages.find((s) => s.id === stageId)?.name ?? `unknown stage ${String(stageId)}`;
}

function pipelineName(sandbox: Sandbox, pipelineId: unknown): string {
	return (
		sandbox.store.location(sandbox.locationId).pipelines.find((p) => p.id === pipelineId)?.name ??
		`unknown pipeline ${String(pipelineId)}`
	);
}

function customFieldValue(
	sandbox: Sandbox,
	values: Record<string, CustomFieldValue>,
	fieldKey: string,
): CustomFieldValue | undefined {
	const field = [...sandbox.store.location(sandbox.locationId).customFields.values()].find(
		(f) => f.fieldKey === fieldKey,
	);
	return field ? values[field.id] : undefined;
}

/** Contacts of the sandbox's default location tagged `tag`. */
export function taggedInSandbox(sandbox: Sandbox, tag = DEMO_TAG): number {
	let count = 0;
	for (const contact of sandbox.store.location(sandbox.locationId).contacts.values()) {
		if (contact.tags.includes(tag)) count++;
	}
	return count;
}

/**
 * Runs the demo: sandbox (unless given) → n8n with the packed package (unless given) → import credential and
 * workflow → `n8n execute` → checks. Resolves with a {@link DemoResult} also when the workflow failed or a check
 * did not match (`ok: false`, `problems`); owned sandbox and n8n are stopped before it resolves.
 * @throws Error when setup fails (host install, pack, package install, imports) or `n8n execute` prints no
 *   execution; messages have secrets masked. `error.message` names the saved n8n log when there is one.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
	const say = options.say ?? (() => undefined);
	const started = Date.now();
	let sandbox = options.sandbox;
	let n8n = options.n8n;
	let logFile: string | undefined;
	const saveLogs = () => {
		if (!n8n || logFile) return;
		logFile = path.join(os.tmpdir(), `n8n-nodes-gohighlevel-demo-${Date.now()}.log`);
		fs.writeFileSync(logFile, n8n.logs(), { mode: 0o600 });
	};
	try {
		if (!sandbox) {
			say('Starting the HighLevel sandbox…');
			sandbox = await startDemoSandbox(options);
		}
		say(
			`Sandbox at ${sandbox.url}: ${taggedInSandbox(sandbox).toLocaleString('en-US')} contacts tagged ${DEMO_TAG}, ` +
				`${sandbox.store.location(sandbox.locationId).contacts.size.toLocaleString('en-US')} in all`,
		);
		n8n ??= await prepareN8n(say);
		say('Importing the credential and the demo workflow…');
		await n8n.importCredential(demoCredential(sandbox));
		const workflowId = await n8n.importWorkflow(loadDemoWorkflow());
		sandbox.stats.reset();
		say(`Executing the workflow in n8n ${pinnedN8nVersion()}…`);
		const run = await n8n.execute(workflowId, { allowFailure: true });
		const result = checkDemo(sandbox, run.execution, {
			executeMs: run.durationMs,
			totalMs: Date.now() - started,
		});
		if (!result.ok) saveLogs();
		result.logFile = logFile;
		return result;
	} catch (error) {
		saveLogs();
		if (error instanceof Error && logFile) error.message += `\nn8n output saved to ${logFile}`;
		throw error;
	} finally {
		if (n8n && !options.n8n) await n8n.dispose();
		if (sandbox && !options.sandbox) await sandbox.close();
	}
}

/**
 * Checks a finished demo execution against the sandbox: the contact with both custom field values, the opportunity
 * in New Lead then Contacted of Sales Pipeline, the note and task on the contact and its workflow enrolment
 * ({@link checkFollowUp}), the paid invoice and its transaction ({@link checkCommerce}), every tagged contact listed
 * once, no invalid request.
 * Stage and pipeline ids are resolved to names through the sandbox's pipelines.
 */
export function checkDemo(
	sandbox: Sandbox,
	execution: ExecutionJson,
	timings: { totalMs: number; executeMs: number },
): DemoResult {
	const problems: string[] = [];
	const runData = execution.data?.resultData.runData ?? {};
	const outputs: Record<string, IDataObject[]> = {};
	for (const name of Object.keys(runData)) outputs[name] = nodeOutput(execution, name);
	const stats = sandbox.stats;
	const result: DemoResult = {
		ok: false,
		problems,
		status: execution.status,
		execution,
		outputs,
		followUp: {},
		commerce: {},
		tagged: { listed: 0, unique: 0, inSandbox: taggedInSandbox(sandbox) },
		requests: {
			total: stats.requests,
			pages: stats.byOperation['search-contacts-advanced'] ?? 0,
			byOperation: { ...stats.byOperation },
			rateLimited: stats.rateLimited,
			invalidRequests: [...stats.invalidRequests],
		},
		n8nVersion: pinnedN8nVersion(),
		timings,
	};
	const error = execution.data?.resultData.error;
	if (execution.status !== 'success' || error) {
		result.failure = {
			node: error?.node?.name,
			message: maskSecrets(error?.message ?? `execution status ${execution.status}`),
			description: error?.description ? maskSecrets(error.description) : undefined,
		};
		problems.push(
			`The workflow failed${error?.node ? ` in node "${error.node.name}"` : ''}: ${result.failure.message}` +
				(result.failure.description ? ` (${result.failure.description})` : ''),
		);
	}
	for (const name of Object.values(DEMO_NODES)) {
		if (!outputs[name]) problems.push(`Node "${name}" did not run`);
	}
	const location = sandbox.store.location(sandbox.locationId);

	const [contactItem] = outputs[DEMO_NODES.createContact] ?? [];
	if (contactItem) {
		const id = String(contactItem.id ?? '');
		const stored = location.contacts.get(id);
		result.contact = {
			id,
			name: stored ? `${stored.firstName ?? ''} ${stored.lastName ?? ''}`.trim() : '',
			leadScore: stored
				? customFieldValue(sandbox, stored.customFields, LEAD_SCORE_KEY)
				: undefined,
			favouriteColour: stored
				? customFieldValue(sandbox, stored.customFields, FAVOURITE_COLOUR_KEY)
				: undefined,
			stored: !!stored,
		};
		const expectedName = `${DEMO_EXPECTED.firstName} ${DEMO_EXPECTED.lastName}`;
		if (!stored) problems.push(`Contact ${id || '(no id)'} is not in the sandbox`);
		else {
			if (result.contact.name !== expectedName)
				problems.push(`Contact is named "${result.contact.name}", expected "${expectedName}"`);
			if (result.contact.leadScore !== DEMO_EXPECTED.leadScore)
				problems.push(
					`Lead Score stored as ${JSON.stringify(result.contact.leadScore)}, expected ${DEMO_EXPECTED.leadScore}`,
				);
			if (result.contact.favouriteColour !== DEMO_EXPECTED.favouriteColour)
				problems.push(
					`Favourite Colour stored as ${JSON.stringify(result.contact.favouriteColour)}, expected "${DEMO_EXPECTED.favouriteColour}"`,
				);
			if (!stored.tags.includes(DEMO_TAG)) problems.push(`Contact is not tagged ${DEMO_TAG}`);
		}
	} else if (
		outputs[DEMO_NODES.createContact] &&
		result.failure?.node !== DEMO_NODES.createContact
	) {
		problems.push(`"${DEMO_NODES.createContact}" returned no item`);
	}

	const [created] = outputs[DEMO_NODES.createOpportunity] ?? [];
	const [moved] = outputs[DEMO_NODES.moveStage] ?? [];
	if (created) {
		const id = String(created.id ?? '');
		const stored = location.opportunities.get(id);
		result.opportunity = {
			id,
			name: String(created.name ?? ''),
			pipeline: pipelineName(sandbox, created.pipelineId),
			stageBefore: stageName(sandbox, created.pipelineId, created.pipelineStageId),
			stageAfter: moved ? stageName(sandbox, moved.pipelineId, moved.pipelineStageId) : '',
			storedStage: stored ? stageName(sandbox, stored.pipelineId, stored.pipelineStageId) : '',
		};
		const o = result.opportunity;
		if (o.pipeline !== DEMO_EXPECTED.pipeline)
			problems.push(
				`Opportunity is in pipeline "${o.pipeline}", expected "${DEMO_EXPECTED.pipeline}"`,
			);
		if (o.stageBefore !== DEMO_EXPECTED.stageBefore)
			problems.push(
				`Opportunity was created in stage "${o.stageBefore}", expected "${DEMO_EXPECTED.stageBefore}"`,
			);
		if (result.contact && created.contactId !== result.contact.id)
			problems.push(
				`Opportunity belongs to contact ${String(created.contactId)}, not the created contact`,
			);
		if (!stored) problems.push(`Opportunity ${id || '(no id)'} is not in the sandbox`);
		else if (o.storedStage !== DEMO_EXPECTED.stageAfter)
			problems.push(
				`Opportunity is stored in stage "${o.storedStage}", expected "${DEMO_EXPECTED.stageAfter}"`,
			);
		if (moved) {
			if (moved.id !== created.id)
				problems.push(`"${DEMO_NODES.moveStage}" returned another opportunity`);
			if (o.stageAfter !== DEMO_EXPECTED.stageAfter)
				problems.push(
					`"${DEMO_NODES.moveStage}" returned stage "${o.stageAfter}", expected "${DEMO_EXPECTED.stageAfter}"`,
				);
		} else if (outputs[DEMO_NODES.moveStage] && result.failure?.node !== DEMO_NODES.moveStage) {
			problems.push(`"${DEMO_NODES.moveStage}" returned no item`);
		}
	} else if (
		outputs[DEMO_NODES.createOpportunity] &&
		result.failure?.node !== DEMO_NODES.createOpportunity
	) {
		problems.push(`"${DEMO_NODES.createOpportunity}" returned no item`);
	}

	checkFollowUp(sandbox, result, outputs);
	checkCommerce(sandbox, result, outputs);

	const tagged = outputs[DEMO_NODES.tagged];
	if (tagged) {
		const ids = tagged.map((c) => String(c.id));
		result.tagged.listed = tagged.length;
		result.tagged.unique = new Set(ids).size;
		if (result.tagged.listed !== result.tagged.inSandbox)
			problems.push(
				`Return All listed ${result.tagged.listed} tagged contacts, the sandbox has ${result.tagged.inSandbox}`,
			);
		if (result.tagged.unique !== result.tagged.listed)
			problems.push(
				`Return All listed ${result.tagged.listed - result.tagged.unique} contacts twice`,
			);
		const untagged = tagged.filter(
			(c) => !(Array.isArray(c.tags) && (c.tags as unknown[]).includes(DEMO_TAG)),
		).length;
		if (untagged > 0)
			problems.push(`Return All listed ${untagged} contacts without the tag ${DEMO_TAG}`);
		if (result.contact && !ids.includes(result.contact.id))
			problems.push('Return All did not list the contact the workflow created');
	}

	if (result.requests.invalidRequests.length > 0) {
		const first = result.requests.invalidRequests[0];
		problems.push(
			`${result.requests.invalidRequests.length} requests failed the API's validation, first: ` +
				`${first.method} ${first.path} — ${first.errors.join('; ')}`,
		);
	}
	result.ok = problems.length === 0;
	return result;
}

/**
 * The steps after the opportunity: Find Free Slots listed slots of the Sales Calls calendar (calendars.json
 * `get-slots`) and Book Appointment booked the first one for the contact (`create-appointment`); Send SMS and Send
 * Email sent one message each to the contact (conversations.json `send-a-new-message`); the note (contacts.json
 * `create-note`) and the task (`create-task`) are on the created contact with the fixture's titles; the contact is
 * enrolled in the workflow {@link DEMO_EXPECTED}.workflow (`add-contact-to-workflow`). Everything is checked against
 * the sandbox's state; adds to `result.followUp` and `result.problems`.
 */
function checkFollowUp(sandbox: Sandbox, result: DemoResult, outputs: Record<string, IDataObject[]>): void {
	const { problems } = result;
	const location = sandbox.store.location(sandbox.locationId);
	const contactId = result.contact?.id;
	const missing = (node: string) => {
		if (outputs[node] && result.failure?.node !== node) problems.push(`"${node}" returned no item`);
	};

	const slots = outputs[DEMO_NODES.freeSlots];
	if (slots) {
		result.followUp.freeSlots = slots.length;
		if (!slots.length) problems.push(`"${DEMO_NODES.freeSlots}" found no free slot`);
	}
	const [booked] = outputs[DEMO_NODES.bookAppointment] ?? [];
	if (booked) {
		const stored = activityOf(location).appointments.get(String(booked.id));
		const calendar = activityOf(location).calendars.get(String(booked.calendarId))?.name;
		result.followUp.appointment = {
			id: String(booked.id ?? ''),
			title: String(booked.title ?? ''),
			calendar: calendar ?? `unknown calendar ${String(booked.calendarId)}`,
			startTime: String(stored?.startTime ?? booked.startTime ?? ''),
			firstFreeSlot: !!slots?.length && Date.parse(String(booked.startTime)) === Date.parse(String(slots[0].startTime)),
			stored: !!stored,
		};
		const a = result.followUp.appointment;
		if (!stored) problems.push(`Appointment ${a.id} is not in the sandbox`);
		else if (stored.contactId !== contactId) problems.push('The appointment is not for the created contact');
		if (a.calendar !== DEMO_EXPECTED.calendar)
			problems.push(`The appointment is in calendar "${a.calendar}", expected "${DEMO_EXPECTED.calendar}"`);
		if (a.title !== DEMO_EXPECTED.appointmentTitle)
			problems.push(`Appointment is titled "${a.title}", expected "${DEMO_EXPECTED.appointmentTitle}"`);
		if (!a.firstFreeSlot) problems.push('The appointment does not start at the first free slot listed');
	} else missing(DEMO_NODES.bookAppointment);

	const message = (node: string) => {
		const [sent] = outputs[node] ?? [];
		if (!sent) {
			missing(node);
			return undefined;
		}
		const stored = activityOf(location).messages.get(String(sent.messageId));
		if (!stored) problems.push(`Message ${String(sent.messageId)} of "${node}" is not in the sandbox`);
		else if (stored.contactId !== contactId) problems.push(`The message of "${node}" is not to the created contact`);
		return { sent, stored };
	};
	const sms = message(DEMO_NODES.sendSms);
	if (sms) {
		result.followUp.sms = {
			id: String(sms.sent.messageId ?? ''),
			messageType: String(sms.stored?.messageType ?? ''),
			status: String(sms.stored?.status ?? sms.sent.status ?? ''),
			stored: !!sms.stored,
		};
		if (sms.stored && sms.stored.messageType !== 'TYPE_SMS')
			problems.push(`"${DEMO_NODES.sendSms}" sent a ${sms.stored.messageType} message`);
	}
	const email = message(DEMO_NODES.sendEmail);
	if (email) {
		const subject = String((email.stored as unknown as IDataObject | undefined)?.subject ?? '');
		result.followUp.email = {
			id: String(email.sent.messageId ?? ''),
			subject,
			status: String(email.stored?.status ?? email.sent.status ?? ''),
			stored: !!email.stored,
		};
		if (email.stored && email.stored.messageType !== 'TYPE_EMAIL')
			problems.push(`"${DEMO_NODES.sendEmail}" sent a ${email.stored.messageType} message`);
		if (email.stored && subject !== DEMO_EXPECTED.emailSubject)
			problems.push(`The e-mail's subject is "${subject}", expected "${DEMO_EXPECTED.emailSubject}"`);
	}

	const [note] = outputs[DEMO_NODES.addNote] ?? [];
	if (note) {
		const stored = activityOf(location).notes.get(String(note.id));
		result.followUp.note = { id: String(note.id ?? ''), title: String(note.title ?? ''), stored: !!stored };
		if (!stored) problems.push(`Note ${String(note.id)} is not in the sandbox`);
		else if (stored.contactId !== contactId) problems.push('The note is not on the created contact');
		if (note.title !== DEMO_EXPECTED.noteTitle)
			problems.push(`Note is titled "${String(note.title)}", expected "${DEMO_EXPECTED.noteTitle}"`);
	} else missing(DEMO_NODES.addNote);

	const [task] = outputs[DEMO_NODES.createTask] ?? [];
	if (task) {
		const stored = activityOf(location).tasks.get(String(task.id));
		result.followUp.task = {
			id: String(task.id ?? ''),
			title: String(task.title ?? ''),
			dueDate: String(stored?.dueDate ?? task.dueDate ?? ''),
			completed: task.completed === true,
			stored: !!stored,
		};
		if (!stored) problems.push(`Task ${String(task.id)} is not in the sandbox`);
		else if (stored.contactId !== contactId) problems.push('The task is not on the created contact');
		if (task.title !== DEMO_EXPECTED.taskTitle)
			problems.push(`Task is titled "${String(task.title)}", expected "${DEMO_EXPECTED.taskTitle}"`);
	} else missing(DEMO_NODES.createTask);

	const [enrolled] = outputs[DEMO_NODES.enrolWorkflow] ?? [];
	if (enrolled) {
		const workflowId = String(enrolled.workflowId ?? '');
		const automation = automationOf(location);
		const name = automation.workflows.find((w) => w.id === workflowId)?.name ?? `unknown workflow ${workflowId}`;
		const isEnrolled = !!contactId && !!automation.workflowEnrolments.get(contactId)?.has(workflowId);
		result.followUp.workflow = { id: workflowId, name, enrolled: isEnrolled };
		if (name !== DEMO_EXPECTED.workflow)
			problems.push(`The contact was enrolled in "${name}", expected "${DEMO_EXPECTED.workflow}"`);
		if (!isEnrolled) problems.push(`The sandbox does not record the contact in workflow "${name}"`);
	} else missing(DEMO_NODES.enrolWorkflow);
}

/**
 * The commerce steps, checked against the sandbox: Create Product (products.json `create-product`) stored the product;
 * Create Price (`create-price-for-product`) stored a one-time price of it, {@link DEMO_EXPECTED}.priceAmount in
 * {@link DEMO_EXPECTED}.currency (major units); Invoice the Contact (invoices.json `create-invoice`) made an invoice
 * for the created contact with one item of that product and price; Record Payment (`record-invoice`, the whole
 * amount due) left it `paid` with exactly one payment of its total; Transactions of the Invoice (payments.json
 * `list-transactions`, filtered by the contact and the invoice as `entityId`) listed exactly one transaction of that
 * amount, `entityType: invoice`, which the sandbox stores. Adds to `result.commerce` and `result.problems`.
 */
function checkCommerce(sandbox: Sandbox, result: DemoResult, outputs: Record<string, IDataObject[]>): void {
	const { problems, commerce } = result;
	const location = sandbox.store.location(sandbox.locationId);
	const contactId = result.contact?.id;
	const missing = (node: string) => {
		if (outputs[node] && result.failure?.node !== node) problems.push(`"${node}" returned no item`);
	};
	const expectedAmount = `${DEMO_EXPECTED.priceAmount} ${DEMO_EXPECTED.currency}`;

	const [product] = outputs[DEMO_NODES.createProduct] ?? [];
	if (product) {
		const id = String(product._id ?? '');
		const stored = recordsOf(location, PRODUCTS).get(id);
		commerce.product = { id, name: String(product.name ?? ''), stored: !!stored };
		if (!stored) problems.push(`Product ${id || '(no id)'} is not in the sandbox`);
		if (commerce.product.name !== DEMO_EXPECTED.product)
			problems.push(`The product is named "${commerce.product.name}", expected "${DEMO_EXPECTED.product}"`);
	} else missing(DEMO_NODES.createProduct);

	const [price] = outputs[DEMO_NODES.createPrice] ?? [];
	if (price) {
		const id = String(price._id ?? '');
		const stored = recordsOf(location, PRICES).get(id);
		commerce.price = {
			id,
			name: String(price.name ?? ''),
			amount: Number(stored?.amount ?? price.amount),
			currency: String(stored?.currency ?? price.currency ?? ''),
			type: String(stored?.type ?? price.type ?? ''),
			stored: !!stored,
		};
		const p = commerce.price;
		if (!stored) problems.push(`Price ${id || '(no id)'} is not in the sandbox`);
		else if (stored.product !== commerce.product?.id) problems.push('The price is not a price of the created product');
		if (`${p.amount} ${p.currency}` !== expectedAmount || p.type !== 'one_time')
			problems.push(`The price is ${p.amount} ${p.currency} (${p.type}), expected a one-time price of ${expectedAmount}`);
	} else missing(DEMO_NODES.createPrice);

	const [created] = outputs[DEMO_NODES.createInvoice] ?? [];
	const [paid] = outputs[DEMO_NODES.recordPayment] ?? [];
	if (created) {
		const id = String(created._id ?? '');
		const stored = invoicesOf(location).get(id);
		const [item] = stored?.items ?? [];
		const total = stored ? totalsOf(stored).total : 0;
		commerce.invoice = {
			id,
			number: String(created.invoiceNumber ?? ''),
			total: stored ? toMajor(total, stored.currency) : Number(created.total),
			currency: String(created.currency ?? ''),
			status: String(paid?.status ?? ''),
			storedStatus: stored?.status ?? '',
			payments: stored?.payments.length ?? 0,
			matches:
				!!stored &&
				stored.contactDetails.id === contactId &&
				stored.items.length === 1 &&
				item.productId === commerce.product?.id &&
				item.priceId === commerce.price?.id,
		};
		const inv = commerce.invoice;
		if (!stored) problems.push(`Invoice ${id || '(no id)'} is not in the sandbox`);
		else {
			if (!inv.matches)
				problems.push('The invoice is not for the created contact with one item of the created product and price');
			if (`${inv.total} ${inv.currency}` !== expectedAmount)
				problems.push(`The invoice totals ${inv.total} ${inv.currency}, expected ${expectedAmount}`);
			if (inv.storedStatus !== 'paid') problems.push(`The invoice is stored as ${inv.storedStatus}, expected paid`);
			if (inv.payments !== 1 || stored.payments[0].amountMinor !== total)
				problems.push(`The invoice has ${inv.payments} payments, expected one of its total`);
			else if (stored.payments[0].mode !== DEMO_EXPECTED.paymentMode)
				problems.push(`The payment was recorded as ${stored.payments[0].mode}, expected ${DEMO_EXPECTED.paymentMode}`);
		}
		if (paid) {
			if (paid._id !== created._id) problems.push(`"${DEMO_NODES.recordPayment}" returned another invoice`);
			if (paid.status !== 'paid' || paid.amountDue !== 0)
				problems.push(`"${DEMO_NODES.recordPayment}" left the invoice ${String(paid.status)} with ${String(paid.amountDue)} due`);
		} else missing(DEMO_NODES.recordPayment);
	} else missing(DEMO_NODES.createInvoice);

	const listed = outputs[DEMO_NODES.transactions];
	if (listed) {
		const [txn] = listed;
		const stored = txn ? transactionsOf(location).get(String(txn._id)) : undefined;
		commerce.transaction = {
			id: String(txn?._id ?? ''),
			amount: Number(txn?.amount),
			currency: String(txn?.currency ?? ''),
			entityType: String(txn?.entityType ?? ''),
			listed: listed.length,
			stored: !!stored,
		};
		const t = commerce.transaction;
		if (listed.length !== 1) problems.push(`"${DEMO_NODES.transactions}" listed ${listed.length} transactions, expected 1`);
		if (txn) {
			if (!stored) problems.push(`Transaction ${t.id} is not in the sandbox`);
			if (t.entityType !== 'invoice' || txn.entityId !== commerce.invoice?.id || txn.contactId !== contactId)
				problems.push('The transaction is not the payment of the invoice by the created contact');
			if (`${t.amount} ${t.currency}` !== expectedAmount)
				problems.push(`The transaction is of ${t.amount} ${t.currency}, expected ${expectedAmount}`);
		}
	}
}

const fmt = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The short, readable summary `npm run demo` prints (no secrets: ids, names and counts only). */
export function formatDemoSummary(result: DemoResult): string {
	const lines: string[] = [''];
	const row = (label: string, text: string) => lines.push(`  ${label.padEnd(13)}${text}`);
	const c = result.contact;
	if (c) {
		row(
			'Contact',
			`${c.name || '(missing)'}  (id ${c.id})  Lead Score ${JSON.stringify(c.leadScore ?? null)}, ` +
				`Favourite Colour ${JSON.stringify(c.favouriteColour ?? null)}`,
		);
	}
	const o = result.opportunity;
	if (o) {
		row('Opportunity', `"${o.name}"  (id ${o.id}, ${o.pipeline})`);
		row(
			'',
			`stage ${o.stageBefore} → ${o.stageAfter || '(not moved)'}  (stored: ${o.storedStage || 'missing'})`,
		);
	}
	const { appointment, sms, email, note, task, workflow } = result.followUp;
	const storedText = (stored: boolean) => (stored ? 'stored' : 'MISSING in the sandbox');
	if (appointment) {
		row(
			'Appointment',
			`"${appointment.title}" at ${appointment.startTime} in ${appointment.calendar}  ` +
				`(${appointment.firstFreeSlot ? 'first' : 'NOT the first'} of ${fmt(result.followUp.freeSlots ?? 0)} free slots; id ${appointment.id}, ${storedText(appointment.stored)})`,
		);
	}
	if (sms) row('SMS', `sent, ${sms.status}  (message ${sms.id}, ${storedText(sms.stored)})`);
	if (email) row('Email', `"${email.subject}" sent, ${email.status}  (message ${email.id}, ${storedText(email.stored)})`);
	if (note) row('Note', `"${note.title}"  (id ${note.id}, ${storedText(note.stored)})`);
	if (task) {
		row(
			'Task',
			`"${task.title}" due ${task.dueDate}, ${task.completed ? 'completed' : 'open'}  (id ${task.id}, ${storedText(task.stored)})`,
		);
	}
	if (workflow) {
		row('Workflow', `enrolled in "${workflow.name}"  (id ${workflow.id}, ${workflow.enrolled ? 'recorded' : 'NOT recorded'})`);
	}
	const { product, price, invoice, transaction } = result.commerce;
	if (invoice) {
		const txn = transaction?.id
			? `transaction ${transaction.id} of ${transaction.amount} ${transaction.currency} ${transaction.stored ? 'recorded' : 'MISSING in the sandbox'}`
			: 'no transaction listed';
		row(
			'Invoice',
			`#${invoice.number} for ${invoice.total} ${invoice.currency} ("${product?.name ?? '?'}", price "${price?.name ?? '?'}") ` +
				`${invoice.storedStatus || 'MISSING in the sandbox'}  (${invoice.payments} payment${invoice.payments === 1 ? '' : 's'}; ${txn})`,
		);
	}
	const t = result.tagged;
	if (result.outputs[DEMO_NODES.tagged]) {
		row(
			'Return All',
			`${fmt(t.listed)} contacts tagged ${DEMO_TAG} listed (${fmt(t.unique)} distinct); the sandbox has ${fmt(t.inSandbox)}`,
		);
	}
	const r = result.requests;
	row(
		'Requests',
		`${fmt(r.total)} to the HighLevel API, ${r.pages} pages of contact search, ` +
			`${r.invalidRequests.length} invalid, ${r.rateLimited} rate-limited (429)`,
	);
	row(
		'Time',
		`${seconds(result.timings.totalMs)} in all; n8n execute ${seconds(result.timings.executeMs)}`,
	);
	lines.push('');
	if (result.ok) {
		lines.push(
			`OK: the workflow ran in n8n ${result.n8nVersion} and the sandbox holds what it should.`,
		);
	} else {
		lines.push('FAILED:');
		for (const problem of result.problems) lines.push(`  - ${problem}`);
		if (result.logFile) lines.push(`n8n output saved to ${result.logFile}`);
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The node chain
// ---------------------------------------------------------------------------------------------------------------

/** Names n8n shows for the n8n-nodes-base types the example workflows use. */
const BASE_NODE_NAMES: Record<string, string> = {
	'n8n-nodes-base.manualTrigger': 'Manual Trigger',
	'n8n-nodes-base.set': 'Edit Fields (Set)',
	'n8n-nodes-base.noOp': 'No Operation',
	'n8n-nodes-base.switch': 'Switch',
	'n8n-nodes-base.executeWorkflow': 'Execute Sub-workflow',
	'n8n-nodes-base.executeWorkflowTrigger': 'When Executed by Another Workflow',
};

/** The built GoHighLevel node's description (dist/, as n8n loads it), or undefined before `npm run build`. */
function builtGoHighLevelDescription(): INodeTypeDescription | undefined {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', 'GoHighLevel', 'GoHighLevel.node.js');
	if (!fs.existsSync(file)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built node, loaded at run time
	const { GoHighLevel } = require(file) as { GoHighLevel: new () => INodeType };
	return new GoHighLevel().description;
}

/**
 * What a node does, the way n8n's node creator words it: `GoHighLevel: <operation action>` for the action node
 * (the `action` of the chosen operation, e.g. "GoHighLevel: Create a contact", read from `description`), the
 * trigger with its events, n8n's name for other node types, else the type name.
 */
export function describeNode(
	node: WorkflowJson['nodes'][number],
	description: INodeTypeDescription | undefined = builtGoHighLevelDescription(),
): string {
	const parameters = (node.parameters ?? {}) as IDataObject;
	if (node.type === 'n8n-nodes-gohighlevel.goHighLevel') {
		const resource = String(parameters.resource ?? 'contact');
		const operation = String(parameters.operation ?? '');
		const property = description?.properties.find(
			(p) =>
				p.name === 'operation' &&
				((p.displayOptions?.show?.resource ?? []) as unknown[]).includes(resource),
		);
		const option = (property?.options as INodePropertyOptions[] | undefined)?.find(
			(o) => o.value === operation,
		);
		return `GoHighLevel: ${option?.action ?? `${operation} ${resource}`}`;
	}
	if (node.type === 'n8n-nodes-gohighlevel.goHighLevelTrigger') {
		const events = (parameters.events ?? []) as string[];
		return `GoHighLevel Trigger${events.length ? ` on ${events.join(', ')}` : ''}`;
	}
	if (node.type === 'n8n-nodes-gohighlevel.goHighLevelPollingTrigger')
		return 'GoHighLevel Polling Trigger';
	return BASE_NODE_NAMES[node.type] ?? node.type;
}

/**
 * The workflow's nodes in execution order along its `main` connections, from the nodes nothing connects to,
 * one line each: `  Start (Manual Trigger)`, then `  → Create Contact (GoHighLevel: Create a contact)`, …
 * A node with several outputs lists its branches in output order. Nodes reached twice are listed once.
 */
export function formatNodeChain(
	workflow: WorkflowJson,
	description: INodeTypeDescription | undefined = builtGoHighLevelDescription(),
): string {
	type Target = { node: string };
	const connections = workflow.connections as Record<string, { main?: Target[][] }>;
	const targets = (name: string) => (connections[name]?.main ?? []).flat().map((t) => t.node);
	const incoming = new Set(Object.keys(connections).flatMap(targets));
	const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
	const lines: string[] = [];
	const seen = new Set<string>();
	const visit = (name: string, depth: number, first: boolean) => {
		const node = byName.get(name);
		if (!node || seen.has(name)) return;
		seen.add(name);
		const indent = '  '.repeat(depth + 1);
		lines.push(`${indent}${first ? '' : '→ '}${name} (${describeNode(node, description)})`);
		const next = targets(name);
		const branch = next.length > 1 ? depth + 1 : depth;
		for (const target of next) visit(target, branch, false);
	};
	for (const node of workflow.nodes) if (!incoming.has(node.name)) visit(node.name, 0, true);
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// --keep: n8n left running with the workflow
// ---------------------------------------------------------------------------------------------------------------

/** n8n and the sandbox left running by {@link keepDemoRunning}. */
export interface KeptDemo {
	n8n: N8nInstance;
	sandbox: Sandbox;
	/** The editor, `http://127.0.0.1:<port>`. */
	editorUrl: string;
	/** The demo workflow in the editor, `<editorUrl>/workflow/<id>`. */
	workflowUrl: string;
	/** The owner's sign-in (the harness creates the owner; the password is random per run). */
	login: { email: string; password: string };
	/** The HighLevel sandbox the workflow's credential points at. */
	sandboxUrl: string;
	/** Stops n8n (and deletes its user folder unless N8N_E2E_KEEP) and closes the sandbox. Idempotent. */
	stop(): Promise<void>;
}

/**
 * Leaves the demo running for a person to look at: starts the n8n server on the instance the demo ran in (the
 * workflow and credential are already imported), creates the owner, and lets the sandbox accept duplicate
 * contacts so that Execute Workflow in the editor runs the demo again (HighLevel refuses a second contact with the
 * same e-mail unless the location allows duplicates). The caller stops it with {@link KeptDemo.stop}.
 * @throws Error when the server does not start; n8n and the sandbox are then stopped.
 */
export async function keepDemoRunning(
	n8n: N8nInstance,
	sandbox: Sandbox,
	workflowId: string,
): Promise<KeptDemo> {
	let stopped: Promise<void> | undefined;
	const stop = () =>
		(stopped ??= (async () => {
			await n8n.dispose();
			await sandbox.close();
		})());
	try {
		sandbox.store.location(sandbox.locationId).settings.allowDuplicateContact = true;
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		n8n,
		sandbox,
		editorUrl: n8n.baseUrl,
		workflowUrl: `${n8n.baseUrl}/workflow/${workflowId}`,
		login: n8n.ownerLogin!,
		sandboxUrl: sandbox.url,
		stop,
	};
}

/** What `npm run demo -- --keep` prints once n8n is ready: where to click and how to sign in. */
export function formatKeepInfo(kept: KeptDemo): string {
	return [
		'',
		'n8n keeps running with the demo workflow (Ctrl-C stops n8n and the sandbox):',
		`  Workflow     ${kept.workflowUrl}`,
		`  Sign in      ${kept.login.email}  /  ${kept.login.password}`,
		`  Sandbox      ${kept.sandboxUrl}  (the credential "${DEMO_CREDENTIAL.name}" points here)`,
		'  "Execute workflow" in the editor runs it again against the sandbox.',
	].join('\n');
}

/** Parsed `npm run demo` flags. */
export interface DemoArgs {
	/** `--keep`: leave n8n running after the demo. */
	keep: boolean;
}

/**
 * Parses `process.argv.slice(2)` of `npm run demo`.
 * @throws Error for an unknown flag
 */
export function parseDemoArgs(argv: string[]): DemoArgs {
	const args: DemoArgs = { keep: false };
	for (const arg of argv) {
		if (arg === '--keep') args.keep = true;
		else
			throw new Error(`Unknown flag ${arg}. Flags: --keep (leave n8n running with the workflow)`);
	}
	return args;
}

async function main(): Promise<number> {
	const out = (line: string) => process.stdout.write(`${line}\n`);
	let args: DemoArgs;
	try {
		args = parseDemoArgs(process.argv.slice(2));
	} catch (error) {
		out((error as Error).message);
		return 2;
	}
	out('GoHighLevel demo: the packed package in a real n8n against the local HighLevel sandbox');
	const workflow = loadDemoWorkflow();
	out(`Workflow "${workflow.name}" (${path.relative(REPO_ROOT, DEMO_WORKFLOW_FILE)}):`);
	out(formatNodeChain(workflow));
	let sandbox: Sandbox | undefined;
	let n8n: N8nInstance | undefined;
	try {
		const say = (line: string) => out(`- ${line}`);
		if (args.keep) {
			say('Starting the HighLevel sandbox…');
			sandbox = await startDemoSandbox();
			n8n = await prepareN8n(say);
		}
		const result = await runDemo({ say, sandbox, n8n });
		out(formatDemoSummary(result));
		if (!args.keep || !sandbox || !n8n) return result.ok ? 0 : 1;
		say('Starting the n8n editor…');
		const kept = await keepDemoRunning(n8n, sandbox, String(workflow.id));
		out(formatKeepInfo(kept));
		await new Promise<void>((resolve) => {
			// test/e2e/n8n.ts kills n8n's process groups on SIGINT/SIGTERM first; this then cleans up the rest.
			const onSignal = (signal: NodeJS.Signals) => {
				log(`${signal}: stopping n8n and the sandbox`);
				resolve();
			};
			process.once('SIGINT', onSignal);
			process.once('SIGTERM', onSignal);
		});
		await kept.stop();
		return result.ok ? 0 : 1;
	} catch (error) {
		await n8n?.dispose();
		await sandbox?.close();
		out('');
		out(`FAILED: ${maskSecrets(error instanceof Error ? error.message : String(error))}`);
		return 1;
	}
}

if (require.main === module) {
	void main().then((code) => {
		process.exitCode = code;
	});
}
