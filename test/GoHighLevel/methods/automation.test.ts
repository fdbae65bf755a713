import { listSearch } from '../../../nodes/GoHighLevel/methods/listSearch';
import { loadOptions } from '../../../nodes/GoHighLevel/methods/loadOptions';
import { activityOf } from '../../sandbox/activity';
import { automationOf } from '../../sandbox/automation';
import { loadOptionsContext, useMethodsSandbox } from './helpers';

describe('workflow, campaign, user dropdowns and the note / task locators', () => {
	const sandbox = useMethodsSandbox();

	it('getWorkflows / getCampaigns: every one of the location, by name, with its status', async () => {
		const workflows = await loadOptions.getWorkflows.call(loadOptionsContext(sandbox));
		const seeded = automationOf(sandbox.store.location());
		expect(workflows.map((w) => w.value).sort()).toEqual(seeded.workflows.map((w) => w.id).sort());
		expect(workflows.map((w) => w.name)).toEqual([...workflows.map((w) => w.name)].sort((a, b) => a.localeCompare(b)));
		expect(workflows.find((w) => w.value === seeded.workflows[2].id)?.description).toBe('Status: draft');
		const campaigns = await loadOptions.getCampaigns.call(loadOptionsContext(sandbox));
		expect(campaigns.map((c) => c.value).sort()).toEqual(seeded.campaigns.map((c) => c.id).sort());
	});

	it('getLocationUsers: user ids by name', async () => {
		const users = await loadOptions.getLocationUsers.call(loadOptionsContext(sandbox));
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

		expect((await listSearch.searchNotes.call(loadOptionsContext(sandbox))).results).toEqual([]);
		const mine = await listSearch.searchNotes.call(loadOptionsContext(sandbox, { contactId }));
		expect(mine.results).toEqual([{ name: 'Call · Asked about pricing', value: 'noteAAAAAAAA' }]);
		expect((await listSearch.searchNotes.call(loadOptionsContext(sandbox, { contactId }), 'nothing like it')).results).toEqual([]);

		const found = await listSearch.searchTasks.call(loadOptionsContext(sandbox, { contactId }), 'quote');
		expect(found.results).toEqual([{ name: 'Send quote (due 2026-03-10, done)', value: 'taskAAAAAAAA' }]);
		expect((await listSearch.searchTasks.call(loadOptionsContext(sandbox, { contactId: '={{ $json.id }}' }))).results).toEqual([]);
	});
});
