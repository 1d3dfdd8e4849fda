import { API_GUESSES } from '../../apiGuesses';
import { requiredText } from '../../pipeline/inputParsers';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { invoiceId } from './invoiceId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyInvoiceWith } from './invoiceSummary';

const displayOptions = showFor('invoice', 'cancel');
const guess = API_GUESSES.cancelInvoice;

export const invoiceCancel: OperationDefinition = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel an invoice',
		description: 'Cancel a sent or overdue invoice, with a reason',
		routing: {
			request: { method: guess.method, url: `=${guess.path(invoiceId.idTemplate)}` },
		},
	},
	fields: [
		invoiceId.field(displayOptions, 'The sent or overdue invoice to cancel'),
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			typeOptions: { rows: 2 },
			required: true,
			default: '',
			placeholder: 'e.g. Deal lost',
			description: 'Why the invoice is cancelled; kept on the invoice',
			displayOptions,
		},
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: (ids) => `cancel invoice ${ids.invoiceId}`,
		subject: invoiceId.subject,
		ids: [invoiceId.input],
		inputs: [{ parameter: 'reason', label: 'Reason', parse: requiredText, sendAt: guess.reasonField }],
		conflict: {
			message: (ids) =>
				`Invoice ${ids.invoiceId} cannot be cancelled: only sent or overdue invoices can be. Delete a draft instead (Invoice > Delete); a paid or cancelled invoice stays as it is.`,
			description: 'Bookeeping.ai only cancels invoices in sent or overdue status.',
			forModel: {
				what: (ids) => `Invoice ${ids.invoiceId} cannot be cancelled: only SENT or OVERDUE invoices can be.`,
				next: 'if it is a DRAFT, delete it with the Delete an invoice operation instead; a PAID or CANCELLED invoice stays as it is. Get Many invoices (filter by invoice number) shows its status.',
			},
		},
		simplify: simplifyInvoiceWith('cancellationReason', 'cancellationDate'),
	},
	toolDescription:
		`Cancel a SENT or OVERDUE invoice in Bookeeping.ai, with a reason. Only sent or overdue invoices can be cancelled: delete a DRAFT instead; a PAID or CANCELLED invoice cannot be changed. Invoice ID is the invoice's _id (${ID_FORMAT}), not its number: find it with Get Many invoices. Returns the invoice: _id, number, status (now CANCELLED), customer, amount, dates and the cancellation reason.`,
};
