import type { ILoadOptionsFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { startSandbox, type Sandbox } from '../../sandbox';
import { activityOf } from '../../sandbox/activity';
import { automationOf } from '../../sandbox/automation';

const NODE: INode = {
	id: 'automation-methods-test',
	name: 'GoHighLevel',
	type: 'n8n-nodes-gohighlevel.goHighLevel',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A load-options context sending real HTTP through n8n-core's `httpRequest` with the sandbox PIT; `current` = the node's parameters. */
function context(sandbox: Sandbox, current: Record<string, unknown> = {}): ILoadOptionsFunctions {
	return {
		getNode: () => NODE,
		getNodeParameter: (_name: string, fallback: unknown) => fallback,
		getCurrentNodeParameter: (name: string) => current[name],
		getCredentials: async () => ({ token: sandbox.privateIntegrationToken, locationId: sandbox.locationId, baseUrl: sandbox.url }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) =>
				await httpRequest({
					...options,
					headers: { ...(options.headers ?? {}), Authorization: `Bearer ${sandbox.privateIntegrationToken}` },
				}),
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('workflow, campaign, user dropdowns and the note / task locators', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		rateLimiter.reset();
		clearListCache();
	});
	afterEach(() => expect(sandbox.stats.invalidRequests).toEqual([]));

	it('getWorkflows / getCampaigns: every one of the location, by name, with its status', async () => {
		const workflows = await loadOptions.getWorkflows.call(context(sandbox));
		const seeded = automationOf(sandbox.store.location());
		expect(workflows.map((w) => w.value).sort()).toEqual(seeded.workflows.map((w) => w.id).sort());
		expect(workflows.map((w) => w.name)).toEqual([...workflows.map((w) => w.name)].sort((a, b) => a.localeCompare(b)));
		expect(workflows.find((w) => w.value === seeded.workflows[2].id)?.description).toBe('Status: draft');
		const campaigns = await loadOptions.getCampaigns.call(context(sandbox));
		expect(campaigns.map((c) => c.value).sort()).toEqual(seeded.campaigns.map((c) => c.id).sort());
	});

	it('getLocationUsers: user ids by name', async () => {
		const users = await loadOptions.getLocationUsers.call(context(sandbox));
		expect(users.map((u) => u.value).sort()).toEqual(sandbox.store.location().users.map((u) => u.id).sort());
	});

	it('searchNotes / searchTasks: the chosen contact\'s records, filtered by the typed text; none without a contact', async () => {
		const location = sandbox.store.location();
		const [contactId, otherId] = [...location.contacts.keys()];
		const notes = activityOf(location).notes;
		notes.set('noteAAAAAAAA', { id: 'noteAAAAAAAA', contactId, body: 'Asked about   pricing', title: 'Call', dateAdded: '2025-01-01T00:00:00.000Z' });
		notes.set('noteBBBBBBBB', { id: 'noteBBBBBBBB', contactId: otherId, body: 'Other contact', dateAdded: '2025-01-01T00:00:00.000Z' });
		const tasks = activityOf(location).tasks;
		tasks.set('taskAAAAAAAA', { id: 'taskAAAAAAAA', locationId: location.id, contactId, title: 'Send quote', dueDate: '2026-03-10T08:30:00Z', completed: true, dateAdded: '2025-01-01T00:00:00.000Z' });

		expect((await listSearch.searchNotes.call(context(sandbox))).results).toEqual([]);
		const mine = await listSearch.searchNotes.call(context(sandbox, { contactId }));
		expect(mine.results).toEqual([{ name: 'Call · Asked about pricing', value: 'noteAAAAAAAA' }]);
		expect((await listSearch.searchNotes.call(context(sandbox, { contactId }), 'nothing like it')).results).toEqual([]);

		const found = await listSearch.searchTasks.call(context(sandbox, { contactId }), 'quote');
		expect(found.results).toEqual([{ name: 'Send quote (due 2026-03-10, done)', value: 'taskAAAAAAAA' }]);
		expect((await listSearch.searchTasks.call(context(sandbox, { contactId: '={{ $json.id }}' }))).results).toEqual([]);
	});
});
