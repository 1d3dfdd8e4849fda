import { isoDateTime, jsonArrayOfObjects } from '../../pipeline/inputParsers';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { counterpartyId } from '../counterparty/counterpartyId';
import {
	counterpartyIdField,
	currencyCode,
	currencyField,
	invoiceDateField,
	lineItemsField,
	optionalInvoiceChecks,
	optionalInvoiceFields,
} from './invoiceFields';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyInvoiceWith } from './invoiceSummary';

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
			{ ...counterpartyId.input, sendAt: 'counterParty' },
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
			forModel: {
				what: () => 'an invoice with this Invoice Number already exists.',
				next: "use another Invoice Number, or INCREMENTAL to let Bookeeping.ai number it; Get Many invoices (filter by invoice number) finds the existing one.",
			},
		},
		simplify: simplifyInvoiceWith('note', 'lineItems'),
	},
	toolDescription:
		`Create a DRAFT invoice in Bookeeping.ai. Counterparty ID is the customer's _id (${ID_FORMAT}): find it with Get Many counterparties, searching by name. Line Items is a JSON array of objects, e.g. [{"name": "Consulting", "quantity": 2, "price": 150}]; dates are ISO 8601 (e.g. 2026-01-31); Currency is a three-letter code (e.g. USD). The invoice is not sent: send it with the Send an invoice operation. Returns the invoice: _id, number, status DRAFT, customer, amount, currency and dates.`,
};
