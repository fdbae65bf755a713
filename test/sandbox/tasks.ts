/**
 * Tasks and notes on contacts (contacts.json, Version 2021-07-28; FACTS.md 2.1) and the location-wide task search
 * (locations.json `task-search`). Creating a task or a note does not change the contact (its `dateUpdated`
 * stays): whether HighLevel updates it is not documented.
 */
import { activityOf, type NoteRecord, type TaskRecord } from './activity';
import { iso, ownedRecord, type OperationContext, type OperationHandler } from './context';

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

/** POST /contacts/{contactId}/notes `{body, userId?, title?, color?, pinned?}` → 201 `{note}`. */
export const createNote: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const body = ctx.body as Record<string, unknown>;
	const note: NoteRecord = { id: ctx.store.ids.id(), contactId, body: String(body.body), dateAdded: iso(ctx.now()) };
	if (typeof body.userId === 'string') note.userId = body.userId;
	if (typeof body.title === 'string') note.title = body.title;
	if (typeof body.color === 'string') note.color = body.color;
	if (typeof body.pinned === 'boolean') note.pinned = body.pinned;
	activityOf(ctx.location).notes.set(note.id, note);
	return { status: 201, body: { note: structuredClone(note) } };
};

/** GET /contacts/{contactId}/notes → `{notes}`, newest first (unpaginated, FACTS.md 2.1). */
export const getAllNotes: OperationHandler = (ctx) => {
	const contactId = contactIdOf(ctx);
	const notes = [...activityOf(ctx.location).notes.values()]
		.filter((n) => n.contactId === contactId)
		.sort((a, b) => Date.parse(b.dateAdded) - Date.parse(a.dateAdded) || (a.id < b.id ? 1 : -1))
		.map((n) => structuredClone(n));
	return { status: 200, body: { notes } };
};

/** Handlers by operationId. */
export const taskHandlers: Record<string, OperationHandler> = {
	'create-task': createTask,
	'get-all-tasks': getAllTasks,
	'task-search': taskSearch,
	'create-note': createNote,
	'get-all-notes': getAllNotes,
};
