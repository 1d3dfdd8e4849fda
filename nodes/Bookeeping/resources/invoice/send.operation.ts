import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { invoiceId } from './invoiceId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyInvoiceWith } from './invoiceSummary';

const displayOptions = showFor('invoice', 'send');

export const invoiceSend: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send an invoice',
		description: 'Send a draft invoice to its customer by email. Only invoices in draft status can be sent.',
		routing: { request: { method: 'POST', url: `${invoiceId.path}/send` } },
	},
	fields: [invoiceId.field(displayOptions, 'The draft invoice to send; the customer gets an email'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'write',
		action: (ids) => `send invoice ${ids.invoiceId}`,
		subject: invoiceId.subject,
		ids: [invoiceId.input],
		conflict: {
			message: (ids) =>
				`Invoice ${ids.invoiceId} is not a draft, so it cannot be sent. It was probably sent already; only drafts can be sent.`,
			description: 'Bookeeping.ai only sends invoices in draft status. Check the invoice status before sending (e.g. with Invoice > Get Many).',
			forModel: {
				what: (ids) => `Invoice ${ids.invoiceId} is not a DRAFT, so it cannot be sent; it was probably sent already.`,
				next: 'do not send it again: Get Many invoices (filter by invoice number) shows its status.',
			},
		},
		simplify: simplifyInvoiceWith('sendDate'),
	},
	toolDescription:
		`Send a DRAFT invoice to its customer by email from Bookeeping.ai. Only drafts can be sent: an invoice already SENT, OVERDUE, PAID or CANCELLED cannot be sent again. Invoice ID is the invoice's _id (${ID_FORMAT}), not its number: find it with Get Many invoices. Returns the invoice: _id, number, status (now SENT), customer, amount, dates and the send date.`,
};
