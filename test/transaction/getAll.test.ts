import { bookTransaction } from '../../sandbox/routes/transactions';
import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const getAll = (extra: Record<string, unknown> = {}) => ({ resource: 'transaction', operation: 'getAll', ...extra });

/** The sandbox clock: mid-March 2026, so the seed's transactions fall in January to March. */
const NOW = Date.UTC(2026, 2, 15, 9);

function addTransactions(sandbox: Sandbox, count: number): void {
	for (let index = 0; index < count; index++) {
		bookTransaction(sandbox.store, {
			transactionDate: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
			currency: 'USD',
			totalAmount: 10 + index,
			account: SEED_IDS.savingsAccount,
			entries: [
				{ amount: 10 + index, type: 'DEBIT', category: SEED_IDS.savingsLedger, isMain: true },
				{ amount: 10 + index, type: 'CREDIT', category: SEED_IDS.interestIncome },
			],
		});
	}
}

describe('Transaction → Get Many', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ now: () => NOW });
	});
	afterEach(async () => await sandbox.stop());

	it('sends the documented and the guessed filter names, sorted by transaction date, and simplifies each transaction', async () => {
		const result = await runOperation(
			sandbox,
			getAll({
				returnAll: true,
				filters: {
					counterpartyIds: ` ${SEED_IDS.acme}, ${SEED_IDS.globex} `,
					accountIds: SEED_IDS.operatingAccount,
					startDate: '2026-01-01T00:00:00Z',
					endDate: '2026-02-28T23:59:59Z',
					minAmount: 100,
					mainCategories: ['SALES', 'INCOME'],
				},
				sort: { sortKey: 'transactionDate', sortOrder: '-1' },
			}),
		);

		expect(result.requests.map(wire)).toEqual([
			{
				method: 'GET',
				path: '/public-api/v1/transactions',
				query: {
					counterparties: `${SEED_IDS.acme},${SEED_IDS.globex}`,
					accounts: SEED_IDS.operatingAccount,
					startDate: '2026-01-01T00:00:00.000Z',
					endDate: '2026-02-28T23:59:59.000Z',
					minAmount: '100',
					mainCategories: 'SALES,INCOME',
					sortKey: 'transactionDate',
					sortOrder: '-1',
					page: '1',
					limit: '250',
				},
				body: {},
			},
		]);
		expect(jsonOf(result.success)).toEqual([
			{
				_id: SEED_IDS.globexPayment,
				transactionDate: '2026-02-03T12:00:00.000Z',
				totalAmount: 2150,
				currency: 'USD',
				direction: 'in',
				counterparty: 'Globex',
				account: 'Business Checking',
				category: 'Consulting Income',
				refNo: 'PAY-1002',
				isReconciled: false,
			},
			expect.objectContaining({ _id: SEED_IDS.acmePayment, category: 'Sales', direction: 'in', isReconciled: true }),
		]);
	});

	it('sends the other guessed filters, and outputs whole transactions with Simplify off', async () => {
		const result = await runOperation(
			sandbox,
			getAll({
				limit: 10,
				simplify: false,
				filters: {
					categoryIds: SEED_IDS.officeExpenses,
					classIds: SEED_IDS.officeExpenses,
					excludedCategoryIds: SEED_IDS.salesCategory,
					excludedMainCategories: ['TAX'],
					maxAmount: 500,
				},
			}),
		);

		expect(result.requests[0].query).toEqual({
			categories: SEED_IDS.officeExpenses,
			classes: SEED_IDS.officeExpenses,
			excludedCategories: SEED_IDS.salesCategory,
			excludedMainCategories: 'TAX',
			maxAmount: '500',
			sortKey: '_id',
			sortOrder: '1',
			page: '1',
			limit: '10',
		});
		// No seeded transaction has a class, so the class filter leaves none.
		expect(result.success).toEqual([]);

		const expenses = await runOperation(sandbox, getAll({ limit: 10, simplify: false, filters: { categoryIds: SEED_IDS.officeExpenses } }));
		expect(jsonOf(expenses.success)).toEqual([sandbox.store.transactions.get(SEED_IDS.suppliesPurchase)]);
	});

	it.each([
		['Counterparty IDs', 'counterpartyIds', `${SEED_IDS.acme}, Acme Corp`, '"Acme Corp" is not a 24-character hexadecimal ID'],
		['Account IDs', 'accountIds', 'checking', '"checking" is not a 24-character hexadecimal ID'],
		['Start Date', 'startDate', 'last monday', 'not an ISO 8601 date'],
	])('refuses a malformed %s filter before sending, naming the item and the field', async (label, name, value, problem) => {
		const result = await runOperation(sandbox, getAll({ filters: { [name]: value } }), { onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ message: `Invalid ${label} in item 0: "${value}" (${problem}). Check ${label}.`, error: expect.objectContaining({ field: `filters.${name}` }) },
		]);
	});

	it('reads more than 250 transactions with Return All and with a limit over 250', async () => {
		addTransactions(sandbox, 270);
		const total = sandbox.store.transactions.size;

		const all = await runOperation(sandbox, getAll({ returnAll: true, sort: { sortKey: 'transactionDate' } }));
		const limited = await runOperation(sandbox, getAll({ limit: 255, filters: { accountIds: SEED_IDS.savingsAccount } }));

		expect(all.success).toHaveLength(total);
		expect(all.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '250'],
			['2', '250'],
		]);
		const dates = jsonOf(all.success).map((transaction) => String(transaction.transactionDate));
		expect(dates).toEqual([...dates].sort());
		expect(limited.success).toHaveLength(255);
		expect(jsonOf(limited.success).every((transaction) => transaction.account === 'Business Savings')).toBe(true);
	});
});

describe('Transaction → Get Many, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('fails the run under Stop Workflow when a later page meets a 429', async () => {
		addTransactions(sandbox, 260);

		const result = await runOperation(sandbox, getAll({ returnAll: true, options: FAIL_ON_429 }));

		expect(result.requests.map((request) => request.status)).toEqual([200, 429]);
		expect(result.error?.message).toMatch(perMinuteMessage('read', 'get transactions'));
	});
});
