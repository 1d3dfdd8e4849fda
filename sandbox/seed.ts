import { bookTransaction } from './routes/transactions';
import type { ApiRecord, SandboxStore } from './store';

/** Fixed ids, so examples, the demo and the README can name them. */
export const SEED_IDS = {
	acme: '65f1c0ffee0123456789c001',
	globex: '65f1c0ffee0123456789c002',
	initech: '65f1c0ffee0123456789c003',
	officeSupplies: '65f1c0ffee0123456789c101',
	salesCategory: '65f1c0ffee0123456789d001',
	consultingIncome: '65f1c0ffee0123456789d002',
	officeExpenses: '65f1c0ffee0123456789d003',
	operatingAccount: '65f1c0ffee0123456789e001',
	savingsAccount: '65f1c0ffee0123456789e002',
	checkingLedger: '65f1c0ffee0123456789d004',
	savingsLedger: '65f1c0ffee0123456789d005',
	bankFees: '65f1c0ffee0123456789d006',
	interestIncome: '65f1c0ffee0123456789d007',
	salesTaxPayable: '65f1c0ffee0123456789d008',
	ownersEquity: '65f1c0ffee0123456789d009',
	acmePayment: '65f1c0ffee0123456789f001',
	suppliesPurchase: '65f1c0ffee0123456789f002',
	globexPayment: '65f1c0ffee0123456789f003',
	bankFee: '65f1c0ffee0123456789f004',
	savingsInterest: '65f1c0ffee0123456789f005',
};

/** A day of a month `monthsAgo` before the clock's month, at noon UTC. */
function dayOfMonth(store: SandboxStore, monthsAgo: number, day: number): string {
	const now = new Date(store.now());
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, 12)).toISOString();
}

/** A bank movement: the account's ledger category is the money side (isMain), `category` the other side. */
function payment(
	store: SandboxStore,
	id: string,
	fields: { date: string; amount: number; moneyIn: boolean; ledger: string; category: string; account: string; counterParty?: string; refNo?: string; paymentMethod: string; note: string; isReconciled?: boolean },
): void {
	const [bankSide, otherSide] = fields.moneyIn ? ['DEBIT', 'CREDIT'] : ['CREDIT', 'DEBIT'];
	bookTransaction(
		store,
		{
			transactionDate: fields.date,
			currency: 'USD',
			totalAmount: fields.amount,
			paymentMethod: fields.paymentMethod,
			isReconciled: fields.isReconciled ?? false,
			refNo: fields.refNo ?? null,
			entries: [
				{ amount: fields.amount, type: bankSide, category: fields.ledger, isMain: true, note: fields.note },
				{ amount: fields.amount, type: otherSide, category: fields.category, isMain: false, note: '' },
			],
			account: fields.account,
			...(fields.counterParty ? { counterParty: fields.counterParty } : {}),
		},
		id,
	);
}

/** A few months of bank activity in both accounts, so balances move month by month. */
function seedTransactions(store: SandboxStore): void {
	const month = (monthsAgo: number) => dayOfMonth(store, monthsAgo, 1).slice(0, 7);
	store.openingBalances.set(SEED_IDS.operatingAccount.toLowerCase(), { currency: 'USD', month: month(2), startingBalance: 12500, institutionBalance: 19004.6 });
	store.openingBalances.set(SEED_IDS.savingsAccount.toLowerCase(), { currency: 'USD', month: month(2), startingBalance: 50000, institutionBalance: null });
	const operating = { account: SEED_IDS.operatingAccount, ledger: SEED_IDS.checkingLedger };
	payment(store, SEED_IDS.acmePayment, { ...operating, date: dayOfMonth(store, 2, 5), amount: 4800, moneyIn: true, category: SEED_IDS.salesCategory, counterParty: SEED_IDS.acme, refNo: 'PAY-1001', paymentMethod: 'BANK_TRANSFER', note: 'Acme Corp, INV-0998', isReconciled: true });
	payment(store, SEED_IDS.suppliesPurchase, { ...operating, date: dayOfMonth(store, 2, 12), amount: 320.4, moneyIn: false, category: SEED_IDS.officeExpenses, counterParty: SEED_IDS.officeSupplies, paymentMethod: 'CARD', note: 'Paper and toner', isReconciled: true });
	payment(store, SEED_IDS.globexPayment, { ...operating, date: dayOfMonth(store, 1, 3), amount: 2150, moneyIn: true, category: SEED_IDS.consultingIncome, counterParty: SEED_IDS.globex, refNo: 'PAY-1002', paymentMethod: 'BANK_TRANSFER', note: 'Globex, INV-0999' });
	payment(store, SEED_IDS.bankFee, { ...operating, date: dayOfMonth(store, 1, 20), amount: 25, moneyIn: false, category: SEED_IDS.bankFees, paymentMethod: 'OTHER', note: 'Monthly account fee' });
	payment(store, SEED_IDS.savingsInterest, { account: SEED_IDS.savingsAccount, ledger: SEED_IDS.savingsLedger, date: dayOfMonth(store, 0, 1), amount: 41.67, moneyIn: true, category: SEED_IDS.interestIncome, paymentMethod: 'BANK_TRANSFER', note: 'Interest' });
}

function counterparty(store: SandboxStore, id: string, accountName: string, type: string, email: string, city: string): ApiRecord {
	return store.insert(
		store.counterparties,
		{
			accountName,
			accountNumber: `AC-${id.slice(-4)}`,
			email,
			phone: '+1 555 0100',
			otherEmails: [],
			type,
			taxId: null,
			address: { city, country: 'US', state: 'CA' },
		},
		id,
	);
}

/**
 * Customers, a vendor, a small chart of categories (SYSTEM rows and one of the user's), two bank
 * accounts with opening balances, and a few months of transactions.
 */
export function seedDirectory(store: SandboxStore): void {
	counterparty(store, SEED_IDS.acme, 'Acme Corp', 'customer', 'billing@acme.example', 'San Francisco');
	counterparty(store, SEED_IDS.globex, 'Globex', 'customer', 'ap@globex.example', 'Springfield');
	counterparty(store, SEED_IDS.initech, 'Initech', 'both', 'finance@initech.example', 'Austin');
	counterparty(store, SEED_IDS.officeSupplies, 'Paper Street Supplies', 'vendor', 'orders@paperstreet.example', 'Wilmington');
	const category = (id: string, name: string, parentCategory: string, emoji: string, createdBy: string, number: number) =>
		store.insert(store.categories, { name, emoji, parentCategory, isArchived: false, number, group: null, createdBy }, id);
	category(SEED_IDS.salesCategory, 'Sales', 'SALES', '💰', 'SYSTEM', 4000);
	category(SEED_IDS.consultingIncome, 'Consulting Income', 'INCOME', '🧠', 'USER', 4100);
	category(SEED_IDS.officeExpenses, 'Office Expenses', 'EXPENSE', '📎', 'SYSTEM', 6100);
	category(SEED_IDS.checkingLedger, 'Business Checking', 'CURRENT_ASSET', '🏦', 'SYSTEM', 1010);
	category(SEED_IDS.savingsLedger, 'Business Savings', 'CURRENT_ASSET', '🐖', 'SYSTEM', 1020);
	category(SEED_IDS.bankFees, 'Bank Fees', 'EXPENSE', '🧾', 'SYSTEM', 6200);
	category(SEED_IDS.interestIncome, 'Interest Income', 'OTHER_INCOME', '📈', 'SYSTEM', 4200);
	category(SEED_IDS.salesTaxPayable, 'Sales Tax Payable', 'TAX_PAYABLE', '🏛️', 'SYSTEM', 2200);
	category(SEED_IDS.ownersEquity, "Owner's Equity", 'EQUITY', '👤', 'SYSTEM', 3000);
	const account = (id: string, accountName: string, nickName: string, accountNumber: string) =>
		store.insert(store.accounts, { accountType: 'Depository', accountName, accountNumber, nickName }, id);
	account(SEED_IDS.operatingAccount, 'Business Checking', 'Operating', '****4521');
	account(SEED_IDS.savingsAccount, 'Business Savings', 'Reserve', '****8830');
	seedTransactions(store);
}
