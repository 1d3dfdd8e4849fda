import { recordId } from '../shared/recordId';

export const invoiceId = recordId({
	parameter: 'invoiceId',
	label: 'Invoice ID',
	noun: 'Invoice',
	collectionPath: '/v1/invoices',
	searchMethod: 'searchInvoices',
});
