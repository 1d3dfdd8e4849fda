import type { IDataObject } from 'n8n-workflow';

/** The short form of a transaction: Get Many's Simplify, and what a model is given. */
export function simplifyTransaction(transaction: IDataObject): IDataObject {
	const entries = (transaction.entries as IDataObject[] | undefined) ?? [];
	const main = entries.find((entry) => entry.isMain) ?? entries[0];
	const other = entries.find((entry) => entry !== main);
	const categoryName = (entry: IDataObject | undefined) => ((entry?.category as IDataObject | undefined)?.name as string | undefined) ?? null;
	return {
		_id: transaction._id,
		transactionDate: transaction.transactionDate,
		totalAmount: transaction.totalAmount,
		currency: transaction.currency,
		direction: main ? (main.type === 'DEBIT' ? 'in' : 'out') : null,
		counterparty: (transaction.counterParty as IDataObject | undefined)?.accountName ?? null,
		account: (transaction.account as IDataObject | undefined)?.accountName ?? null,
		category: categoryName(other),
		refNo: transaction.refNo ?? null,
		isReconciled: transaction.isReconciled,
	};
}
