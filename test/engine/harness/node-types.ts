import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, jsonParse } from 'n8n-workflow';

import { describeFailures, loadPackageNodeTypes, readPackageManifest } from './package-loader';

/** Type name of the harness's manual trigger; the same name n8n uses, so workflows exported from n8n run as-is. */
export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

/** Type name of the harness's items source node (emits `RunOptions.inputItems`). */
export const ITEMS_SOURCE_TYPE = 'test.items';

/**
 * Where the harness node types get their data from during one run.
 * `startItems`: what the manual trigger emits; `sourceItems`: what every `test.items` node emits
 * (`undefined` = use the node's own `items` parameter).
 */
export interface HarnessItemFeed {
	startItems: INodeExecutionData[];
	sourceItems?: INodeExecutionData[];
}

/** Copies items so that a node mutating its output cannot change the caller's array between runs. */
function copyItems(
	items: INodeExecutionData[],
	pairedWith: number | undefined,
): INodeExecutionData[] {
	return items.map((item) => ({
		...item,
		json: { ...item.json },
		...(pairedWith === undefined ? {} : { pairedItem: { item: pairedWith } }),
	}));
}

/**
 * A tiny equivalent of n8n's Manual Trigger (version 1): a trigger node without parameters. In manual mode
 * n8n-core calls `trigger()` and awaits `manualTriggerFunction`, which emits `feed.startItems`.
 */
export function createManualTriggerNodeType(feed: HarnessItemFeed): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			icon: 'fa:mouse-pointer',
			group: ['trigger'],
			version: 1,
			description: 'Runs the flow when the harness starts it',
			eventTriggerDescription: '',
			maxNodes: 1,
			defaults: { name: 'When clicking ‘Execute workflow’' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
			const manualTriggerFunction = async () => {
				this.emit([copyItems(feed.startItems, undefined)]);
			};
			return { manualTriggerFunction };
		},
	};
}

/** Parses the `items` parameter of a `test.items` node: a JSON array (string or already parsed) of objects. */
function parseItemsParameter(value: unknown): INodeExecutionData[] {
	const parsed =
		typeof value === 'string' ? jsonParse<unknown>(value === '' ? '[]' : value) : value;
	if (!Array.isArray(parsed))
		throw new Error('The "items" parameter of a test.items node must be a JSON array');
	return parsed.map((json) => ({ json: (json ?? {}) as IDataObject }));
}

/**
 * The harness's items source node (`test.items`, version 1). It ignores its input items' contents and emits
 * `feed.sourceItems` (from `RunOptions.inputItems`) or, when the run supplies none, the JSON array in its `items`
 * parameter. Each output item is paired with input item 0.
 */
export function createItemsSourceNodeType(feed: HarnessItemFeed): INodeType {
	return {
		description: {
			displayName: 'Test Items',
			name: 'items',
			group: ['transform'],
			version: 1,
			description: 'Emits the items a test supplies',
			defaults: { name: 'Items' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [
				{
					displayName: 'Items (JSON Array)',
					name: 'items',
					type: 'json',
					default: '[]',
					description: 'Used when the run supplies no inputItems',
				},
			],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items =
				feed.sourceItems ?? parseItemsParameter(this.getNodeParameter('items', 0, '[]'));
			return [copyItems(items, 0)];
		},
	};
}

/**
 * The `INodeTypes` registry a harness `Workflow` uses. Lookup order for a type name:
 * 1. `extra` (types passed by the test, keys are full type names),
 * 2. the harness types {@link MANUAL_TRIGGER_TYPE} and {@link ITEMS_SOURCE_TYPE},
 * 3. this package's nodes (`<package name>.<name>`), loaded from TypeScript sources on first use.
 * Unknown names throw an Error naming the known types (and package load failures, if any).
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types: Map<string, INodeType | IVersionedNodeType>;

	constructor(feed: HarnessItemFeed, extra: Record<string, INodeType | IVersionedNodeType> = {}) {
		this.types = new Map<string, INodeType | IVersionedNodeType>([
			[MANUAL_TRIGGER_TYPE, createManualTriggerNodeType(feed)],
			[ITEMS_SOURCE_TYPE, createItemsSourceNodeType(feed)],
			...Object.entries(extra),
		]);
	}

	/** Returns the node type (possibly versioned) registered under `nodeType`; throws if unknown. */
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const known = this.types.get(nodeType);
		if (known) return known;
		const packagePrefix = `${readPackageManifest().name}.`;
		if (nodeType.startsWith(packagePrefix)) {
			const loaded = loadPackageNodeTypes();
			const fromPackage = loaded.byName.get(nodeType);
			if (fromPackage) return fromPackage;
			const failures = loaded.failures.length
				? ` Load failures: ${describeFailures(loaded.failures)}`
				: '';
			throw new Error(
				`Unknown node type "${nodeType}". Package node types: ${[...loaded.byName.keys()].join(', ') || 'none'}.${failures}`,
			);
		}
		throw new Error(
			`Unknown node type "${nodeType}". Known types: ${[...this.types.keys()].join(', ')}`,
		);
	}

	/** Returns the concrete `INodeType` for `version` (the default version of a versioned type if omitted). */
	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	/** Names of the types registered so far (package types appear once loaded), as n8n's `{ [name]: {} }` map. */
	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}
