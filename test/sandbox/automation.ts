/**
 * Workflows and campaigns of a location (workflows.json `get-workflow`, campaigns.json `get-campaigns`) and what a
 * contact has to do with them (contacts.json, Version 2021-07-28; FACTS.md 2.1, 2.5): workflow enrolment
 * (`add-contact-to-workflow`, `delete-contact-from-workflow`), campaign enrolment (`add-contact-to-campaign`,
 * `remove-contact-from-campaign`, `remove-contact-from-every-campaign`) and followers (`add-followers-contact`,
 * `remove-followers-contact`).
 *
 * Each location has three workflows and three campaigns, seeded on first use with ids derived from the location id
 * (the same on every run; a reset starts again from them). Enrolments and followers are recorded per contact in
 * {@link automationOf} for tests to read. What HighLevel does beyond the spec is not documented; the sandbox:
 * - answers 404 `Workflow not found` / `Campaign not found` for an id that is not one of the location's;
 * - enrols a contact once per workflow (adding again replaces the recorded `eventStartTime`) and once per campaign;
 *   removing a contact that is not enrolled still answers `{ succeded: true }`;
 * - keeps followers as a list of user ids without duplicates; `followersAdded` / `followersRemoved` name the ids
 *   that changed, `followers` the list after the change. An id that is not a user of the location is 422.
 * No webhook event is emitted (FACTS.md 5.1 lists none for enrolment or followers).
 */
import { badRequest, iso, notFound, ownedRecord, unprocessable, type OperationContext, type OperationHandler } from './context';
import { createRng, randomId, randomUuid } from './random';
import type { LocationData } from './store';

/** A workflow (workflows.json `WorkflowSchema`). */
export interface WorkflowRecord {
	id: string;
	name: string;
	status: 'draft' | 'published';
	version: number;
	createdAt: string;
	updatedAt: string;
	locationId: string;
}

/** A campaign (campaigns.json `campaignsSchema`). */
export interface CampaignRecord {
	id: string;
	name: string;
	status: 'draft' | 'published';
	locationId: string;
}

/** One contact's membership of a workflow. */
export interface WorkflowEnrolment {
	/** When the contact was (last) added, ISO 8601 (sandbox clock). */
	enrolledAt: string;
	/** `eventStartTime` as sent (ISO 8601 with offset), when sent. */
	eventStartTime?: string;
}

/** Workflows, campaigns, enrolments and followers of one location. */
export interface AutomationData {
	workflows: WorkflowRecord[];
	campaigns: CampaignRecord[];
	/** contactId → workflowId → enrolment. */
	workflowEnrolments: Map<string, Map<string, WorkflowEnrolment>>;
	/** contactId → campaign ids. */
	campaignEnrolments: Map<string, Set<string>>;
	/** contactId → follower user ids, in the order added. */
	followers: Map<string, string[]>;
}

const SEED_TIME = '2024-01-15T09:00:00.000Z';
const SEED_WORKFLOWS: Array<Pick<WorkflowRecord, 'name' | 'status'>> = [
	{ name: 'New Lead Nurture', status: 'published' },
	{ name: 'Appointment Reminders', status: 'published' },
	{ name: 'Win-back (draft)', status: 'draft' },
];
const SEED_CAMPAIGNS: Array<Pick<CampaignRecord, 'name' | 'status'>> = [
	{ name: 'Spring Promotion', status: 'published' },
	{ name: 'Monthly Newsletter', status: 'published' },
	{ name: 'Referral Drip', status: 'draft' },
];

const byLocation = new WeakMap<LocationData, AutomationData>();

/** The workflows, campaigns, enrolments and followers of a location, seeded on first use. */
export function automationOf(location: LocationData): AutomationData {
	let data = byLocation.get(location);
	if (!data) {
		data = {
			workflows: SEED_WORKFLOWS.map((w, i) => ({
				id: randomUuid(createRng(`workflow:${location.id}:${i}`)),
				...w,
				version: i + 1,
				createdAt: SEED_TIME,
				updatedAt: SEED_TIME,
				locationId: location.id,
			})),
			campaigns: SEED_CAMPAIGNS.map((c, i) => ({
				id: randomId(createRng(`campaign:${location.id}:${i}`)),
				...c,
				locationId: location.id,
			})),
			workflowEnrolments: new Map(),
			campaignEnrolments: new Map(),
			followers: new Map(),
		};
		byLocation.set(location, data);
	}
	return data;
}

function contactIdOf(ctx: OperationContext): string {
	const id = ctx.params.contactId;
	return ownedRecord(ctx, id, (d) => d.contacts.get(id), (s) => s.contactOwner(id), 'Contact not found').id;
}

function workflowOf(ctx: OperationContext): WorkflowRecord {
	const workflow = automationOf(ctx.location).workflows.find((w) => w.id === ctx.params.workflowId);
	if (!workflow) throw notFound('Workflow not found');
	return workflow;
}

function campaignOf(ctx: OperationContext): CampaignRecord {
	const campaign = automationOf(ctx.location).campaigns.find((c) => c.id === ctx.params.campaignId);
	if (!campaign) throw notFound('Campaign not found');
	return campaign;
}

const succeeded = (status: number) => ({ status, body: { succeded: true } });

/** GET /workflows/?locationId → `{workflows}` (not paged). */
export const getWorkflows: OperationHandler = (ctx) => ({
	status: 200,
	body: { workflows: automationOf(ctx.location).workflows.map((w) => ({ ...w })) },
});

/** GET /campaigns/?locationId[&status] → `{campaigns}` (not paged), only those of `status` when given. */
export const getCampaigns: OperationHandler = (ctx) => {
	const status = typeof ctx.query.status === 'string' ? ctx.query.status : undefined;
	const campaigns = automationOf(ctx.location).campaigns.filter((c) => !status || c.status === status);
	return { status: 200, body: { campaigns: campaigns.map((c) => ({ ...c })) } };
};

/** POST /contacts/{contactId}/workflow/{workflowId} `{eventStartTime?}` → 200 `{succeded: true}`. */
export const addContactToWorkflow: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const workflow = workflowOf(ctx);
	const eventStartTime = (ctx.body as { eventStartTime?: unknown } | undefined)?.eventStartTime;
	if (eventStartTime !== undefined && !Number.isFinite(Date.parse(String(eventStartTime)))) {
		throw badRequest('eventStartTime must be a valid ISO 8601 date string');
	}
	const enrolments = automationOf(ctx.location).workflowEnrolments;
	const mine = enrolments.get(contactId) ?? new Map<string, WorkflowEnrolment>();
	mine.set(workflow.id, {
		enrolledAt: iso(ctx.now()),
		...(eventStartTime !== undefined ? { eventStartTime: String(eventStartTime) } : {}),
	});
	enrolments.set(contactId, mine);
	return succeeded(200);
};

/** DELETE /contacts/{contactId}/workflow/{workflowId} → 200 `{succeded: true}` (also when not enrolled). */
export const deleteContactFromWorkflow: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const workflow = workflowOf(ctx);
	automationOf(ctx.location).workflowEnrolments.get(contactId)?.delete(workflow.id);
	return succeeded(200);
};

/** POST /contacts/{contactId}/campaigns/{campaignId} → 201 `{succeded: true}`. */
export const addContactToCampaign: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const campaign = campaignOf(ctx);
	const enrolments = automationOf(ctx.location).campaignEnrolments;
	enrolments.set(contactId, new Set([...(enrolments.get(contactId) ?? []), campaign.id]));
	return succeeded(201);
};

/** DELETE /contacts/{contactId}/campaigns/{campaignId} → 200 `{succeded: true}` (also when not enrolled). */
export const removeContactFromCampaign: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const campaign = campaignOf(ctx);
	automationOf(ctx.location).campaignEnrolments.get(contactId)?.delete(campaign.id);
	return succeeded(200);
};

/** DELETE /contacts/{contactId}/campaigns/removeAll → 200 `{succeded: true}`. */
export const removeContactFromEveryCampaign: OperationHandler = (ctx) => {
	automationOf(ctx.location).campaignEnrolments.delete(contactIdOf(ctx));
	return succeeded(200);
};

/** The `followers` of a followers request, each a user of the location (else 422, like `assignedTo`). */
function followerIds(ctx: OperationContext): string[] {
	const ids = [...new Set(((ctx.body as { followers: unknown[] }).followers ?? []).map(String))];
	const unknown = ids.filter((id) => !ctx.location.users.some((u) => u.id === id));
	if (unknown.length) throw unprocessable(unknown.map((id) => `followers: ${id} is not a user of this location`));
	return ids;
}

/** POST /contacts/{contactId}/followers `{followers}` → 201 `{followers, followersAdded}`. */
export const addFollowers: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const ids = followerIds(ctx);
	const all = automationOf(ctx.location).followers;
	const before = all.get(contactId) ?? [];
	const added = ids.filter((id) => !before.includes(id));
	const after = [...before, ...added];
	all.set(contactId, after);
	return { status: 201, body: { followers: [...after], followersAdded: added } };
};

/** DELETE /contacts/{contactId}/followers `{followers}` → 200 `{followers, followersRemoved}`. */
export const removeFollowers: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const ids = followerIds(ctx);
	const all = automationOf(ctx.location).followers;
	const before = all.get(contactId) ?? [];
	const removed = before.filter((id) => ids.includes(id));
	const after = before.filter((id) => !ids.includes(id));
	all.set(contactId, after);
	return { status: 200, body: { followers: [...after], followersRemoved: removed } };
};

/** Handlers by operationId. */
export const automationHandlers: Record<string, OperationHandler> = {
	'get-workflow': getWorkflows,
	'get-campaigns': getCampaigns,
	'add-contact-to-workflow': addContactToWorkflow,
	'delete-contact-from-workflow': deleteContactFromWorkflow,
	'add-contact-to-campaign': addContactToCampaign,
	'remove-contact-from-campaign': removeContactFromCampaign,
	'remove-contact-from-every-campaign': removeContactFromEveryCampaign,
	'add-followers-contact': addFollowers,
	'remove-followers-contact': removeFollowers,
};
