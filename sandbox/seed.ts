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
};

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

/** Customers, a vendor, a small chart of categories and two bank accounts: enough to try every invoice operation. */
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
	const account = (id: string, accountName: string, nickName: string, accountNumber: string) =>
		store.insert(store.accounts, { accountType: 'Depository', accountName, accountNumber, nickName }, id);
	account(SEED_IDS.operatingAccount, 'Business Checking', 'Operating', '****4521');
	account(SEED_IDS.savingsAccount, 'Business Savings', 'Reserve', '****8830');
}
