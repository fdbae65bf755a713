import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { ENDPOINTS } from '../shared/endpoints';
import { apiRequest } from '../shared/transport';
import { searchLocationUsers, userDisplayName } from '../shared/users';

/*
 * Dropdowns and searchable lists of notes, tasks and contact automation: the location's workflows, campaigns and
 * users, and the notes / tasks of the contact chosen in the same node.
 */

/** Page size of the user list (users.json `search-users` `limit`; no documented maximum). */
const USER_PAGE = 100;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The contact chosen in the node's `contactId` locator, or '' while none (or an expression) is set. */
function chosenContact(ctx: ILoadOptionsFunctions): string {
	const value = ctx.getCurrentNodeParameter('contactId', { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	return id.startsWith('=') ? '' : id;
}

/** Keeps the results whose name contains the typed text (case ignored). */
function matching<T extends { name: string }>(results: T[], filter?: string): T[] {
	const text = (filter ?? '').trim().toLowerCase();
	return text ? results.filter((r) => r.name.toLowerCase().includes(text)) : results;
}

/** Short one-line preview of a note or task text. */
function preview(text: unknown, max = 60): string {
	const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** loadOptions of the automation operations (merged into methods/loadOptions.ts). */
export const automationLoadOptions = {
	/**
	 * Workflows of the location, by name, with their status: `GET /workflows/?locationId=` (workflows.json
	 * `get-workflow`, not paged, FACTS.md 2.5).
	 */
	async getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await apiRequest<{ workflows?: IDataObject[] }>(this, ENDPOINTS.getWorkflows);
		return (body.workflows ?? [])
			.map((w) => ({
				name: String(w.name ?? w.id),
				value: String(w.id),
				description: w.status ? `Status: ${String(w.status)}` : undefined,
			}))
			.sort(byName);
	},

	/** Campaigns of the location, by name, with their status: `GET /campaigns/?locationId=` (campaigns.json `get-campaigns`, not paged). */
	async getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await apiRequest<{ campaigns?: IDataObject[] }>(this, ENDPOINTS.getCampaigns);
		return (body.campaigns ?? [])
			.map((c) => ({
				name: String(c.name ?? c.id),
				value: String(c.id),
				description: c.status ? `Status: ${String(c.status)}` : undefined,
			}))
			.sort(byName);
	},

	/**
	 * Users of the location, by name (value = user id): `GET /users/search` (users.json `search-users`, FACTS.md
	 * 2.8) for the location, every page of {@link USER_PAGE} until `count` are read (a dropdown has no typed text to
	 * send, so n8n filters the list itself); for multi-user fields such as a contact's followers.
	 */
	async getLocationUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const users: IDataObject[] = [];
		for (;;) {
			const page = await searchLocationUsers(this, '', { skip: users.length, limit: USER_PAGE });
			users.push(...page.users);
			if (!page.users.length || users.length >= page.count) break;
		}
		return users
			.map((u) => ({
				name: userDisplayName(u),
				value: String(u.id),
				description: u.email ? String(u.email) : undefined,
			}))
			.sort(byName);
	},
};

/** listSearch methods of the automation operations (merged into methods/listSearch.ts). */
export const automationListSearch = {
	/**
	 * Notes of the contact chosen in the node (`contactId`), newest first, matched on title and text:
	 * `GET /contacts/{contactId}/notes` (contacts.json `get-all-notes`, not paged). Empty until a contact is chosen.
	 */
	async searchNotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const contactId = chosenContact(this);
		if (!contactId) return { results: [] };
		const body = await apiRequest<{ notes?: IDataObject[] }>(this, ENDPOINTS.getContactNotes, {
			path: { contactId },
		});
		const results = (body.notes ?? []).map((n) => ({
			name: [n.title, preview(n.body)].filter(Boolean).join(' · ') || String(n.id),
			value: String(n.id),
		}));
		return { results: matching(results, filter) };
	},

	/**
	 * Tasks of the contact chosen in the node (`contactId`), matched on title, with due date and state:
	 * `GET /contacts/{contactId}/tasks` (contacts.json `get-all-tasks`, not paged). Empty until a contact is chosen.
	 */
	async searchTasks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const contactId = chosenContact(this);
		if (!contactId) return { results: [] };
		const body = await apiRequest<{ tasks?: IDataObject[] }>(this, ENDPOINTS.getContactTasks, {
			path: { contactId },
		});
		const results = (body.tasks ?? []).map((t) => {
			const due = t.dueDate ? ` (due ${String(t.dueDate).slice(0, 10)}${t.completed ? ', done' : ''})` : '';
			return { name: `${preview(t.title) || String(t.id)}${due}`, value: String(t.id) };
		});
		return { results: matching(results, filter) };
	},
};
