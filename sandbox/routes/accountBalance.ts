import type { ApiRecord, SandboxStore } from '../store';

const monthOf = (time: number) => new Date(time).toISOString().slice(0, 7);

function nextMonth(month: string): string {
	const [year, index] = month.split('-').map(Number);
	return monthOf(Date.UTC(year, index, 1));
}

const round = (amount: number) => Math.round(amount * 100) / 100;

/** What the money side (the isMain entry) of a transaction in this account did to its balance. */
function movement(transaction: ApiRecord): number {
	const entries = (transaction.entries as Array<{ amount: number; type: string; isMain?: boolean }> | undefined) ?? [];
	const main = entries.find((entry) => entry.isMain);
	if (!main) return 0;
	return main.type === 'DEBIT' ? main.amount : -main.amount;
}

/**
 * `GET /v1/accounts/{id}/balance`: the books' balance month by month from the opening balance
 * and the account's transactions, and the bank's figure when the bank reports one.
 */
export function accountBalance(store: SandboxStore, account: ApiRecord) {
	const opening = store.openingBalances.get(account._id.toLowerCase()) ?? {
		currency: 'USD',
		month: monthOf(store.now()),
		startingBalance: 0,
		institutionBalance: null,
	};
	const transactions = [...store.transactions.values()].filter(
		(transaction) => (transaction.account as { _id?: string } | null)?._id?.toLowerCase() === account._id.toLowerCase(),
	);
	const current = monthOf(store.now());
	const monthWiseBalance = [];
	let balance = opening.startingBalance;
	for (let month = opening.month; month <= current; month = nextMonth(month)) {
		const startingBalance = balance;
		const net = transactions
			.filter((transaction) => monthOf(Date.parse(String(transaction.transactionDate))) === month)
			.reduce((total, transaction) => total + movement(transaction), 0);
		balance = round(balance + net);
		monthWiseBalance.push({ month, startingBalance, endingBalance: balance, currentBalance: balance });
	}
	return {
		account,
		institutionBalance:
			opening.institutionBalance === null ? null : { currency: opening.currency, endingBalance: opening.institutionBalance },
		accountingBalance: { currency: opening.currency, endingBalance: balance, monthWiseBalance },
	};
}
