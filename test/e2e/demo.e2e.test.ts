/**
 * `npm run demo` as a test: the demo workflow (fixtures/demo.workflow.json) runs in the real, pinned n8n with the
 * packed package against the in-process HighLevel sandbox (n8n reaches it over 127.0.0.1). Asserts every node's
 * output and the sandbox's state, down to the commerce steps: a product with a 49.99 USD price, an invoice for the
 * contact paid in full with exactly one payment, and the one transaction HighLevel lists for that payment. Then the same workflow with a `goHighLevelOAuth2Api` credential whose access token
 * the sandbox has expired: n8n must refresh it, store the rotated pair, and the run must succeed. Last, an agency
 * (Company) OAuth2 credential imported with its token data creates a contact in two locations in one execution.
 * `npm run test:e2e` builds dist/ first; this file builds nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { REFRESH_IDEMPOTENCY_WINDOW_MS, type Sandbox } from '../sandbox';
import { activityOf } from '../sandbox/activity';
import { automationOf } from '../sandbox/automation';
import { invoicesOf } from '../sandbox/invoices';
import { transactionsOf } from '../sandbox/payments';
import {
	DEMO_EXPECTED,
	DEMO_NODES,
	DEMO_TAG,
	loadDemoWorkflow,
	prepareN8n,
	runDemo,
	startDemoSandbox,
	taggedInSandbox,
	type DemoResult,
} from './demo';
import { cleanupAll, N8nInstance, nodeOutput, type WorkflowJson } from './n8n';

const TAGGED = 1200;
const OTHERS = 800;
const OAUTH_CREDENTIAL = { id: 'ghlSandboxOAuth01', name: 'HighLevel Sandbox OAuth2' };
const AGENCY_CREDENTIAL = { id: 'ghlSandboxAgency1', name: 'HighLevel Sandbox Agency' };

/** Sandbox clock offset (ms), advanced to move past the refresh-token idempotency window. */
let clockOffsetMs = 0;

describe('the demo workflow in a real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;

	beforeAll(async () => {
		sandbox = await startDemoSandbox({
			taggedContacts: TAGGED,
			otherContacts: OTHERS,
			now: () => Date.now() + clockOffsetMs,
		});
		n8n = await prepareN8n();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.close();
		cleanupAll();
	});

	const location = () => sandbox.store.location(sandbox.locationId);
	const fieldId = (key: string) =>
		[...location().customFields.values()].find((f) => f.fieldKey === key)!.id;
	const pipeline = () => location().pipelines.find((p) => p.name === DEMO_EXPECTED.pipeline)!;
	const stageId = (name: string) => pipeline().stages.find((s) => s.name === name)!.id;

	/** Checks every HighLevel node's output and what the sandbox stores for the contact and what the workflow made for it. */
	function expectDemoOutcome(
		outputs: (node: string) => IDataObject[],
		contact: { firstName: string; lastName: string; email: string },
	): void {
		const created = outputs(DEMO_NODES.createContact);
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({
			firstName: contact.firstName,
			lastName: contact.lastName,
			email: contact.email,
			locationId: sandbox.locationId,
		});
		const stored = location().contacts.get(String(created[0].id));
		expect(stored).toBeDefined();
		expect(stored!.tags).toContain(DEMO_TAG);
		expect(stored!.customFields[fieldId('contact.lead_score')]).toBe(DEMO_EXPECTED.leadScore);
		expect(stored!.customFields[fieldId('contact.favourite_colour')]).toBe(
			DEMO_EXPECTED.favouriteColour,
		);

		const [opportunity] = outputs(DEMO_NODES.createOpportunity);
		expect(opportunity).toMatchObject({
			name: `${contact.firstName} ${contact.lastName} - Orbital mechanics course`,
			contactId: created[0].id,
			pipelineId: pipeline().id,
			pipelineStageId: stageId(DEMO_EXPECTED.stageBefore),
			status: 'open',
			monetaryValue: 4800,
		});
		const moved = outputs(DEMO_NODES.moveStage);
		expect(moved).toHaveLength(1);
		expect(moved[0]).toMatchObject({
			id: opportunity.id,
			pipelineId: pipeline().id,
			pipelineStageId: stageId(DEMO_EXPECTED.stageAfter),
		});
		expect(location().opportunities.get(String(opportunity.id))?.pipelineStageId).toBe(
			stageId(DEMO_EXPECTED.stageAfter),
		);

		const slots = outputs(DEMO_NODES.freeSlots);
		expect(slots.length).toBeGreaterThan(1);
		const booked = outputs(DEMO_NODES.bookAppointment);
		expect(booked).toHaveLength(1);
		expect(booked[0]).toMatchObject({
			contactId: created[0].id,
			calendarId: slots[0].calendarId,
			title: DEMO_EXPECTED.appointmentTitle,
		});
		expect(Date.parse(String(booked[0].startTime))).toBe(Date.parse(String(slots[0].startTime)));
		expect(activityOf(location()).appointments.get(String(booked[0].id))?.contactId).toBe(created[0].id);
		const [sms] = outputs(DEMO_NODES.sendSms);
		expect(activityOf(location()).messages.get(String(sms.messageId))).toMatchObject({
			contactId: created[0].id,
			messageType: 'TYPE_SMS',
			direction: 'outbound',
			body: expect.stringMatching(new RegExp(`^Hi ${contact.firstName}, your intro call is booked for `)),
		});
		const [email] = outputs(DEMO_NODES.sendEmail);
		expect(activityOf(location()).messages.get(String(email.messageId))).toMatchObject({
			contactId: created[0].id,
			messageType: 'TYPE_EMAIL',
			subject: DEMO_EXPECTED.emailSubject,
		});

		const [note] = outputs(DEMO_NODES.addNote);
		expect(note).toMatchObject({ contactId: created[0].id, title: DEMO_EXPECTED.noteTitle });
		expect(activityOf(location()).notes.get(String(note.id))?.body).toContain(
			`${contact.firstName} is interested in ${contact.firstName} ${contact.lastName} - Orbital mechanics course`,
		);
		const [task] = outputs(DEMO_NODES.createTask);
		expect(task).toMatchObject({
			contactId: created[0].id,
			title: `Call ${contact.firstName} about the course`,
			completed: false,
		});
		expect(Date.parse(String(activityOf(location()).tasks.get(String(task.id))?.dueDate))).toBeGreaterThan(Date.now());
		const nurture = automationOf(location()).workflows.find((w) => w.name === DEMO_EXPECTED.workflow)!;
		expect(outputs(DEMO_NODES.enrolWorkflow)).toEqual([
			{ id: created[0].id, workflowId: nurture.id, added: true },
		]);
		expect(automationOf(location()).workflowEnrolments.get(String(created[0].id))?.has(nurture.id)).toBe(true);

		const [product] = outputs(DEMO_NODES.createProduct);
		expect(product).toMatchObject({ name: DEMO_EXPECTED.product, productType: 'DIGITAL', locationId: sandbox.locationId });
		const [price] = outputs(DEMO_NODES.createPrice);
		expect(price).toMatchObject({ product: product._id, name: 'Full course', type: 'one_time', currency: 'USD', amount: 49.99 });
		const [invoice] = outputs(DEMO_NODES.createInvoice);
		expect(invoice).toMatchObject({
			status: 'draft',
			currency: 'USD',
			total: 49.99,
			amountDue: 49.99,
			contactDetails: { id: created[0].id, email: contact.email },
			businessDetails: { name: 'Orbital Academy' },
		});
		expect(invoice.invoiceItems).toEqual([
			expect.objectContaining({ name: DEMO_EXPECTED.product, productId: product._id, priceId: price._id, amount: 49.99, qty: 1, currency: 'USD' }),
		]);
		expect(outputs(DEMO_NODES.recordPayment)).toEqual([
			expect.objectContaining({ _id: invoice._id, status: 'paid', amountPaid: 49.99, amountDue: 0 }),
		]);
		const storedInvoice = invoicesOf(location()).get(String(invoice._id))!;
		expect(storedInvoice.status).toBe('paid');
		expect(storedInvoice.payments.map((p) => [p.mode, p.amountMinor])).toEqual([['bank_transfer', 4999]]);
		expect(outputs(DEMO_NODES.transactions)).toEqual([
			expect.objectContaining({
				entityType: 'invoice',
				entityId: invoice._id,
				contactId: created[0].id,
				amount: 49.99,
				currency: 'USD',
				status: 'succeeded',
				paymentProviderType: 'manual',
				paymentMode: 'bank_transfer',
			}),
		]);
		expect([...transactionsOf(location()).values()].filter((t) => t.entityId === invoice._id)).toHaveLength(1);

		const tagged = outputs(DEMO_NODES.tagged);
		const ids = tagged.map((c) => String(c.id));
		expect(tagged).toHaveLength(taggedInSandbox(sandbox));
		expect(new Set(ids).size).toBe(tagged.length);
		expect(ids).toContain(String(created[0].id));
		expect(tagged.filter((c) => !(c.tags as string[]).includes(DEMO_TAG))).toEqual([]);
	}

	it('creates the contact and the opportunity, moves it, books a free slot, sends an SMS and an email, adds a note and a task, enrols the contact in a workflow, invoices a new product, records the payment, reads its transaction, and lists every tagged contact once', async () => {
		let result: DemoResult | undefined;
		await n8n.withLogsOnFailure(async () => {
			result = await runDemo({ sandbox, n8n });
			expect(result.status).toBe('success');
			expect(result.problems).toEqual([]);
		});
		const demo = result!;
		expect(Object.keys(demo.outputs).sort()).toEqual(
			['Start', ...Object.values(DEMO_NODES)].sort(),
		);
		expectDemoOutcome((node) => nodeOutput(demo.execution, node), {
			firstName: DEMO_EXPECTED.firstName,
			lastName: DEMO_EXPECTED.lastName,
			email: 'katherine.johnson@example.com',
		});
		expect(demo.outputs[DEMO_NODES.tagged]).toHaveLength(TAGGED + 1);
		expect(demo.tagged).toEqual({ listed: TAGGED + 1, unique: TAGGED + 1, inSandbox: TAGGED + 1 });
		expect(demo.contact).toMatchObject({
			name: 'Katherine Johnson',
			leadScore: 92,
			favouriteColour: 'Blue',
			stored: true,
		});
		expect(demo.opportunity).toMatchObject({
			pipeline: 'Sales Pipeline',
			stageBefore: 'New Lead',
			stageAfter: 'Contacted',
			storedStage: 'Contacted',
		});
		expect(demo.followUp).toMatchObject({
			appointment: { title: DEMO_EXPECTED.appointmentTitle, calendar: DEMO_EXPECTED.calendar, firstFreeSlot: true, stored: true },
			sms: { messageType: 'TYPE_SMS', stored: true },
			email: { subject: DEMO_EXPECTED.emailSubject, stored: true },
			note: { title: DEMO_EXPECTED.noteTitle, stored: true },
			task: { title: DEMO_EXPECTED.taskTitle, completed: false, stored: true },
			workflow: { name: DEMO_EXPECTED.workflow, enrolled: true },
		});
		expect(demo.commerce).toMatchObject({
			product: { name: DEMO_EXPECTED.product, stored: true },
			price: { amount: 49.99, currency: 'USD', type: 'one_time', stored: true },
			invoice: { total: 49.99, currency: 'USD', status: 'paid', storedStatus: 'paid', payments: 1, matches: true },
			transaction: { amount: 49.99, currency: 'USD', entityType: 'invoice', listed: 1, stored: true },
		});
		expect(demo.requests.pages).toBeGreaterThan(0);
		expect(demo.requests.byOperation['create-contact']).toBe(1);
		expect(demo.requests.byOperation['create-opportunity']).toBe(1);
		expect(demo.requests.byOperation['create-appointment']).toBe(1);
		expect(demo.requests.byOperation['send-a-new-message']).toBe(2);
		expect(demo.requests.byOperation['create-note']).toBe(1);
		expect(demo.requests.byOperation['create-task']).toBe(1);
		expect(demo.requests.byOperation['add-contact-to-workflow']).toBe(1);
		expect(demo.requests.byOperation['create-product']).toBe(1);
		expect(demo.requests.byOperation['create-price-for-product']).toBe(1);
		expect(demo.requests.byOperation['create-invoice']).toBe(1);
		// Record Payment reads the invoice's currency to check the amount's decimals, then records it once.
		expect(demo.requests.byOperation['get-invoice']).toBe(1);
		expect(demo.requests.byOperation['record-invoice']).toBe(1);
		expect(demo.requests.byOperation['list-transactions']).toBe(1);
		expect(demo.requests.rateLimited).toBe(0);
		expect(demo.requests.invalidRequests).toEqual([]);
		expect(sandbox.stats.invalidRequests).toEqual([]);
	});

	it('with OAuth2: refreshes the expired access token, stores the rotated pair and spends the old refresh token', async () => {
		const tokenForm = async (form: Record<string, string>) =>
			await fetch(sandbox.oauth.tokenUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					client_id: sandbox.oauth.clientId,
					client_secret: sandbox.oauth.clientSecret,
					...form,
				}),
			});
		const exchanged = await tokenForm({
			grant_type: 'authorization_code',
			code: sandbox.oauth.authorizationCode(),
			user_type: 'Location',
			redirect_uri: 'http://127.0.0.1/rest/oauth2-credential/callback',
		});
		expect(exchanged.status).toBe(200);
		const original = (await exchanged.json()) as IDataObject;
		expect(original.locationId).toBe(sandbox.locationId);

		await n8n.importCredential({
			...OAUTH_CREDENTIAL,
			type: 'goHighLevelOAuth2Api',
			data: {
				clientId: sandbox.oauth.clientId,
				clientSecret: sandbox.oauth.clientSecret,
				baseUrl: sandbox.url,
				oauthTokenData: original,
			},
		});
		const workflow = oauthWorkflow(loadDemoWorkflow());
		const workflowId = await n8n.importWorkflow(workflow);

		sandbox.expireAccessTokens();
		sandbox.stats.reset();
		const run = await n8n.withLogsOnFailure(async () => await n8n.execute(workflowId));
		expect(run.status).toBe('success');
		expectDemoOutcome((node) => nodeOutput(run.execution, node), {
			firstName: 'Mae',
			lastName: 'Jemison',
			email: 'mae.jemison@example.com',
		});
		expect(sandbox.stats.unauthorized).toBeGreaterThanOrEqual(1);
		expect(sandbox.stats.tokenRefreshes).toBe(1);
		expect(sandbox.stats.invalidRequests).toEqual([]);

		const stored = (await n8n.exportCredentials()).find((c) => c.id === OAUTH_CREDENTIAL.id);
		const tokens = stored?.data.oauthTokenData as IDataObject | undefined;
		expect(typeof tokens?.access_token).toBe('string');
		expect(typeof tokens?.refresh_token).toBe('string');
		expect(tokens!.access_token).not.toBe(original.access_token);
		expect(tokens!.refresh_token).not.toBe(original.refresh_token);

		// The stored access token is the live one.
		const read = await fetch(
			`${sandbox.url}/contacts/${String(nodeOutput(run.execution, DEMO_NODES.createContact)[0].id)}`,
			{
				headers: { authorization: `Bearer ${String(tokens!.access_token)}`, version: '2021-07-28' },
			},
		);
		expect(read.status).toBe(200);
		// Within the idempotency window, the spent refresh token answers the pair n8n stored…
		const replay = await tokenForm({
			grant_type: 'refresh_token',
			refresh_token: String(original.refresh_token),
		});
		expect(replay.status).toBe(200);
		expect(((await replay.json()) as IDataObject).refresh_token).toBe(tokens!.refresh_token);
		// …and after it, it is refused.
		clockOffsetMs += REFRESH_IDEMPOTENCY_WINDOW_MS + 1000;
		const spent = await tokenForm({
			grant_type: 'refresh_token',
			refresh_token: String(original.refresh_token),
		});
		expect(spent.status).toBe(401);
		expect(((await spent.json()) as IDataObject).message).toBe('Invalid refresh token');
	});

	it('with an agency (Company) OAuth2 credential: creates a contact in two locations in one execution', async () => {
		const response = await fetch(sandbox.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: sandbox.oauth.clientId,
				client_secret: sandbox.oauth.clientSecret,
				grant_type: 'authorization_code',
				code: sandbox.oauth.agencyAuthorizationCode(),
				user_type: 'Company',
			}),
		});
		expect(response.status).toBe(200);
		const agency = (await response.json()) as IDataObject;
		expect(agency).toMatchObject({ userType: 'Company', companyId: sandbox.companyId });
		await n8n.importCredential({
			...AGENCY_CREDENTIAL,
			type: 'goHighLevelOAuth2Api',
			data: {
				clientId: sandbox.oauth.clientId,
				clientSecret: sandbox.oauth.clientSecret,
				baseUrl: sandbox.url,
				oauthTokenData: agency,
			},
		});
		const second = sandbox.secondLocationId!;
		const createIn = (name: string, locationId: string, email: string, position: [number, number]) => ({
			id: `agency-${locationId}`,
			name,
			type: 'n8n-nodes-gohighlevel.goHighLevel',
			typeVersion: 1,
			position,
			parameters: {
				authentication: 'oAuth2',
				locationId: { __rl: true, mode: 'id', value: locationId },
				resource: 'contact',
				operation: 'create',
				email,
				additionalFields: { firstName: 'Agency', lastName: 'Lead' },
			},
			credentials: { goHighLevelOAuth2Api: AGENCY_CREDENTIAL },
		});
		const workflowId = await n8n.importWorkflow({
			id: 'ghlAgencyWf0001',
			name: 'Agency: one lead in two locations',
			nodes: [
				{ id: 'agency-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				createIn('In First Location', sandbox.locationId, 'agency.lead@example.com', [220, 0]),
				createIn('In Second Location', second, 'agency.lead@example.com', [440, 0]),
			],
			connections: {
				Start: { main: [[{ node: 'In First Location', type: 'main', index: 0 }]] },
				'In First Location': { main: [[{ node: 'In Second Location', type: 'main', index: 0 }]] },
			},
		});
		sandbox.stats.reset();
		const run = await n8n.withLogsOnFailure(async () => await n8n.execute(workflowId));
		expect(run.status).toBe('success');
		const first = nodeOutput(run.execution, 'In First Location');
		const other = nodeOutput(run.execution, 'In Second Location');
		expect(first[0]).toMatchObject({ email: 'agency.lead@example.com', locationId: sandbox.locationId });
		expect(other[0]).toMatchObject({ email: 'agency.lead@example.com', locationId: second });
		expect(sandbox.store.location(second).contacts.get(String(other[0].id))).toBeDefined();
		expect(location().contacts.get(String(first[0].id))).toBeDefined();
		expect(sandbox.stats.byOperation['get-location-access-token']).toBe(2);
		expect(sandbox.stats.invalidRequests).toEqual([]);
		// n8n keeps the agency token; the Location tokens were never stored.
		const stored = (await n8n.exportCredentials()).find((c) => c.id === AGENCY_CREDENTIAL.id);
		expect((stored?.data.oauthTokenData as IDataObject).access_token).toBe(agency.access_token);
	});
});

/** The demo workflow with every HighLevel node on the OAuth2 credential, creating a different contact. */
function oauthWorkflow(demo: WorkflowJson): WorkflowJson {
	const nodes = demo.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-gohighlevel.goHighLevel') return node;
		const parameters: IDataObject = {
			...(node.parameters as IDataObject),
			authentication: 'oAuth2',
		};
		if (node.name === DEMO_NODES.createContact) {
			parameters.email = 'mae.jemison@example.com';
			parameters.phone = '+15555550124';
			parameters.additionalFields = {
				...(parameters.additionalFields as IDataObject),
				firstName: 'Mae',
				lastName: 'Jemison',
			};
		}
		return { ...node, parameters, credentials: { goHighLevelOAuth2Api: OAUTH_CREDENTIAL } };
	});
	return { ...demo, id: 'ghlDemoOAuthWf01', name: `${demo.name} (OAuth2)`, nodes };
}
