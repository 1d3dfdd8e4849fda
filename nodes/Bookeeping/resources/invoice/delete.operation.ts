import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { invoiceId } from './invoiceId';
import { ID_FORMAT } from '../shared/recordId';

const displayOptions = showFor('invoice', 'delete');

export const invoiceDelete: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an invoice',
		description: 'Delete a draft invoice. Only invoices in draft status can be deleted.',
		routing: { request: { method: 'DELETE', url: invoiceId.path } },
	},
	fields: [invoiceId.field(displayOptions, 'The draft invoice to delete'), rateLimitOptions(displayOptions)],
	spec: {
		kind: 'write',
		action: (ids) => `delete invoice ${ids.invoiceId}`,
		subject: invoiceId.subject,
		ids: [invoiceId.input],
		conflict: {
			message: (ids) =>
				`Invoice ${ids.invoiceId} is not a draft, so it cannot be deleted. Only drafts can be deleted: cancel a sent or overdue invoice instead (Invoice > Cancel).`,
			description: 'Bookeeping.ai only deletes invoices in draft status. A sent or overdue invoice can be cancelled instead.',
			forModel: {
				what: (ids) => `Invoice ${ids.invoiceId} is not a DRAFT, so it cannot be deleted.`,
				next: 'if it is SENT or OVERDUE, cancel it with the Cancel an invoice operation instead; a PAID or CANCELLED invoice stays as it is. Get Many invoices (filter by invoice number) shows its status.',
			},
		},
		output: (_data, ids) => ({ id: ids.invoiceId, deleted: true }),
	},
	toolDescription:
		`Delete a DRAFT invoice in Bookeeping.ai. Only drafts can be deleted: a SENT or OVERDUE invoice must be cancelled instead with the Cancel an invoice operation. Invoice ID is the invoice's _id (${ID_FORMAT}), not its number: find it with Get Many invoices. Returns { id, deleted: true }.`,
};
