import type { INodeProperties } from 'n8n-workflow';

import { sendAndSettle, toDeletedInvoice } from '../../helpers/hooks';
import { invoiceDeleteFields } from './delete.operation';

export const invoiceOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an invoice',
				description: 'Delete a draft invoice. Only invoices in draft status can be deleted.',
				routing: {
					request: {
						method: 'DELETE',
						url: '=/v1/invoices/{{ String($parameter.invoiceId ?? "").trim() }}',
						// 4xx and 5xx answers reach postReceive, which turns them into clear errors.
						// Not in requestDefaults: n8n's credential test inherits those.
						ignoreHttpStatusErrors: true,
					},
					// The request hook validates, sends and settles each item; see helpers/hooks.ts.
					send: { paginate: true },
					operations: { pagination: sendAndSettle },
					output: { postReceive: [toDeletedInvoice] },
				},
			},
		],
		default: 'delete',
	},
];

export const invoiceDescription: INodeProperties[] = [...invoiceOperations, ...invoiceDeleteFields];
