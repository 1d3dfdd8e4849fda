import { API_GUESSES } from '../../apiGuesses';
import { requiredText } from '../../pipeline/inputParsers';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { invoiceId } from './invoiceId';

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
		},
	},
};
