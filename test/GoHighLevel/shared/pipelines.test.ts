import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';

import { clearListCache } from '../../../nodes/GoHighLevel/shared/cache';
import {
	findPipeline,
	findStages,
	loadPipelines,
	resolvePipelineStage,
	type Pipeline,
} from '../../../nodes/GoHighLevel/shared/pipelines';
import { rateLimiter } from '../../../nodes/GoHighLevel/shared/rateLimiter';
import { fakeContext, LOCATION_ID, ok, type HttpMock } from '../helpers';

const SALES: Pipeline = {
	id: 'pl-sales',
	name: 'Sales',
	stages: [
		{ id: 'st-sales-new', name: 'New Lead', position: 0 },
		{ id: 'st-sales-won', name: 'Won', position: 1 },
	],
};
const HIRING: Pipeline = {
	id: 'pl-hiring',
	name: 'Hiring',
	stages: [
		{ id: 'st-hiring-applied', name: 'Applied', position: 0 },
		{ id: 'st-hiring-won', name: 'Won', position: 1 },
	],
};
const PIPELINES = [SALES, HIRING];

beforeEach(() => {
	clearListCache();
	rateLimiter.reset();
});

function serve(http: HttpMock, ...lists: Pipeline[][]) {
	let i = 0;
	http.mockImplementation(async () => ok({ pipelines: lists[Math.min(i++, lists.length - 1)] }));
}

describe('loadPipelines', () => {
	it('asks GET /opportunities/pipelines?locationId= once for concurrent callers; fresh reloads', async () => {
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES);
		const lists = await Promise.all(Array.from({ length: 100 }, async () => await loadPipelines(ctx)));
		expect(lists.every((l) => l.length === 2)).toBe(true);
		expect(http).toHaveBeenCalledTimes(1);
		expect(http.mock.calls[0][1]).toMatchObject({
			method: 'GET',
			url: '/opportunities/pipelines',
			qs: { locationId: LOCATION_ID },
		});
		await loadPipelines(ctx, true);
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('answers an empty list when the body has no pipelines', async () => {
		const { ctx, http } = fakeContext();
		http.mockResolvedValue(ok({}));
		await expect(loadPipelines(ctx)).resolves.toEqual([]);
	});
});

describe('findPipeline / findStages', () => {
	it.each(['pl-sales', 'Sales', '  sales ', 'SALES'])('finds Sales by %j', (reference) => {
		expect(findPipeline(PIPELINES, reference)?.id).toBe('pl-sales');
	});

	it('finds no pipeline for an unknown reference', () => {
		expect(findPipeline(PIPELINES, 'Support')).toBeUndefined();
	});

	it('finds a stage by id, and by name in every pipeline having it', () => {
		expect(findStages(PIPELINES, 'st-hiring-won').map((m) => m.stage.id)).toEqual(['st-hiring-won']);
		expect(findStages(PIPELINES, ' won ').map((m) => `${m.pipeline.id}/${m.stage.id}`)).toEqual([
			'pl-sales/st-sales-won',
			'pl-hiring/st-hiring-won',
		]);
		expect(findStages(PIPELINES, 'Lost')).toEqual([]);
	});

	it('prefers an id match over name matches', () => {
		const odd: Pipeline = { id: 'pl-odd', name: 'Odd', stages: [{ id: 'st-x', name: 'st-sales-won' }] };
		expect(findStages([SALES, odd], 'st-sales-won').map((m) => m.stage.id)).toEqual(['st-sales-won']);
	});
});

describe('resolvePipelineStage (preSend)', () => {
	const bodyHook = resolvePipelineStage({ in: 'body', pipeline: 'pipelineId', stage: 'pipelineStageId' });
	const qsHook = resolvePipelineStage({ in: 'qs', pipeline: 'pipeline_id', stage: 'pipeline_stage_id' });
	const post = (body: IDataObject): IHttpRequestOptions => ({ method: 'POST', url: '/opportunities/', body });

	async function failure(hook: typeof bodyHook, options: IHttpRequestOptions, http: HttpMock, ...lists: Pipeline[][]) {
		const { ctx } = fakeContext({ http, itemIndex: 2 });
		serve(http, ...lists);
		return (await hook.call(ctx, options).catch((e: unknown) => e)) as NodeOperationError;
	}

	it('replaces pipeline and stage names by ids in the body, keeping the rest', async () => {
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES);
		const result = await bodyHook.call(ctx, post({ name: 'Deal', pipelineId: 'Hiring', pipelineStageId: 'won' }));
		expect(result.body).toEqual({ name: 'Deal', pipelineId: 'pl-hiring', pipelineStageId: 'st-hiring-won' });
	});

	it('does the same in the query (Get Many)', async () => {
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES);
		const result = await qsHook.call(ctx, {
			method: 'GET',
			url: '/opportunities/search',
			qs: { pipeline_id: 'Sales', pipeline_stage_id: 'New Lead', status: 'open' },
		});
		expect(result.qs).toEqual({ pipeline_id: 'pl-sales', pipeline_stage_id: 'st-sales-new', status: 'open' });
	});

	it('keeps ids as they are', async () => {
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES);
		const result = await bodyHook.call(ctx, post({ pipelineId: 'pl-sales', pipelineStageId: 'st-sales-won' }));
		expect(result.body).toEqual({ pipelineId: 'pl-sales', pipelineStageId: 'st-sales-won' });
	});

	it('accepts a stage name without a pipeline when it is unique', async () => {
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES);
		const result = await bodyHook.call(ctx, post({ pipelineStageId: 'Applied' }));
		expect((result.body as IDataObject).pipelineStageId).toBe('st-hiring-applied');
	});

	it('Get Many (trustPipelineId): a pipeline given by id, without a stage, is sent without reading the list', async () => {
		const hook = resolvePipelineStage({ in: 'qs', pipeline: 'pipeline_id', stage: 'pipeline_stage_id', trustPipelineId: true });
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES);
		const result = await hook.call(ctx, {
			method: 'GET',
			url: '/opportunities/search',
			qs: { pipeline_id: ' bCkKGpDsyPP4peuKowkG ', status: 'open' },
		});
		expect(result.qs).toEqual({ pipeline_id: 'bCkKGpDsyPP4peuKowkG', status: 'open' });
		expect(http).not.toHaveBeenCalled();
		// A name, or a stage with it, still reads the list.
		await hook.call(ctx, { method: 'GET', url: '/opportunities/search', qs: { pipeline_id: 'Sales' } });
		expect(http).toHaveBeenCalledTimes(1);
	});

	it('without trustPipelineId (writes) an id-shaped pipeline is still checked against the list', async () => {
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES, PIPELINES);
		const error = await bodyHook.call(ctx, post({ pipelineId: 'bCkKGpDsyPP4peuKowkG' })).catch((e: unknown) => e);
		expect((error as Error).message).toBe('Unknown pipeline "bCkKGpDsyPP4peuKowkG"');
		expect(http).toHaveBeenCalled();
	});

	it('sends nothing and changes nothing without pipeline and stage', async () => {
		const { ctx, http } = fakeContext();
		const options = post({ name: 'Deal' });
		await expect(bodyHook.call(ctx, options)).resolves.toBe(options);
		expect(http).not.toHaveBeenCalled();
	});

	it('finds a pipeline created since the list was cached (fresh look)', async () => {
		const support: Pipeline = { id: 'pl-support', name: 'Support', stages: [{ id: 'st-open', name: 'Open' }] };
		const { ctx, http } = fakeContext();
		serve(http, PIPELINES, [...PIPELINES, support]);
		const result = await bodyHook.call(ctx, post({ pipelineId: 'Support', pipelineStageId: 'Open' }));
		expect(result.body).toEqual({ pipelineId: 'pl-support', pipelineStageId: 'st-open' });
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('unknown pipeline: names the parameter and lists the pipelines, after one fresh look', async () => {
		const http: HttpMock = jest.fn();
		const error = await failure(bodyHook, post({ pipelineId: 'Support' }), http, PIPELINES);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Unknown pipeline "Support"');
		expect(error.description).toContain('Parameter "Pipeline"');
		expect(error.description).toContain('Sales, Hiring');
		expect(error.context.itemIndex).toBe(2);
		expect(http).toHaveBeenCalledTimes(2);
	});

	it('stage not in the given pipeline: names both and lists that pipeline’s stages', async () => {
		const error = await failure(bodyHook, post({ pipelineId: 'Sales', pipelineStageId: 'Applied' }), jest.fn(), PIPELINES);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Unknown pipeline stage "Applied" in pipeline "Sales"');
		expect(error.description).toContain('Parameter "Pipeline Stage"');
		expect(error.description).toContain('New Lead, Won');
		expect(error.description).not.toContain('Applied.');
	});

	it('stage id of another pipeline is refused', async () => {
		const error = await failure(
			bodyHook,
			post({ pipelineId: 'pl-sales', pipelineStageId: 'st-hiring-won' }),
			jest.fn(),
			PIPELINES,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('in pipeline "Sales"');
	});

	it('ambiguous stage name without a pipeline: asks for the pipeline, naming the candidates', async () => {
		const error = await failure(bodyHook, post({ pipelineStageId: 'Won' }), jest.fn(), PIPELINES);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Pipeline stage "Won" exists in several pipelines');
		expect(error.description).toContain('Parameter "Pipeline"');
		expect(error.description).toContain('Sales, Hiring');
	});

	it('unknown stage without a pipeline lists the stages of all pipelines', async () => {
		const error = await failure(bodyHook, post({ pipelineStageId: 'Lost' }), jest.fn(), PIPELINES);
		expect(error.message).toBe('Unknown pipeline stage "Lost"');
		expect(error.description).toContain('New Lead, Won, Applied, Won');
	});
});
