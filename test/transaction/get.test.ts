import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const get = (transactionId: unknown = '={{ $json.transactionId }}', extra: Record<string, unknown> = {}) => ({
	resource: 'transaction',
	operation: 'get',
	transactionId,
	...extra,
});

describe('Transaction → Get', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends GET /v1/transactions/{id} and outputs the transaction with its entries', async () => {
		const result = await runOperation(sandbox, get(byId(SEED_IDS.acmePayment)));

		expect(result.requests.map(wire)).toEqual([{ method: 'GET', path: `/public-api/v1/transactions/${SEED_IDS.acmePayment}`, query: {}, body: {} }]);
		expect(jsonOf(result.success)).toEqual([sandbox.store.transactions.get(SEED_IDS.acmePayment)]);
		expect(result.success[0].json).toMatchObject({ totalAmount: 4800, refNo: 'PAY-1001', counterParty: { accountName: 'Acme Corp' } });
	});

	it('refuses a malformed id before any request, naming the item and the field', async () => {
		const result = await runOperation(sandbox, get(), { items: [{ transactionId: 'PAY-1001' }], onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ transactionId: 'PAY-1001', message: invalidIdMessage('Transaction ID', 0, '"PAY-1001"'), error: expect.objectContaining({ field: 'transactionId' }) },
		]);
	});

	it('fails the run under Stop Workflow for an unknown transaction (404)', async () => {
		const unknown = '65f1c0ffee0123456789ffff';

		const result = await runOperation(sandbox, get(), { items: [{ transactionId: unknown }] });

		expect(result.error?.message).toBe(`Transaction ${unknown} was not found. Check the id, and that the credential's Region is your account's region.`);
	});
});

describe('Transaction → Get, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output', async () => {
		const result = await runOperation(sandbox, get(undefined, { options: FAIL_ON_429 }), {
			items: [{ transactionId: SEED_IDS.acmePayment }, { transactionId: SEED_IDS.bankFee }],
			onError: 'continueErrorOutput',
		});

		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		expect(refused.message).toMatch(perMinuteMessage('read', `get transaction ${String(refused.transactionId)}`));
		expect(refused.error).toMatchObject({ statusCode: 429, transactionId: refused.transactionId });
	});
});
