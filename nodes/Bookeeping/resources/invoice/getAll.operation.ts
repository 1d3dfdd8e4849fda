import { filtersField, returnAllAndLimit, simplifyField, sortField } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';
import { simplifyInvoice } from './invoiceSummary';
import { invoiceFilterOptions, invoiceRecordFilters } from './listFilters';
import { TOOL_MAX_RECORDS } from '../../pipeline/toolMode';

const displayOptions = showFor('invoice', 'getAll');

export const invoiceGetAll: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many invoices',
		description: 'List invoices, newest or largest first, with filters',
		routing: { request: { method: 'GET', url: '/v1/invoices' } },
	},
	fields: [
		...returnAllAndLimit(displayOptions),
		{
			displayName:
				'Bookeeping.ai applies Minimum Amount; the node applies the other filters to each page as it reads, 250 invoices a request. With one of them set, Limit counts matches, and a scan of N invoices costs N / 250 reads of the 6,000 a day (10,000 invoices: 40 reads).',
			name: 'filtersNotice',
			type: 'notice',
			default: '',
			displayOptions,
		},
		filtersField(displayOptions, invoiceFilterOptions),
		sortField(displayOptions, [
			{ name: 'Created At', value: 'createdAt' },
			{ name: 'ID', value: '_id' },
			{ name: 'Updated At', value: 'updatedAt' },
		]),
		simplifyField(displayOptions, 'ID, number, status, customer, amount, currency and dates'),
		rateLimitOptions(displayOptions),
	],
	spec: {
		kind: 'read',
		action: () => 'get invoices',
		list: {
			key: 'invoices',
			noun: 'invoices',
			narrowWith: 'filter by status, customer, invoice number or dates',
			simplify: simplifyInvoice,
			filters: invoiceRecordFilters,
		},
	},
	toolDescription:
		`List invoices in Bookeeping.ai, filtered by status (DRAFT, SENT, OVERDUE, PAID, CANCELLED), customer (Counterparty ID, an _id: find it with Get Many counterparties), invoice number, invoice date or due date range (ISO 8601 dates) and minimum amount. Returns at most ${TOOL_MAX_RECORDS} invoices a call, each with _id (the Invoice ID other operations need), number, status, customer, amount, currency and dates, and a note when more match.`,
};

export { simplifyInvoice };
