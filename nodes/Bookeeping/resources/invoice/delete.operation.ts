import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { invoiceId } from './invoiceId';

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
		},
		output: (_data, ids) => ({ id: ids.invoiceId, deleted: true }),
	},
};
