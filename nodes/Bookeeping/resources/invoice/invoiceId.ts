import { recordId } from '../shared/recordId';

export const invoiceId = recordId({
	parameter: 'invoiceId',
	label: 'Invoice ID',
	noun: 'Invoice',
	collectionPath: '/v1/invoices',
	searchMethod: 'searchInvoices',
	findWith: 'the Get Many invoices operation (filter by invoice number, customer or status)',
});
