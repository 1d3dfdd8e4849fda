import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const DATE = '2026-11-30T10:00:00.000Z';

const entries = (debit: number, credit = debit) =>
	JSON.stringify([
		{ amount: debit, type: 'debit', category: SEED_IDS.checkingLedger, isMain: true, note: 'Deposit' },
		{ amount: credit, type: 'CREDIT', category: SEED_IDS.salesCategory, isMain: false },
	]);

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'transaction',
	operation: 'create',
	transactionDate: DATE,
	currency: 'usd',
	totalAmount: '={{ $json.amount }}',
	entries: '={{ $json.entries }}',
	additionalFields: { accountId: byId(SEED_IDS.operatingAccount) },
	...extra,
});

const DUPLICATE =
	'Bookeeping.ai refused the transaction as a duplicate (409): it already has a transaction with the same Transaction Date, Total Amount, Currency and Account ID. If this is a second, real transaction, turn on Options > Create Even If Duplicate: it sends it anyway.';

describe('Transaction → Create', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends POST /v1/transactions with the checked entries and outputs data.transaction', async () => {
		const result = await runOperation(
			sandbox,
			create({
				additionalFields: {
					accountId: byId(SEED_IDS.operatingAccount),
					counterpartyId: SEED_IDS.acme,
					refNo: 'PAY-2001',
					paymentMethod: 'CHEQUE',
					isReconciled: true,
				},
			}),
			{ items: [{ amount: 120, entries: entries(120) }] },
		);

		expect(result.error).toBeUndefined();
		expect(result.requests.map(wire)).toEqual([
			{
				method: 'POST',
				path: '/public-api/v1/transactions',
				query: {},
				body: {
					transactionDate: DATE,
					currency: 'USD',
					totalAmount: 120,
					entries: [
						{ amount: 120, type: 'DEBIT', category: SEED_IDS.checkingLedger, isMain: true, note: 'Deposit' },
						{ amount: 120, type: 'CREDIT', category: SEED_IDS.salesCategory, isMain: false },
					],
					account: SEED_IDS.operatingAccount,
					counterParty: SEED_IDS.acme,
					refNo: 'PAY-2001',
					paymentMethod: 'CHEQUE',
					isReconciled: true,
				},
			},
		]);
		const [transaction] = jsonOf(result.success);
		expect(transaction).toMatchObject({
			_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			totalAmount: 120,
			account: { _id: SEED_IDS.operatingAccount, accountName: 'Business Checking' },
			counterParty: { _id: SEED_IDS.acme, accountName: 'Acme Corp' },
			entries: [expect.objectContaining({ type: 'DEBIT', category: expect.objectContaining({ name: 'Business Checking' }) }), expect.objectContaining({ type: 'CREDIT' })],
		});
		expect(sandbox.store.transactions.has(String(transaction._id))).toBe(true);
	});

	it('balances amounts in cents (0.1 + 0.2 is 0.3)', async () => {
		const split = JSON.stringify([
			{ amount: 0.3, type: 'DEBIT', category: SEED_IDS.checkingLedger, isMain: true },
			{ amount: 0.1, type: 'CREDIT', category: SEED_IDS.salesCategory },
			{ amount: 0.2, type: 'CREDIT', category: SEED_IDS.consultingIncome },
		]);

		const result = await runOperation(sandbox, create(), { items: [{ amount: 0.3, entries: split }] });

		expect(result.error).toBeUndefined();
		expect(result.success).toHaveLength(1);
	});

	it.each([
		[
			'debits that differ from credits',
			{ amount: 120, entries: entries(120, 100) },
			'Item 0 cannot be sent: Entries do not balance with Total Amount 120: debits add up to 120 and credits to 100. Debits must equal credits, and both must equal Total Amount.',
		],
		[
			'entries that balance but not with Total Amount',
			{ amount: 150, entries: entries(120) },
			'Item 0 cannot be sent: Entries do not balance with Total Amount 150: debits add up to 120 and credits to 120. Debits must equal credits, and both must equal Total Amount.',
		],
		[
			'an entry whose category is a name',
			{ amount: 5, entries: JSON.stringify([{ amount: 5, type: 'DEBIT', category: 'Sales' }]) },
			'Invalid Entries in item 0: "[{\\"amount\\":5,\\"type\\":\\"DEBIT\\",\\"category\\":\\"Sales\\"}]" (entry 0 has a category that is not a 24-character hexadecimal category ID). Check Entries.',
		],
		[
			'an entry of another type',
			{ amount: 5, entries: JSON.stringify([{ amount: 5, type: 'IN', category: SEED_IDS.salesCategory }]) },
			expect.stringContaining('(entry 0 has a type that is not DEBIT or CREDIT). Check Entries.'),
		],
		[
			'an entry with an unknown key',
			{ amount: 5, entries: JSON.stringify([{ amount: 5, type: 'DEBIT', categoryId: SEED_IDS.salesCategory }]) },
			expect.stringContaining('(entry 0 has "categoryId", which is not one of amount, type, category, isMain, note). Check Entries.'),
		],
		['entries that are not JSON', { amount: 5, entries: '[{amount: 5}' }, 'Invalid Entries in item 0: "[{amount: 5}" (text that is not valid JSON). Check Entries.'],
		['a Total Amount of 0', { amount: 0, entries: entries(120) }, 'Invalid Total Amount in item 0: number 0 (not an amount over 0). Check Total Amount.'],
	])('refuses %s before sending', async (_name, item, message) => {
		const result = await runOperation(sandbox, create(), { items: [item], onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([expect.objectContaining({ message, error: expect.objectContaining({ description: expect.stringContaining('No request was sent') }) })]);
	});

	it('refuses a malformed Account ID or Counterparty ID before sending, naming the item and the field', async () => {
		const result = await runOperation(sandbox, create({ additionalFields: { accountId: '={{ $json.account }}', counterpartyId: '={{ $json.customer }}' } }), {
			items: [
				{ amount: 120, entries: entries(120), account: 'checking', customer: SEED_IDS.acme },
				{ amount: 120, entries: entries(120), account: SEED_IDS.operatingAccount, customer: 'Acme Corp' },
			],
			onError: 'continueErrorOutput',
		});

		expect(result.requests).toEqual([]);
		expect(result.errorOutput.map((item) => [item.json.message, (item.json.error as { field: string }).field])).toEqual([
			[invalidIdMessage('Account ID', 0, '"checking"'), 'additionalFields.accountId'],
			[invalidIdMessage('Counterparty ID', 1, '"Acme Corp"'), 'additionalFields.counterpartyId'],
		]);
	});

	it('gives a duplicate (409) its own message, and sends it anyway with Create Even If Duplicate (?force=true)', async () => {
		const item = { amount: 120, entries: entries(120) };
		await runOperation(sandbox, create(), { items: [item] });

		const refused = await runOperation(sandbox, create(), { items: [item], onError: 'continueErrorOutput' });
		const forced = await runOperation(sandbox, create({ options: { createEvenIfDuplicate: true } }), { items: [item] });

		expect(refused.requests.map((request) => [request.status, request.query])).toEqual([[409, {}]]);
		expect(jsonOf(refused.errorOutput)).toEqual([
			{ ...item, message: DUPLICATE, error: expect.objectContaining({ statusCode: 409, apiError: 'ConflictError', description: expect.stringContaining('Create Even If Duplicate') }) },
		]);
		expect(forced.requests.map((request) => [request.status, request.query])).toEqual([[200, { force: 'true' }]]);
		expect(forced.success).toHaveLength(1);
		expect([...sandbox.store.transactions.values()].filter((transaction) => transaction.transactionDate === DATE)).toHaveLength(2);
	});

	it('fails the run under Stop Workflow with the duplicate message', async () => {
		const item = { amount: 120, entries: entries(120) };
		await runOperation(sandbox, create(), { items: [item] });

		const result = await runOperation(sandbox, create(), { items: [item, { amount: 5, entries: entries(5) }] });

		expect(result.error?.message).toBe(DUPLICATE);
		expect(result.success).toEqual([]);
	});
});

describe('Transaction → Create, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('write'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output', async () => {
		const result = await runOperation(sandbox, create({ options: FAIL_ON_429 }), {
			items: [{ amount: 10, entries: entries(10) }, { amount: 20, entries: entries(20) }],
			onError: 'continueErrorOutput',
		});

		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		expect(refused.message).toMatch(perMinuteMessage('write', 'create the transaction'));
		expect(refused.error).toMatchObject({ statusCode: 429, limit: 'minute' });
	});
});
