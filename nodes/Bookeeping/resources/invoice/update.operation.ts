import type { INodeProperties } from 'n8n-workflow';

import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import {
	counterpartyIdField,
	currencyField,
	invoiceDateField,
	lineItemsField,
	optionalInvoiceChecks,
	optionalInvoiceFields,
} from './invoiceFields';
import { INVOICE_PATH, invoiceIdField, invoiceIdInput, invoiceSubject } from './invoiceId';

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
		routing: { request: { method: 'PATCH', url: INVOICE_PATH } },
	},
	fields: [
		invoiceIdField(displayOptions, 'The draft invoice to change'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: updateFields,
		},
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: (ids) => `update invoice ${ids.invoiceId}`,
		subject: invoiceSubject,
		ids: [invoiceIdInput, ...checks.ids],
		inputs: checks.inputs,
		check: (context) => {
			const fields = context.getNodeParameter('updateFields', {}) as Record<string, unknown>;
			return Object.keys(fields).length === 0
				? 'Update Fields is empty. Add at least one field to change (Update Fields > Add Field).'
				: undefined;
		},
		conflict: {
			message: (ids) =>
				`Invoice ${ids.invoiceId} cannot be updated in its current status: Bookeeping.ai only changes draft invoices. Cancel a sent invoice and create a new one instead.`,
			description: 'Only invoices in draft status can be updated. A sent or overdue invoice can be cancelled, then created anew.',
		},
	},
};
