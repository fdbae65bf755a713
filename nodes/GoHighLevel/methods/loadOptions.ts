import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	findCustomField,
	loadCustomFields,
	OPTION_TYPES,
	type CustomFieldModel,
} from '../shared/customFields';
import { ENDPOINTS } from '../shared/endpoints';
import { findPipeline, loadPipelines } from '../shared/pipelines';
import { apiRequest } from '../shared/transport';
import { apiRequestLoadOptions } from './apiRequest';
import { automationLoadOptions } from './automation';
import { calendarLoadOptions } from './calendars';
import { formLoadOptions } from './forms';
import { objectLoadOptions } from './objects';
import { paymentLoadOptions } from './payments';
import { productLoadOptions } from './products';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

async function customFieldOptions(
	ctx: ILoadOptionsFunctions,
	model: CustomFieldModel,
): Promise<INodePropertyOptions[]> {
	const fields = await loadCustomFields(ctx, model, { fresh: true });
	return fields
		.map((f) => ({ name: f.name, value: f.id, description: `${f.fieldKey} · ${f.dataType}` }))
		.sort(byName);
}

/** Dropdown sources of the GoHighLevel node; each reads the credential's location. */
export const loadOptions = {
	/** Tags of the location: `GET /locations/{locationId}/tags` (locations.json `get-location-tags`); value = name. */
	async getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const body = await apiRequest<{ tags?: IDataObject[] }>(this, ENDPOINTS.getLocationTags);
		return (body.tags ?? []).map((t) => ({ name: String(t.name), value: String(t.name) })).sort(byName);
	},

	/** Contact custom fields: `GET /locations/{locationId}/customFields?model=contact`. */
	async getContactCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await customFieldOptions(this, 'contact');
	},

	/** Opportunity custom fields: `GET /locations/{locationId}/customFields?model=opportunity`. */
	async getOpportunityCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await customFieldOptions(this, 'opportunity');
	},

	/**
	 * The options of the custom field chosen in the same Custom Fields row (`&field`, by id, key or name) of the
	 * node's resource: its `picklistOptions` (locations.json `CustomFieldSchema`) for SINGLE_OPTIONS,
	 * MULTIPLE_OPTIONS, CHECKBOX and RADIO fields; none for other types, for a field not found, or while the
	 * field is an expression.
	 */
	async getCustomFieldValueOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const reference = this.getCurrentNodeParameter('&field');
		if (typeof reference !== 'string' || !reference.trim() || reference.startsWith('=')) return [];
		const model: CustomFieldModel =
			this.getCurrentNodeParameter('resource') === 'opportunity' ? 'opportunity' : 'contact';
		const field = findCustomField(await loadCustomFields(this, model), model, reference);
		if (!field || !OPTION_TYPES.has((field.dataType ?? '').toUpperCase())) return [];
		return (field.picklistOptions ?? []).map((option) => ({ name: option, value: option }));
	},

	/** Pipelines: `GET /opportunities/pipelines` (opportunities.json `get-pipelines`). */
	async getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const pipelines = await loadPipelines(this, true);
		return pipelines
			.map((p) => ({ name: p.name, value: p.id, description: `${p.stages?.length ?? 0} stages` }))
			.sort(byName);
	},

	/** Stages of the pipeline chosen in the same node (`pipelineId`, `updateFields.pipelineId` or `filters.pipelineId`), in pipeline order. */
	async getPipelineStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const chosen = ['pipelineId', 'updateFields.pipelineId', 'filters.pipelineId']
			.map((name) => this.getCurrentNodeParameter(name))
			.find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined;
		const pipelines = await loadPipelines(this, true);
		const selected = chosen ? findPipeline(pipelines, chosen) : undefined;
		const list = selected ? [selected] : pipelines;
		return list.flatMap((p) =>
			[...(p.stages ?? [])]
				.sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
				.map((s) => ({ name: selected ? s.name : `${p.name} → ${s.name}`, value: s.id })),
		);
	},
	...apiRequestLoadOptions,
	...automationLoadOptions,
	...calendarLoadOptions,
	...formLoadOptions,
	...objectLoadOptions,
	...paymentLoadOptions,
	...productLoadOptions,
};
