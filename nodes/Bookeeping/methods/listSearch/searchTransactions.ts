import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../pipeline/listSearchRequest';

/** Recent transactions, shown by date, amount, counterparty and reference. The API has no transaction search: filtered here. */
export async function searchTransactions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{
			path: '/v1/transactions',
			key: 'transactions',
			sortKey: 'transactionDate',
			toItem: (transaction) => {
				const counterparty = (transaction.counterParty as IDataObject | undefined)?.accountName;
				const date = typeof transaction.transactionDate === 'string' ? transaction.transactionDate.slice(0, 10) : undefined;
				const amount = transaction.totalAmount !== undefined ? `${transaction.totalAmount} ${transaction.currency ?? ''}`.trim() : undefined;
				return {
					name: [date, amount, counterparty, transaction.refNo].filter(Boolean).join(' · '),
					value: String(transaction._id),
				};
			},
		},
		filter,
		paginationToken,
	);
}
