import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { currencyField } from '../../shared/money';
import { productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';
import { PRICE_FIELD_OPTIONS, PRICE_TYPE_OPTIONS, RECURRING_OPTIONS, amountField, priceBody, priceOutput } from './fields';

const show = { resource: ['price'], operation: ['create'] };

/**
 * Create: `POST /products/{productId}/price` (products.json `create-price-for-product`, body `CreatePriceDto`:
 * `name`, `type`, `currency`, `amount` in major units, the location; `recurring` for a recurring price) → 201, the
 * price (flat, id `_id`). Currency and amounts are checked before any request; a create is never re-sent after an
 * ambiguous failure (shared/transport.ts).
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a price for a product',
	description: 'Add a one-time or recurring price to a product',
	routing: routeTo({
		endpoint: ENDPOINTS.createPrice,
		pathParameters: { productId: 'productId' },
		preSend: [priceBody('create')],
		output: (body) => priceOutput(body),
		fieldNames: { name: 'Name', amount: 'Amount', currency: 'Currency', type: 'Type' },
	}),
};

export const description: INodeProperties[] = [
	productLocator(show),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. Standard',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: PRICE_TYPE_OPTIONS,
		required: true,
		default: 'one_time',
		displayOptions: { show },
	},
	...RECURRING_OPTIONS.map((o) => ({ ...o, required: true, displayOptions: { show: { ...show, type: ['recurring'] } } })),
	{ ...currencyField({ show }), required: true },
	amountField(show),
	collectionField('additionalFields', show, PRICE_FIELD_OPTIONS),
];
