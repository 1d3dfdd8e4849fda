import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const update = (updateFields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	resource: 'transaction',
	operation: 'update',
	transactionId: '={{ $json.transactionId }}',
	updateFields,
	...extra,
});

const feeEntries = (amount: number) =>
	JSON.stringify([
		{ amount, type: 'CREDIT', category: SEED_IDS.checkingLedger, isMain: true },
		{ amount, type: 'DEBIT', category: SEED_IDS.officeExpenses },
	]);

describe('Transaction → Update', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends PATCH /v1/transactions/{id} with only the fields to change and outputs the updated transaction', async () => {
		const result = await runOperation(sandbox, update({ isReconciled: true, refNo: 'FEE-11', counterpartyId: byId(SEED_IDS.officeSupplies) }), {
			items: [{ transactionId: SEED_IDS.bankFee }],
		});

		expect(result.requests.map(wire)).toEqual([
			{ method: 'PATCH', path: `/public-api/v1/transactions/${SEED_IDS.bankFee}`, query: {}, body: { isReconciled: true, refNo: 'FEE-11', counterParty: SEED_IDS.officeSupplies } },
		]);
		expect(jsonOf(result.success)).toEqual([
			expect.objectContaining({ _id: SEED_IDS.bankFee, isReconciled: true, refNo: 'FEE-11', totalAmount: 25, counterParty: expect.objectContaining({ accountName: 'Paper Street Supplies' }) }),
		]);
	});

	it('moves the amount with new entries that balance with the new Total Amount', async () => {
		const result = await runOperation(sandbox, update({ totalAmount: 30, entries: feeEntries(30) }), { items: [{ transactionId: SEED_IDS.bankFee }] });

		expect(result.requests[0].body).toEqual({
			totalAmount: 30,
			entries: [
				{ amount: 30, type: 'CREDIT', category: SEED_IDS.checkingLedger, isMain: true },
				{ amount: 30, type: 'DEBIT', category: SEED_IDS.officeExpenses },
			],
		});
		expect(result.success[0].json).toMatchObject({ totalAmount: 30, entries: [expect.objectContaining({ amount: 30 }), expect.objectContaining({ category: expect.objectContaining({ name: 'Office Expenses' }) })] });
	});

	it.each([
		['an empty Update Fields', {}, 'Item 0 cannot be sent: Update Fields is empty. Add at least one field to change (Update Fields > Add Field).'],
		[
			'a Total Amount without Entries',
			{ totalAmount: 30 },
			'Item 0 cannot be sent: Total Amount is changed without Entries. Set Entries too (Update Fields > Entries), so that debits and credits equal the new Total Amount.',
		],
		[
			'entries that do not balance',
			{ entries: JSON.stringify([{ amount: 30, type: 'CREDIT', category: SEED_IDS.checkingLedger, isMain: true }, { amount: 25, type: 'DEBIT', category: SEED_IDS.bankFees }]) },
			'Item 0 cannot be sent: Entries do not balance: debits add up to 25 and credits to 30. Debits must equal credits.',
		],
		['a currency that is not a code', { currency: 'dollars' }, 'Invalid Currency in item 0: "dollars" (not a three-letter currency code). Check Currency.'],
	])('refuses %s before sending', async (_name, updateFields, message) => {
		const result = await runOperation(sandbox, update(updateFields), { items: [{ transactionId: SEED_IDS.bankFee }], onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([expect.objectContaining({ message })]);
	});

	it.each([
		['Transaction ID', 'transactionId', { transactionId: 'FEE-11' }, '"FEE-11"'],
		['Account ID', 'updateFields.accountId', { transactionId: SEED_IDS.bankFee, account: 'savings' }, '"savings"'],
	])('refuses a malformed %s before sending, naming the item and the field', async (label, field, item, shown) => {
		const result = await runOperation(sandbox, update({ isReconciled: true, accountId: '={{ $json.account ?? "" }}' }), {
			items: [{ transactionId: SEED_IDS.bankFee }, item],
			onError: 'continueErrorOutput',
		});

		expect(result.requests.map((request) => request.body)).toEqual([{ isReconciled: true }]);
		expect(result.errorOutput.map((output) => [output.json.message, (output.json.error as { field: string }).field])).toEqual([[invalidIdMessage(label, 1, shown), field]]);
	});

	it('fails the run under Stop Workflow for an unknown transaction (404)', async () => {
		const unknown = '65f1c0ffee0123456789ffff';

		const result = await runOperation(sandbox, update({ isReconciled: true }), { items: [{ transactionId: unknown }] });

		expect(result.error?.message).toBe(`Transaction ${unknown} was not found. Check the id, and that the credential's Region is your account's region.`);
	});
});

describe('Transaction → Update, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('write'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output', async () => {
		const result = await runOperation(sandbox, update({ isReconciled: true }, { options: FAIL_ON_429 }), {
			items: [{ transactionId: SEED_IDS.bankFee }, { transactionId: SEED_IDS.globexPayment }],
			onError: 'continueErrorOutput',
		});

		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		expect(refused.message).toMatch(perMinuteMessage('write', `update transaction ${String(refused.transactionId)}`));
	});
});
