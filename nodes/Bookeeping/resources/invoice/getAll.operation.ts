import type { IDataObject } from 'n8n-workflow';

import { filtersField, returnAllAndLimit, simplifyField, sortField } from '../shared/listFields';
import { rateLimitOptions } from '../shared/rateLimitOptions';
import { showFor, type OperationDefinition } from '../shared/operationDefinition';

const displayOptions = showFor('invoice', 'getAll');

export function simplifyInvoice(invoice: IDataObject): IDataObject {
	const counterParty = invoice.counterParty as IDataObject | undefined;
	return {
		_id: invoice._id,
		invoiceId: invoice.invoiceId,
		status: invoice.status,
		counterparty: counterParty?.accountName ?? null,
		amount: invoice.amount,
		currency: invoice.currency,
		invoiceDate: invoice.invoiceDate,
		dueDate: invoice.dueDate,
	};
}

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
		filtersField(displayOptions, [
			{
				displayName: 'Minimum Amount',
				name: 'minAmount',
				type: 'number',
				default: 0,
				description: 'Only invoices of at least this amount',
				routing: { send: { type: 'query', property: 'minAmount', value: '={{ String($value) }}' } },
			},
			]),
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
		list: { key: 'invoices', simplify: simplifyInvoice },
	},
};
