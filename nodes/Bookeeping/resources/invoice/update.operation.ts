import type { INodeProperties } from 'n8n-workflow';

import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { emptyUpdateProblem, updateFieldsCollection } from '../shared/updateFields';
import {
	counterpartyIdField,
	currencyField,
	invoiceDateField,
	lineItemsField,
	optionalInvoiceChecks,
	optionalInvoiceFields,
} from './invoiceFields';
import { invoiceId } from './invoiceId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyInvoiceWith } from './invoiceSummary';

const displayOptions = showFor('invoice', 'update');
const checks = optionalInvoiceChecks('updateFields');

const updateFields: INodeProperties[] = [
	counterpartyIdField('counterpartyId', false),
	invoiceDateField('invoiceDate', false),
	invoiceDateField('dueDate', false),
	currencyField(false),
	lineItemsField(false),
	...optionalInvoiceFields,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const invoiceUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an invoice',
		description: 'Change the fields of a draft invoice',
		routing: { request: { method: 'PATCH', url: invoiceId.path } },
	},
	fields: [
		invoiceId.field(displayOptions, 'The draft invoice to change'),
		updateFieldsCollection(displayOptions, updateFields),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: (ids) => `update invoice ${ids.invoiceId}`,
		subject: invoiceId.subject,
		ids: [invoiceId.input, ...checks.ids],
		inputs: checks.inputs,
		check: emptyUpdateProblem,
		conflict: {
			message: (ids) =>
				`Invoice ${ids.invoiceId} cannot be updated in its current status: Bookeeping.ai only changes draft invoices. Cancel a sent invoice and create a new one instead.`,
			description: 'Only invoices in draft status can be updated. A sent or overdue invoice can be cancelled, then created anew.',
			forModel: {
				what: (ids) => `Invoice ${ids.invoiceId} is not a DRAFT, so it cannot be changed.`,
				next: 'if it is SENT or OVERDUE, cancel it with the Cancel an invoice operation and create a new invoice; Get Many invoices (filter by invoice number) shows its status.',
			},
		},
		simplify: simplifyInvoiceWith('note'),
	},
	toolDescription:
		`Change a DRAFT invoice in Bookeeping.ai (dates, currency, line items, note, discount, customer). Only drafts can be changed: a SENT invoice must be cancelled and created anew. Invoice ID is the invoice's _id (${ID_FORMAT}), not its number: find it with Get Many invoices. Returns the invoice: _id, number, status, customer, amount, currency, dates and note.`,
};
