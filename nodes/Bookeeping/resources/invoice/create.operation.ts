import { isoDateTime, jsonArrayOfObjects } from '../../pipeline/inputParsers';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import {
	counterpartyIdField,
	currencyCode,
	currencyField,
	invoiceDateField,
	lineItemsField,
	optionalInvoiceChecks,
	optionalInvoiceFields,
} from './invoiceFields';

const displayOptions = showFor('invoice', 'create');
const optional = optionalInvoiceChecks('additionalFields');

export const invoiceCreate: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an invoice',
		description: 'Create a draft invoice for a customer',
		routing: { request: { method: 'POST', url: '/v1/invoices' } },
	},
	fields: [
		{ ...counterpartyIdField('counterpartyId', true), displayOptions },
		{ ...invoiceDateField('invoiceDate', true), displayOptions },
		{ ...invoiceDateField('dueDate', true), displayOptions },
		{ ...currencyField(true), displayOptions },
		{ ...lineItemsField(true), displayOptions },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: optionalInvoiceFields,
		},
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: () => 'create the invoice',
		ids: [
			{ parameter: 'counterpartyId', label: 'Counterparty ID', sendAt: 'counterParty' },
			...optional.ids.filter((id) => !id.parameter.endsWith('.counterpartyId')),
		],
		inputs: [
			{ parameter: 'invoiceDate', label: 'Invoice Date', parse: isoDateTime, sendAt: 'invoiceDate' },
			{ parameter: 'dueDate', label: 'Due Date', parse: isoDateTime, sendAt: 'dueDate' },
			{ parameter: 'currency', label: 'Currency', parse: currencyCode, sendAt: 'currency' },
			{ parameter: 'lineItems', label: 'Line Items', parse: jsonArrayOfObjects, sendAt: 'lineItems' },
			...optional.inputs.filter((input) => input.parameter.endsWith('.discount')),
		],
		conflict: {
			message: () =>
				'Bookeeping.ai refused to create the invoice: it already exists (409), for example an invoice with this Invoice Number. Use another Invoice Number, or INCREMENTAL to let Bookeeping.ai number it.',
			description:
				'An invoice with the same number already exists. Set Additional Fields > Invoice Number to a new number, or to INCREMENTAL.',
		},
	},
};
