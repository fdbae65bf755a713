/**
 * Tasks and notes on contacts (contacts.json, Version 2021-07-28; FACTS.md 2.1) and the location-wide task search
 * (locations.json `task-search`). Creating a task or a note does not change the contact (its `dateUpdated`
 * stays): whether HighLevel updates it is not documented.
 */
import { activityOf, type TaskRecord } from './activity';
import { notFound, ownedRecord, type OperationContext, type OperationHandler } from './context';
import { recordResource } from './records';

function contactIdOf(ctx: OperationContext): string {
	const id = ctx.params.contactId;
	return ownedRecord(ctx, id, (d) => d.contacts.get(id), (s) => s.contactOwner(id), 'Contact not found').id;
}

/**
 * Tasks of a contact (contacts.json `create-task` → 201 `{task}`, `get-task`, `update-task` → `{task}`,
 * `delete-task` → `{succeded: true}`, `get-all-tasks` → `{tasks}` newest first, unpaginated, FACTS.md 2.1): plain
 * records of the generic record store (records.ts), kept in `activityOf(location).tasks`; every record also has
 * `locationId` and `dateAdded` (the TaskCreate webhook carries them). Events: webhooks.ts `EVENT_RULES.tasks`
 * (TaskCreate, TaskComplete when `completed` turns true, TaskDelete).
 */
export const taskRecordHandlers = recordResource({
	spec: 'contacts',
	collection: 'tasks',
	record: 'Task',
	create: 'create-task',
	get: 'get-task',
	update: 'update-task',
	delete: 'delete-task',
	list: 'get-all-tasks',
	idParam: 'taskId',
	root: 'task',
	listRoot: 'tasks',
	withLocationId: true,
	parent: { param: 'contactId', field: 'contactId', resolve: (ctx) => contactIdOf(ctx) },
});

/**
 * PUT /contacts/{contactId}/tasks/{taskId}/completed `{completed}` → `{task}` (contacts.json
 * `update-task-completed`): the update of `completed` only; a task of another contact is 404 `Task not found`.
 */
export const updateTaskCompleted: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const tasks = activityOf(ctx.location).tasks;
	const task = tasks.get(ctx.params.taskId);
	if (!task || task.contactId !== contactId) throw notFound('Task not found');
	const after: TaskRecord = { ...task, completed: (ctx.body as { completed: boolean }).completed === true };
	tasks.set(after.id, after);
	return { status: 200, body: { task: structuredClone(after) } };
};

/**
 * POST /locations/{locationId}/tasks/search `{contactId[], completed, assignedTo[], query, limit (25), skip (0)}` →
 * `{tasks}`, newest first (then id). Offset paging; no total.
 */
export const taskSearch: OperationHandler = (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	const contactIds = Array.isArray(body.contactId) ? body.contactId.map(String) : undefined;
	const assignedTo = Array.isArray(body.assignedTo) ? body.assignedTo.map(String) : undefined;
	const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : '';
	const limit = typeof body.limit === 'number' ? body.limit : 25;
	const skip = typeof body.skip === 'number' ? body.skip : 0;
	const tasks = [...activityOf(ctx.location).tasks.values()]
		.filter((t) => {
			if (contactIds && !contactIds.includes(t.contactId)) return false;
			if (assignedTo && !(t.assignedTo && assignedTo.includes(t.assignedTo))) return false;
			if (typeof body.completed === 'boolean' && t.completed !== body.completed) return false;
			if (query && !`${t.title} ${t.body ?? ''}`.toLowerCase().includes(query)) return false;
			return true;
		})
		.sort((a, b) => Date.parse(b.dateAdded) - Date.parse(a.dateAdded) || (a.id < b.id ? 1 : -1));
	return { status: 200, body: { tasks: tasks.slice(skip, skip + limit).map((t) => structuredClone(t)) } };
};

/**
 * Notes on a contact (contacts.json `create-note` → 201 `{note}`, `get-note`, `update-note` → `{note}`,
 * `delete-note` → `{succeded: true}`, `get-all-notes` → `{notes}` newest first, unpaginated, FACTS.md 2.1): plain
 * records of the generic record store (records.ts), kept in `activityOf(location).notes`.
 */
export const noteHandlers = recordResource({
	spec: 'contacts',
	collection: 'notes',
	record: 'Note',
	create: 'create-note',
	get: 'get-note',
	update: 'update-note',
	delete: 'delete-note',
	list: 'get-all-notes',
	idParam: 'id',
	root: 'note',
	listRoot: 'notes',
	parent: { param: 'contactId', field: 'contactId', resolve: (ctx) => contactIdOf(ctx) },
});

/** Handlers by operationId. */
export const taskHandlers: Record<string, OperationHandler> = {
	...taskRecordHandlers,
	'update-task-completed': updateTaskCompleted,
	'task-search': taskSearch,
	...noteHandlers,
};
