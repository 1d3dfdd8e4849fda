import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';
import { bookTransaction } from '../../sandbox/routes/transactions';

const getBalance = (accountId: unknown = '={{ $json._id }}', extra: Record<string, unknown> = {}) => ({ resource: 'account', operation: 'getBalance', accountId, ...extra });

/** The sandbox clock: the middle of March 2026, so the seed's months are January to March. */
const NOW = Date.UTC(2026, 2, 15, 9);

describe("Account → Get Balance", () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ now: () => NOW });
	});
	afterEach(async () => await sandbox.stop());

	it('sends GET /v1/accounts/{id}/balance and outputs one item { account, institutionBalance, accountingBalance }', async () => {
		const result = await runOperation(sandbox, getBalance(byId(SEED_IDS.operatingAccount)));

		expect(result.requests.map(wire)).toEqual([{ method: 'GET', path: `/public-api/v1/accounts/${SEED_IDS.operatingAccount}/balance`, query: {}, body: {} }]);
		expect(jsonOf(result.success)).toEqual([
			{
				account: sandbox.store.accounts.get(SEED_IDS.operatingAccount),
				institutionBalance: { currency: 'USD', endingBalance: 19004.6 },
				accountingBalance: {
					currency: 'USD',
					endingBalance: 19104.6,
					monthWiseBalance: [
						{ month: '2026-01', startingBalance: 12500, endingBalance: 16979.6, currentBalance: 16979.6 },
						{ month: '2026-02', startingBalance: 16979.6, endingBalance: 19104.6, currentBalance: 19104.6 },
						{ month: '2026-03', startingBalance: 19104.6, endingBalance: 19104.6, currentBalance: 19104.6 },
					],
				},
			},
		]);
	});

	it('gives null for the institution balance the bank does not report, and follows new transactions', async () => {
		bookTransaction(sandbox.store, {
			transactionDate: new Date(NOW).toISOString(),
			currency: 'USD',
			totalAmount: 1000,
			account: SEED_IDS.savingsAccount,
			entries: [
				{ amount: 1000, type: 'CREDIT', category: SEED_IDS.savingsLedger, isMain: true },
				{ amount: 1000, type: 'DEBIT', category: SEED_IDS.ownersEquity },
			],
		});

		const result = await runOperation(sandbox, getBalance(), { items: [{ _id: SEED_IDS.savingsAccount }] });

		const [balance] = jsonOf(result.success);
		expect(balance.institutionBalance).toBeNull();
		expect(balance.accountingBalance).toMatchObject({ endingBalance: 49041.67 });
	});

	it('refuses a malformed id before any request, naming the item and the field', async () => {
		const result = await runOperation(sandbox, getBalance(), { items: [{ _id: SEED_IDS.operatingAccount }, { _id: 'operating' }], onError: 'continueErrorOutput' });

		expect(result.requests).toHaveLength(1);
		expect(jsonOf(result.errorOutput)).toEqual([{ _id: 'operating', message: invalidIdMessage('Account ID', 1, '"operating"'), error: expect.objectContaining({ field: 'accountId' }) }]);
	});

	it('says which account was not found (404) under Stop Workflow', async () => {
		const unknown = '65f1c0ffee0123456789efff';

		const result = await runOperation(sandbox, getBalance(), { items: [{ _id: unknown }] });

		expect(result.error?.message).toBe(`Account ${unknown} was not found. Check the id, and that the credential's Region is your account's region.`);
	});
});

describe("Account → Get Balance, rate limited", () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output, naming the account', async () => {
		const result = await runOperation(sandbox, getBalance(undefined, { options: FAIL_ON_429 }), {
			items: [{ _id: SEED_IDS.operatingAccount }, { _id: SEED_IDS.savingsAccount }],
			onError: 'continueErrorOutput',
		});

		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		expect(refused.message).toMatch(perMinuteMessage('read', `get the balance of account ${String(refused._id)}`));
	});
});
