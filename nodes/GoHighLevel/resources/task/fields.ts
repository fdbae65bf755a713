import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { assignedUserField, recordLocator, TIME_ZONE_HINT } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { toEpochMs } from '../../shared/time';
import { apiRequest } from '../../shared/transport';

/** `routing.send` of a body property. */
const toBody = (property: string) => ({ send: { type: 'body' as const, property } });

/**
 * The Task locator: a task of the contact chosen in the same node (listSearch `searchTasks`, contacts.json
 * `get-all-tasks`), or a task ID.
 */
export function taskLocator(show: Record<string, string[]>): INodeProperties {
	return recordLocator({
		displayName: 'Task',
		name: 'taskId',
		record: 'task',
		searchListMethod: 'searchTasks',
		searchPlaceholder: 'Search the contact\'s tasks…',
		idExample: 'lJpzYrWdpkC2hX6t2yue',
		show,
		description: 'A task of the contact above, picked from its tasks or given by ID',
	});
}

/** The Due Date field (body `dueDate`), read in the workflow's time zone by {@link convertDueDate}. */
export function dueDateField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'When the task is due; sent to HighLevel in UTC',
		hint: TIME_ZONE_HINT,
		routing: toBody('dueDate'),
		...extra,
	};
}

/** Optional task properties of Create (Additional Fields) and Update (Update Fields, with Title and Due Date). */
export function taskFieldOptions(kind: 'create' | 'update'): INodeProperties[] {
	const options: INodeProperties[] = [
		assignedUserField({ routing: toBody('assignedTo'), hint: 'The user the task is assigned to' }),
		{
			displayName: 'Completed',
			name: 'completed',
			type: 'boolean',
			default: false,
			description: 'Whether the task is done',
			routing: toBody('completed'),
		},
		{
			displayName: 'Description',
			name: 'body',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Text of the task (HighLevel calls it the body)',
			routing: toBody('body'),
		},
	];
	if (kind === 'update') {
		options.push(dueDateField(), {
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			routing: toBody('title'),
		});
	}
	return options;
}

/**
 * An n8n date-time as HighLevel's task `dueDate` wants it: ISO 8601 in UTC without milliseconds, e.g.
 * `2020-10-25T11:00:00Z` (contacts.json `CreateTaskParams.dueDate` example; FACTS.md 2.1: the API refuses
 * milliseconds on update). A value without offset is read in `timeZone`.
 * @throws NodeOperationError naming Due Date when the value is not a date-time
 */
export function toTaskDueDate(
	ctx: IExecuteSingleFunctions,
	value: unknown,
): string {
	const ms = toEpochMs(value, {
		node: ctx.getNode(),
		parameter: 'Due Date',
		itemIndex: ctx.getItemIndex(),
		timeZone: ctx.getTimezone(),
	});
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `preSend`: converts the body's `dueDate` (when set) with {@link toTaskDueDate}. */
export async function convertDueDate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (body.dueDate !== undefined) body.dueDate = toTaskDueDate(this, body.dueDate);
	return { ...requestOptions, body };
}

/**
 * `preSend` of Create: `completed` is required by contacts.json `CreateTaskParams`; a task is created open unless
 * Additional Fields → Completed says otherwise.
 */
export async function defaultNotCompleted(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (typeof body.completed !== 'boolean') body.completed = false;
	return { ...requestOptions, body };
}

/**
 * `preSend` of Update, after the changes are checked: HighLevel needs `title` and `dueDate` on every task update
 * (FACTS.md 2.1, n8n core's HighLevel node re-reads the task for them), so when either is not being changed it is
 * read from the task (`GET /contacts/{contactId}/tasks/{taskId}`, contacts.json `get-task`) and sent unchanged.
 */
export async function keepTitleAndDueDate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (body.title !== undefined && body.dueDate !== undefined) return requestOptions;
	const contactId = String(this.getNodeParameter('contactId', '', { extractValue: true }));
	const taskId = String(this.getNodeParameter('taskId', '', { extractValue: true }));
	const current = await apiRequest<{ task?: IDataObject }>(this, ENDPOINTS.getContactTask, {
		path: { contactId, taskId },
	});
	const task = current.task ?? {};
	if (body.title === undefined && task.title !== undefined) body.title = task.title;
	if (body.dueDate === undefined && task.dueDate) body.dueDate = toTaskDueDate(this, task.dueDate);
	return { ...requestOptions, body };
}
