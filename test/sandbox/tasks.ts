/**
 * Tasks and notes on contacts (contacts.json, Version 2021-07-28; FACTS.md 2.1) and the location-wide task search
 * (locations.json `task-search`). Creating a task or a note does not change the contact (its `dateUpdated`
 * stays): whether HighLevel updates it is not documented.
 */
import { activityOf, type TaskRecord } from './activity';
import { iso, ownedRecord, type OperationContext, type OperationHandler } from './context';
import { recordResource } from './records';

function contactIdOf(ctx: OperationContext): string {
	const id = ctx.params.contactId;
	return ownedRecord(ctx, id, (d) => d.contacts.get(id), (s) => s.contactOwner(id), 'Contact not found').id;
}

/** A task as the API returns it (no internal fields). */
function taskToApi(task: TaskRecord): Record<string, unknown> {
	return structuredClone(task) as unknown as Record<string, unknown>;
}

/** POST /contacts/{contactId}/tasks `{title, dueDate, completed, body?, assignedTo?}` → 201 `{task}`. */
export const createTask: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const body = ctx.body as Record<string, unknown>;
	const task: TaskRecord = {
		id: ctx.store.ids.id(),
		locationId: ctx.location.id,
		contactId,
		title: String(body.title),
		dueDate: String(body.dueDate),
		completed: body.completed === true,
		dateAdded: iso(ctx.now()),
	};
	if (typeof body.body === 'string') task.body = body.body;
	if (typeof body.assignedTo === 'string') task.assignedTo = body.assignedTo;
	activityOf(ctx.location).tasks.set(task.id, task);
	return { status: 201, body: { task: taskToApi(task) } };
};

/** GET /contacts/{contactId}/tasks → `{tasks}` (unpaginated). */
export const getAllTasks: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const tasks = [...activityOf(ctx.location).tasks.values()].filter((t) => t.contactId === contactId).map(taskToApi);
	return { status: 200, body: { tasks } };
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
	return { status: 200, body: { tasks: tasks.slice(skip, skip + limit).map(taskToApi) } };
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
	'create-task': createTask,
	'get-all-tasks': getAllTasks,
	'task-search': taskSearch,
	...noteHandlers,
};
