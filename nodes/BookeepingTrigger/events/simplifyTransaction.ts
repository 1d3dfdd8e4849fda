import type { IDataObject } from 'n8n-workflow';

/** A transaction's date, reference, amount, parties and reconciliation, as Simplify shows it. */
export function simplifyTransaction(transaction: IDataObject): IDataObject {
	const counterParty = transaction.counterParty as IDataObject | null | undefined;
	const account = transaction.account as IDataObject | null | undefined;
	return {
		_id: transaction._id,
		transactionDate: transaction.transactionDate,
		refNo: transaction.refNo ?? null,
		totalAmount: transaction.totalAmount,
		currency: transaction.currency,
		counterparty: counterParty?.accountName ?? null,
		account: account?.accountName ?? null,
		isReconciled: transaction.isReconciled,
	};
}
