import { simplifyInvoice } from '../../Bookeeping/resources/invoice/getAll.operation';
import { recordEvent } from './recordEvent';

export const invoiceCreated = recordEvent({
	option: { name: 'Invoice Created', value: 'invoiceCreated', description: 'An invoice was created (any status)' },
	fields: [],
	list: { path: '/v1/invoices', key: 'invoices', noun: 'invoices' },
	timestamp: 'createdAt',
	simplify: simplifyInvoice,
	noSample: 'Bookeeping.ai has no invoice yet',
});
