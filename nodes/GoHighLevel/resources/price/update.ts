import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionField } from '../../shared/descriptions';
import { ENDPOINTS } from '../../shared/endpoints';
import { currencyField } from '../../shared/money';
import { priceField, productLocator } from '../../shared/products';
import { routeTo } from '../../shared/routing';
import { PRICE_FIELD_OPTIONS, PRICE_TYPE_OPTIONS, RECURRING_OPTIONS, amountField, priceBody, priceOutput } from './fields';

const show = { resource: ['price'], operation: ['update'] };

/**
 * Update: `PUT /products/{productId}/price/{priceId}` (products.json `update-price-by-id-for-product`, body
 * `UpdatePriceDto`, which requires `name`, `type`, `currency`, `amount` like a create) → the price (flat). Currency
 * and Amount are always given (never copied from an answer); a name, type or billing interval not set is the current
 * one (read first).
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a price of a product',
	description: 'Change the amount, currency, name, billing or stock settings of a price',
	routing: routeTo({
		endpoint: ENDPOINTS.updatePrice,
		pathParameters: { productId: 'productId', priceId: 'priceId' },
		preSend: [priceBody('update')],
		output: (body) => priceOutput(body),
		fieldNames: { name: 'Update Fields → Name', amount: 'Amount', currency: 'Currency', type: 'Update Fields → Type' },
	}),
};

export const description: INodeProperties[] = [
	productLocator(show),
	priceField(show),
	{ ...currencyField({ show }), required: true, hint: 'HighLevel needs the currency and amount on every price update' },
	amountField(show),
	collectionField('updateFields', show, [
		...PRICE_FIELD_OPTIONS,
		...RECURRING_OPTIONS,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Type', name: 'type', type: 'options', options: PRICE_TYPE_OPTIONS, default: 'one_time' },
	]),
];
