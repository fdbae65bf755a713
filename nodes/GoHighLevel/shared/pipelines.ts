import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cached } from './cache';
import { ENDPOINTS } from './endpoints';
import { apiRequest, getConnection, type HighLevelContext } from './transport';

/** A pipeline as `get-pipelines` returns it (opportunities.json `PipelinesResponseSchema`). */
export interface Pipeline {
	id: string;
	name: string;
	stages: Array<{ id: string; name: string; position?: number }>;
}

/**
 * The pipelines (with stages) of the credential's location, from the shared list cache (shared/cache.ts).
 * `GET /opportunities/pipelines` is not paged (FACTS.md 2.14).
 */
export async function loadPipelines(ctx: HighLevelContext, fresh = false): Promise<Pipeline[]> {
	const connection = await getConnection(ctx);
	return await cached(
		`${connection.rateLimitKey}|pipelines`,
		async () =>
			(await apiRequest<{ pipelines?: Pipeline[] }>(ctx, ENDPOINTS.getPipelines, {}, connection))
				.pipelines ?? [],
		{ fresh },
	);
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A pipeline by id, or by name (case and surrounding spaces ignored). */
export function findPipeline(pipelines: Pipeline[], reference: string): Pipeline | undefined {
	return pipelines.find((p) => p.id === reference.trim()) ?? pipelines.find((p) => same(p.name, reference));
}

/** Stages of `pipelines` matching an id or a name, with their pipeline. */
export function findStages(pipelines: Pipeline[], reference: string) {
	const matches: Array<{ pipeline: Pipeline; stage: Pipeline['stages'][number] }> = [];
	for (const pipeline of pipelines) {
		for (const stage of pipeline.stages ?? []) {
			if (stage.id === reference.trim() || same(stage.name, reference)) matches.push({ pipeline, stage });
		}
	}
	const byId = matches.filter((m) => m.stage.id === reference.trim());
	return byId.length ? byId : matches;
}

/**
 * Shape of a pipeline id: 20 letters and digits (opportunities.json examples `bCkKGpDsyPP4peuKowkG`,
 * `VDm7RPYC2GLUvdpKmBfC` for `pipelineId` / `pipeline_id`). Pipeline stage ids are UUIDs in the same spec.
 */
export const PIPELINE_ID_PATTERN = /^[A-Za-z0-9]{20}$/;

/** Where the pipeline and stage of a request are, and how the user calls them. */
export interface PipelineStageFields {
	in: 'body' | 'qs';
	pipeline: string;
	stage: string;
	/**
	 * For reads (Get Many filters): a pipeline given by ID ({@link PIPELINE_ID_PATTERN}) without a stage is sent
	 * as it is, without reading the pipeline list; an unknown ID then finds nothing. Names, and any stage, are
	 * still resolved and checked against the list.
	 */
	trustPipelineId?: boolean;
}

/**
 * A `preSend` hook that lets users give the pipeline and the pipeline stage by ID or by name (e.g. from an
 * expression), replaces names by IDs, and checks that the stage belongs to the pipeline — before anything is
 * written. Without a pipeline, a stage name must be unique across the location's pipelines.
 * @throws NodeOperationError naming the parameter, listing what exists
 */
export function resolvePipelineStage(fields: PipelineStageFields) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const target = { ...((requestOptions[fields.in] as IDataObject | undefined) ?? {}) };
		const pipelineRef = String(target[fields.pipeline] ?? '').trim();
		const stageRef = String(target[fields.stage] ?? '').trim();
		if (!pipelineRef && !stageRef) return requestOptions;
		if (fields.trustPipelineId && !stageRef && PIPELINE_ID_PATTERN.test(pipelineRef)) {
			return { ...requestOptions, [fields.in]: { ...target, [fields.pipeline]: pipelineRef } };
		}
		const fail = (message: string, description: string) =>
			new NodeOperationError(this.getNode(), message, { description, itemIndex: this.getItemIndex() });
		let pipelines = await loadPipelines(this);
		let pipeline = pipelineRef ? findPipeline(pipelines, pipelineRef) : undefined;
		if (pipelineRef && !pipeline) {
			pipelines = await loadPipelines(this, true);
			pipeline = findPipeline(pipelines, pipelineRef);
		}
		if (pipelineRef && !pipeline) {
			throw fail(
				`Unknown pipeline "${pipelineRef}"`,
				`Parameter "Pipeline": choose one from the list or give its ID or name. Pipelines: ${pipelines.map((p) => p.name).join(', ') || 'none'}.`,
			);
		}
		if (pipeline) target[fields.pipeline] = pipeline.id;
		if (stageRef) {
			const matches = findStages(pipeline ? [pipeline] : pipelines, stageRef);
			if (matches.length === 0) {
				const names = (pipeline?.stages ?? pipelines.flatMap((p) => p.stages ?? [])).map((s) => s.name);
				throw fail(
					`Unknown pipeline stage "${stageRef}"${pipeline ? ` in pipeline "${pipeline.name}"` : ''}`,
					`Parameter "Pipeline Stage": choose one from the list or give its ID or name. Stages: ${names.join(', ') || 'none'}.`,
				);
			}
			if (matches.length > 1) {
				throw fail(
					`Pipeline stage "${stageRef}" exists in several pipelines`,
					`Parameter "Pipeline": set it too (${matches.map((m) => m.pipeline.name).join(', ')}).`,
				);
			}
			target[fields.stage] = matches[0].stage.id;
			// A stage implies its pipeline, which create-opportunity requires.
			target[fields.pipeline] = matches[0].pipeline.id;
		}
		return { ...requestOptions, [fields.in]: target };
	};
}
