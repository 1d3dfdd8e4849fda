import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

import { accountBalance } from '../../../sandbox/routes/accountBalance';
import { SEED_IDS } from '../../../sandbox/seed';
import { itemsOn } from '../executionOutput';
import { loadExample, withTriggerReplacedByItems } from '../workflows';
import { assertValues } from './itemExpectations';
import { successfulExecution, type Scenario } from './scenario';

export const CASH_REPORT_EXAMPLE = 'daily-cash-report.json';

const ACCOUNTS = 'Get bank accounts';
const BALANCE = 'Get balance';
const REPORT = 'Cash report';

const money = (amount: number, currency: string) =>
	`${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** Example "daily cash report", its Schedule trigger replaced by one run, against the seeded accounts. */
export function dailyCashReportScenario(): Scenario {
	return {
		title: 'Example "daily cash report" (Schedule replaced by one run; the two seeded bank accounts)',
		workflow: withTriggerReplacedByItems(loadExample(CASH_REPORT_EXAMPLE), 'n8n-nodes-base.scheduleTrigger', [{}], 'E2eDailyCashReport'),
		seed() {
			// The sandbox's own seed: two bank accounts, their opening balances and a few months of transactions.
		},
		verify(run, report) {
			const execution = successfulExecution(run, report);
			if (!execution) return;
			const store = run.sandbox.store;
			const expected = [SEED_IDS.operatingAccount, SEED_IDS.savingsAccount].map((id) => accountBalance(store, store.accounts.get(id)!));
			report.check(`"${ACCOUNTS}" emits both bank accounts`, () => {
				assertValues(itemsOn(execution, ACCOUNTS), '_id', [SEED_IDS.operatingAccount, SEED_IDS.savingsAccount]);
			});
			report.check(`"${BALANCE}" emits one { account, institutionBalance, accountingBalance } per account, as the sandbox computes it`, () => {
				const balances = itemsOn(execution, BALANCE);
				assert.deepEqual(balances.map((balance) => Object.keys(balance).sort()), [0, 1].map(() => ['account', 'accountingBalance', 'institutionBalance']));
				assert.deepEqual(JSON.parse(JSON.stringify(balances)), JSON.parse(JSON.stringify(expected)));
				assert.equal(balances[1].institutionBalance, null, 'the savings account has no bank figure');
			});
			report.check(`"${REPORT}" emits one readable summary with both accounts and the total`, () => {
				const [summary] = itemsOn(execution, REPORT);
				const [operating, savings] = expected;
				const books = operating.accountingBalance.endingBalance;
				const bank = operating.institutionBalance!.endingBalance;
				const text = String(summary.text);
				assert.ok(
					text.includes(`Operating (****4521): ${money(books, 'USD')} in the books, ${money(bank, 'USD')} at the bank (difference ${money(Math.round((bank - books) * 100) / 100, 'USD')})`),
					text,
				);
				assert.ok(text.includes(`Reserve (****8830): ${money(savings.accountingBalance.endingBalance, 'USD')} in the books, no bank figure`), text);
				assert.ok(text.includes(`Total in the books: ${money(books + savings.accountingBalance.endingBalance, 'USD')}`), text);
				assert.deepEqual((summary.accounts as IDataObject[]).map((line) => line.account), ['Operating', 'Reserve']);
			});
			report.check('sandbox: one account list (250 a page), then one balance read per account', () => {
				const seen = run.requests.map((request) => `${request.method} ${request.path.replace('/public-api', '')} ${request.status}`);
				assert.equal(seen[0], 'GET /v1/accounts 200');
				assert.equal(run.requests[0].query.limit, '250');
				// The node sends the balance reads of both items at once, so they may arrive in either order.
				assert.deepEqual(seen.slice(1).sort(), [
					`GET /v1/accounts/${SEED_IDS.operatingAccount}/balance 200`,
					`GET /v1/accounts/${SEED_IDS.savingsAccount}/balance 200`,
				]);
			});
		},
	};
}
