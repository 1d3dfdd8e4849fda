import { idLocator } from '../shared/idLocator';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { counterpartyIdField } from './invoiceFields';
import { invoiceId } from './invoiceId';
import { categoryId } from '../category/categoryId';
import { accountId } from '../account/accountId';
import { counterpartyId } from '../counterparty/counterpartyId';
import { ID_FORMAT } from '../shared/recordId';
import { simplifyInvoiceWith } from './invoiceSummary';

const displayOptions = showFor('invoice', 'markAsPaid');
const PAYMENT = 'strategyData.data';

export const invoiceMarkAsPaid: OperationDefinition = {
	option: {
		name: 'Mark as Paid',
		value: 'markAsPaid',
		action: 'Mark an invoice as paid',
		description: 'Mark a sent or overdue invoice as paid, recording the payment as a transaction',
		routing: {
			request: { method: 'POST', url: `${invoiceId.path}/mark-as-paid` },
			send: { type: 'body', property: 'strategyData.strategy', value: 'CREATE_TRANSACTION' },
		},
	},
	fields: [
		invoiceId.field(displayOptions, 'The invoice that was paid'),
		{
			...idLocator({
				name: 'categoryId',
				displayName: 'Category ID',
				searchMethod: 'searchCategories',
				description: 'The category the payment is credited to',
			}),
			displayOptions,
		},
		{
			...idLocator({
				name: 'accountId',
				displayName: 'Account ID',
				searchMethod: 'searchAccounts',
				description: 'The bank account the payment arrived in',
			}),
			displayOptions,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: [
				{ ...counterpartyIdField('counterpartyId', false), description: 'The counterparty of the payment transaction' },
				{
					displayName: 'Transaction Note',
					name: 'transactionNote',
					type: 'string',
					default: '',
					routing: { send: { type: 'body', property: `${PAYMENT}.transactionNote` } },
				},
				{
					displayName: 'Transaction Reference Number',
					name: 'transactionRefNo',
					type: 'string',
					default: '',
					placeholder: 'e.g. PAY-2024-0042',
					routing: { send: { type: 'body', property: `${PAYMENT}.transactionRefNo` } },
				},
			],
		},
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'write',
		action: (ids) => `mark invoice ${ids.invoiceId} as paid`,
		subject: invoiceId.subject,
		ids: [
			invoiceId.input,
			{ ...categoryId.input, sendAt: `${PAYMENT}.category` },
			{ ...accountId.input, sendAt: `${PAYMENT}.account` },
			{ ...counterpartyId.input, parameter: 'additionalFields.counterpartyId', optional: true, sendAt: `${PAYMENT}.counterParty` },
		],
		conflict: {
			message: (ids) =>
				`Invoice ${ids.invoiceId} cannot be marked as paid: it is already paid or cancelled, or still a draft. Send a draft first; a paid or cancelled invoice needs nothing more.`,
			description: 'Bookeeping.ai only marks sent or overdue invoices as paid.',
			forModel: {
				what: (ids) => `Invoice ${ids.invoiceId} cannot be marked as paid: it is already PAID or CANCELLED, or still a DRAFT.`,
				next: 'Get Many invoices (filter by invoice number) shows its status: send a DRAFT first with the Send an invoice operation; a PAID or CANCELLED invoice needs nothing more.',
			},
		},
		simplify: simplifyInvoiceWith('paidMarkedDate', 'attachedTransactionId'),
	},
	toolDescription:
		`Mark a SENT or OVERDUE invoice as paid in Bookeeping.ai; the payment is recorded as a transaction in a category and a bank account. A DRAFT must be sent first; a PAID or CANCELLED invoice cannot be marked paid. Invoice ID, Category ID and Account ID are _ids (${ID_FORMAT}): find them with Get Many invoices, Get Many categories and Get Many accounts. Returns the invoice: _id, number, status (now PAID), customer, amount, dates, the paid date and the payment transaction's id.`,
};
