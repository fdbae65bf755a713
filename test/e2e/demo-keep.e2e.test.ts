/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code runs in Node and Jest, not inside n8n */
/**
 * What `npm run demo` shows a person: the workflow's node chain, and with `--keep` an n8n left running with the
 * demo workflow, whose printed editor URL, sign-in and sandbox URL work — and which stops completely (no process,
 * no user folder, sandbox closed) when asked. The chain is read from the built node (`npm run build` first;
 * `npm run test:e2e` does).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import type { IDataObject } from 'n8n-workflow';

import {
	formatKeepInfo,
	formatNodeChain,
	keepDemoRunning,
	loadDemoWorkflow,
	parseDemoArgs,
	prepareN8n,
	runDemo,
	startDemoSandbox,
	type KeptDemo,
} from './demo';
import { cleanupAll, REPO_ROOT, type WorkflowJson } from './n8n';

const ROUTER = path.join(__dirname, 'fixtures', 'event-router', 'router.workflow.json');

describe('npm run demo: the node chain', () => {
	test('lists the demo workflow in execution order with what each node does', () => {
		expect(formatNodeChain(loadDemoWorkflow()).split('\n')).toEqual([
			'  Start (Manual Trigger)',
			'  → Create Contact (GoHighLevel: Create a contact)',
			'  → Create Opportunity (GoHighLevel: Create an opportunity)',
			'  → Move to Next Stage (GoHighLevel: Update an opportunity)',
			'  → Find Free Slots (GoHighLevel: Get free slots of a calendar)',
			'  → Book Appointment (GoHighLevel: Book an appointment)',
			'  → Send SMS (GoHighLevel: Send a message)',
			'  → Send Email (GoHighLevel: Send a message)',
			'  → Add Note (GoHighLevel: Add a note to a contact)',
			'  → Create Follow-up Task (GoHighLevel: Create a task for a contact)',
			'  → Enrol in Workflow (GoHighLevel: Add a contact to a workflow)',
			'  → Create Product (GoHighLevel: Create a product)',
			'  → Create Price (GoHighLevel: Create a price for a product)',
			'  → Invoice the Contact (GoHighLevel: Create an invoice)',
			'  → Record Payment (GoHighLevel: Record a payment for an invoice)',
			'  → Transactions of the Invoice (GoHighLevel: Get many transactions)',
			'  → Contacts Tagged n8n-demo (GoHighLevel: Get many contacts)',
		]);
	});

	test('shows branches indented under the node they leave', () => {
		const router = JSON.parse(fs.readFileSync(ROUTER, 'utf8')) as WorkflowJson;
		expect(formatNodeChain(router).split('\n')).toEqual([
			'  GoHighLevel Trigger (GoHighLevel Trigger on ContactCreate, OpportunityStageUpdate)',
			'  → Route by Event (Switch)',
			'    → Run On Contact Created (Execute Sub-workflow)',
			'    → Run On Stage Changed (Execute Sub-workflow)',
		]);
	});

	test('--keep is the only flag', () => {
		expect(parseDemoArgs([])).toEqual({ keep: false });
		expect(parseDemoArgs(['--keep'])).toEqual({ keep: true });
		expect(() => parseDemoArgs(['--kep'])).toThrow(/Unknown flag --kep/);
	});
});

describe('npm run demo -- --keep', () => {
	let kept: KeptDemo | undefined;

	afterAll(async () => {
		await kept?.stop();
		cleanupAll();
	});

	test('leaves n8n running with the workflow; the printed URL and sign-in work; stop() ends everything', async () => {
		const sandbox = await startDemoSandbox({ taggedContacts: 30, otherContacts: 10 });
		const n8n = await prepareN8n();
		const workflow = loadDemoWorkflow();
		const result = await runDemo({ sandbox, n8n });
		expect(result.problems).toEqual([]);

		kept = await keepDemoRunning(n8n, sandbox, String(workflow.id));
		const text = formatKeepInfo(kept);
		const printed = (label: string) => new RegExp(`^  ${label} +(.+)$`, 'm').exec(text)?.[1] ?? '';
		const workflowUrl = printed('Workflow');
		const [email, password] = printed('Sign in').split(/\s+\/\s+/);
		const sandboxUrl = printed('Sandbox').split(/\s+/)[0];
		expect(workflowUrl).toBe(`${n8n.baseUrl}/workflow/${workflow.id}`);
		expect(sandboxUrl).toBe(sandbox.url);

		// The editor page answers, and the printed sign-in opens the imported workflow.
		expect((await fetch(workflowUrl)).status).toBe(200);
		const login = await fetch(`${n8n.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		const cookie = login.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='))!;
		const opened = await fetch(`${n8n.baseUrl}/rest/workflows/${workflow.id}`, {
			headers: { cookie },
		});
		expect(opened.status).toBe(200);
		const { data } = (await opened.json()) as { data: IDataObject };
		expect(data.name).toBe(workflow.name);
		// The sandbox still serves the credential's requests.
		expect((await fetch(`${sandboxUrl}/__sandbox/info`)).status).toBe(200);

		// Running the workflow again (Execute workflow in the editor) works: the sandbox now allows the duplicate.
		const again = await n8n.execute(String(workflow.id));
		expect(again.status).toBe('success');

		await kept.stop();
		expect(n8n.running).toBe(false);
		expect(fs.existsSync(n8n.userFolder)).toBe(false);
		await expect(fetch(workflowUrl)).rejects.toThrow();
		await expect(fetch(`${sandboxUrl}/__sandbox/info`)).rejects.toThrow();
	});
});

describe('npm run demo -- --keep as a process', () => {
	let pid: number | undefined;

	afterAll(() => {
		// Only if the test failed half-way: the demo's own process group.
		if (pid !== undefined) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	});

	test('prints the sign-in, keeps serving, and leaves nothing behind after Ctrl-C (SIGINT)', async () => {
		const child = spawn(
			process.execPath,
			['--require', 'ts-node/register/transpile-only', 'test/e2e/demo.ts', '--keep'],
			{ cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		);
		pid = child.pid;
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
		const ready = await new Promise<boolean>((resolve) => {
			const poll = setInterval(() => {
				if (/Sign in .+\n/.test(output)) done(true);
			}, 200);
			// Generous: packing, installing and the demo run take ~30 s here; a hang must not hold the suite.
			const limit = setTimeout(() => done(false), 5 * 60_000);
			const done = (value: boolean) => {
				clearInterval(poll);
				clearTimeout(limit);
				resolve(value);
			};
			void exited.then(() => done(false));
		});
		expect({ ready, output }).toMatchObject({ ready: true });
		expect(output).toContain('  → Create Contact (GoHighLevel: Create a contact)');
		expect(output).toContain('OK: the workflow ran in n8n');

		const workflowUrl = /^ {2}Workflow +(\S+)$/m.exec(output)![1];
		const [email, password] = /^ {2}Sign in +(\S+) +\/ +(\S+)$/m.exec(output)!.slice(1);
		const sandboxUrl = /^ {2}Sandbox +(\S+)/m.exec(output)![1];
		const base = new URL(workflowUrl).origin;
		const login = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		expect((await fetch(`${sandboxUrl}/__sandbox/info`)).status).toBe(200);

		process.kill(child.pid!, 'SIGINT');
		expect(await exited).toBe(0);
		// Nothing of the demo's process group is left (n8n and its task runner run in their own groups, which the
		// closed port shows are gone too).
		expect(() => process.kill(-child.pid!, 0)).toThrow();
		pid = undefined;
		await expect(fetch(workflowUrl)).rejects.toThrow();
		await expect(fetch(`${sandboxUrl}/__sandbox/info`)).rejects.toThrow();
	});
});
