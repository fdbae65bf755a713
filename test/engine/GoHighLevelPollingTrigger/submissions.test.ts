import { sleep, type IDataObject } from 'n8n-workflow';

import { addSubmission, formsOf, submissionsOf, type SubmissionKind } from '../../sandbox/forms';
import { runWorkflow } from '../harness';
import { ENDPOINTS } from '../../../nodes/GoHighLevel/shared/endpoints';
import { STATE_KEY } from '../../../nodes/GoHighLevelPollingTrigger/shared/poll';
import { MANUAL_SAMPLE_SIZE } from '../../../nodes/GoHighLevelPollingTrigger/shared/sources';
import { NODE_NAME, activeTrigger, pollingNode, usePollingSandbox } from './helpers';

const ids = (items: IDataObject[]) => items.map((i) => String(i.id));
const tick = () => sleep(5);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * New Form Submission / New Survey Submission of the polling trigger over the sandbox (n8n-core PollContext, trigger
 * mode): GET /forms/submissions and /surveys/submissions with a date window (`startAt` / `endAt`, whole days) and
 * page + limit paging, under the same watermark as every other event.
 */
describe.each([
	['formSubmitted', 'form', 'forms', 'formId'],
	['surveySubmitted', 'survey', 'surveys', 'surveyId'],
] as const)('Polling trigger %s', (event, kind, plural, idField) => {
	const { sandbox, proxy, credentials } = usePollingSandbox();

	const location = () => sandbox.store.location();
	/** Adds `count` submissions stamped now (as if sent from the form), ids `<prefix>000000…`. */
	const submit = (count: number, prefix: string, extra: { parentId?: string; createdAt?: number } = {}) =>
		Array.from({ length: count }, (_, i) => addSubmission(location(), kind as SubmissionKind, { id: `${prefix}${String(i).padStart(6, '0')}`, ...extra }).id);
	const pages = () => proxy.to('GET', `/${plural}/submissions`);

	it('emits nothing on activation (old submissions exist), then each new submission once across ≥3 pages; nothing repeated, nothing missed', async () => {
		expect(submissionsOf(location(), kind as SubmissionKind).size).toBeGreaterThan(200);
		const trigger = activeTrigger({ event }, credentials);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.staticData()[STATE_KEY]).toBeDefined();

		const count = ENDPOINTS.getFormSubmissions.pagination.maxPageSize * 2 + 50;
		const created = submit(count, `${kind}new`);
		proxy.requests.length = 0;
		const first = await trigger.poll();
		expect(first).toHaveLength(count);
		expect(new Set(ids(first))).toEqual(new Set(created));
		expect(first[0]).toMatchObject({ id: expect.any(String), contactId: expect.any(String), createdAt: expect.any(String), [idField]: expect.any(String) });
		// Every page of the window, 100 per page; the window is the UTC dates one day around watermark and now.
		const read = pages();
		expect(read.length).toBeGreaterThanOrEqual(3);
		expect(read.map((p) => p.query.page)).toEqual([undefined, ...read.slice(1).map((_, i) => String(i + 2))]);
		const now = Date.now();
		for (const p of read) {
			expect(p.query).toMatchObject({ limit: '100', locationId: sandbox.locationId, endAt: utcDay(now + 86_400_000) });
			expect(p.query.startAt <= utcDay(now - 86_400_000)).toBe(true);
		}

		expect(await trigger.poll()).toEqual([]);
		await tick();
		const later = submit(3, `${kind}later`);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(later));
		expect(await trigger.poll()).toEqual([]);
	});

	it('submissions sharing one millisecond across polls are each emitted once; a late one within the lookback too', async () => {
		const trigger = activeTrigger({ event }, credentials);
		await trigger.poll();
		const at = Date.now();
		const [a] = submit(1, `${kind}sameA`, { createdAt: at });
		expect(ids(await trigger.poll())).toEqual([a]);
		// Same createdAt as the one already emitted, shown by HighLevel only now.
		const [b, c] = submit(2, `${kind}sameB`, { createdAt: at });
		// Stamped a minute ago (within the default 120 s lookback), listed late.
		const [late] = submit(1, `${kind}late`, { createdAt: at - 60_000 });
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set([b, c, late]));
		expect(await trigger.poll()).toEqual([]);
	});

	it(`only the chosen ${kind}, the filter sent on every page`, async () => {
		const [firstId, secondId] = [...formsOf(location(), kind as SubmissionKind).keys()];
		const trigger = activeTrigger({ event, filters: { [idField]: secondId } }, credentials);
		await trigger.poll();
		await tick();
		submit(2, `${kind}other`, { parentId: firstId });
		const wanted = submit(2, `${kind}chosen`, { parentId: secondId });
		proxy.requests.length = 0;
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(wanted));
		expect(pages().every((p) => p.query[idField] === secondId)).toBe(true);
	});

	it('locations far east and far west of UTC: the window still covers the new submissions (dates sent one day wider)', async () => {
		// The sandbox compares dates in the location's zone (HighLevel does not document which one it uses).
		location().location.timezone = 'Pacific/Kiritimati';
		const trigger = activeTrigger({ event }, credentials);
		await trigger.poll();
		await tick();
		const created = submit(2, `${kind}east`);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(created));
		location().location.timezone = 'Pacific/Pago_Pago';
		await tick();
		const west = submit(1, `${kind}west`);
		expect(ids(await trigger.poll())).toEqual(west);
	});

	it('a manual run returns the newest few submissions and leaves the stored state alone', async () => {
		const trigger = activeTrigger({ event }, credentials);
		await trigger.poll();
		const state = JSON.stringify(trigger.staticData());
		const created = submit(8, `${kind}manual`);
		const workflow = { nodes: [pollingNode({ event })], connections: {} };
		const result = await runWorkflow({ workflow, credentials, startNode: NODE_NAME });
		expect(result.errors(NODE_NAME)).toEqual([]);
		const items = result.output(NODE_NAME);
		expect(items).toHaveLength(MANUAL_SAMPLE_SIZE);
		expect(items.every((i) => created.includes(String(i.id)))).toBe(true);
		expect(JSON.stringify(trigger.staticData())).toBe(state);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(created));
	});
});
