import type { INodeProperties } from 'n8n-workflow';

import { isoDateTime, jsonArrayOfObjects } from '../../pipeline/inputParsers';
import type { IdInput, InputParser, ParsedInput } from '../../pipeline/operationSpec';
import { idLocator } from '../shared/idLocator';
import { counterpartyId } from '../counterparty/counterpartyId';

const CURRENCY = /^[A-Za-z]{3}$/;

export const currencyCode: InputParser = (raw) => {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!CURRENCY.test(text)) return { problem: text === '' ? 'an empty value' : 'not a three-letter currency code' };
	return { value: text.toUpperCase() };
};

/** Discount (a fixed collection) as the API's `{ type, value }`, both required. */
export const discountValue: InputParser = (raw) => {
	const values = (raw as { values?: { type?: unknown; value?: unknown } } | undefined)?.values;
	if (!values) return { problem: 'an empty value' };
	const value = typeof values.value === 'string' ? Number(values.value) : values.value;
	if (values.type !== 'PERCENTAGE' && values.type !== 'FIXED') return { problem: 'a type that is not Percentage or Fixed' };
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return { problem: 'a value that is not a number, 0 or more' };
	if (values.type === 'PERCENTAGE' && value > 100) return { problem: 'a percentage over 100' };
	return { value: { type: values.type, value } };
};

export const LINE_ITEMS_DESCRIPTION =
	'The invoice lines as a JSON array of objects, sent to Bookeeping.ai as they are, e.g. [{"name": "Consulting", "quantity": 2, "price": 150}]';

export function counterpartyIdField(name: string, required: boolean): INodeProperties {
	return idLocator({
		name,
		displayName: 'Counterparty ID',
		searchMethod: 'searchCounterparties',
		description: 'The customer the invoice is for',
		required,
	});
}

export function invoiceDateField(name: 'invoiceDate' | 'dueDate', required: boolean): INodeProperties {
	return {
		displayName: name === 'invoiceDate' ? 'Invoice Date' : 'Due Date',
		name,
		type: 'dateTime',
		default: '',
		required,
		description:
			name === 'invoiceDate'
				? 'The date of the invoice, sent as ISO 8601 (a date without a time zone is read in the workflow time zone)'
				: 'The date the payment is due, sent as ISO 8601 (a date without a time zone is read in the workflow time zone)',
	};
}

export const currencyField = (required: boolean): INodeProperties => ({
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: '',
	required,
	placeholder: 'e.g. USD',
	description: 'The three-letter ISO 4217 code of the invoice currency',
});

export const lineItemsField = (required: boolean): INodeProperties => ({
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'json',
	default: '[\n  {}\n]',
	required,
	description: LINE_ITEMS_DESCRIPTION,
});

/** The optional invoice fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalInvoiceFields: INodeProperties[] = [
	{
		displayName: 'Discount',
		name: 'discount',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add discount',
		options: [
			{
				displayName: 'Discount',
				name: 'values',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Fixed', value: 'FIXED' },
							{ name: 'Percentage', value: 'PERCENTAGE' },
						],
						default: 'PERCENTAGE',
					},
					{ displayName: 'Value', name: 'value', type: 'number', default: 0, typeOptions: { minValue: 0 } },
				],
			},
		],
	},
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. INV-0042',
		description: 'The human invoice number. INCREMENTAL lets Bookeeping.ai number the invoice.',
		routing: { send: { type: 'body', property: 'invoiceId' } },
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		routing: { send: { type: 'body', property: 'note' } },
	},
	{
		displayName: 'Pay via Stripe Account Connection ID',
		name: 'payViaStripeAccountConnectionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 65f1c0ffee0123456789abcd',
		description: 'The ID of the Stripe connection the customer can pay through',
	},
	{
		displayName: 'Purchase Order ID',
		name: 'purchaseOrderId',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'purchaseOrderId' } },
	},
];

/** The checks of the optional fields under `collection` (e.g. `additionalFields`). */
export function optionalInvoiceChecks(collection: string): { ids: IdInput[]; inputs: ParsedInput[] } {
	return {
		ids: [
			{ ...counterpartyId.input, parameter: `${collection}.counterpartyId`, optional: true, sendAt: 'counterParty' },
			{
				parameter: `${collection}.payViaStripeAccountConnectionId`,
				label: 'Pay via Stripe Account Connection ID',
				optional: true,
				sendAt: 'payViaStripeAccountConnectionId',
			},
		],
		inputs: [
			{ parameter: `${collection}.invoiceDate`, label: 'Invoice Date', parse: isoDateTime, sendAt: 'invoiceDate', optional: true },
			{ parameter: `${collection}.dueDate`, label: 'Due Date', parse: isoDateTime, sendAt: 'dueDate', optional: true },
			{ parameter: `${collection}.currency`, label: 'Currency', parse: currencyCode, sendAt: 'currency', optional: true },
			{ parameter: `${collection}.lineItems`, label: 'Line Items', parse: jsonArrayOfObjects, sendAt: 'lineItems', optional: true },
			{ parameter: `${collection}.discount`, label: 'Discount', parse: discountValue, sendAt: 'discount', optional: true },
		],
	};
}
