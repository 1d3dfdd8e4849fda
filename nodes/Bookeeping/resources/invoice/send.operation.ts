import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { invoiceId } from './invoiceId';

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
		},
	},
};
