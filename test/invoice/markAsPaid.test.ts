import type { Sandbox } from '../../sandbox/server';
import { SEED_IDS } from '../../sandbox/seed';
import { byId, fromList, runInvoice, sentTo, startSandbox } from './invoiceTestKit';

const payment = {
	categoryId: fromList(SEED_IDS.salesCategory),
	accountId: fromList(SEED_IDS.operatingAccount),
};

describe('Invoice → Mark as Paid', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends the CREATE_TRANSACTION strategy with category, account and the optional fields; the invoice is PAID', async () => {
		const id = sandbox.addInvoice('SENT');

		const result = await runInvoice(sandbox, 'markAsPaid', {
			invoiceId: byId(id),
			...payment,
			additionalFields: { transactionRefNo: 'PAY-42', transactionNote: 'Stripe payout', counterpartyId: byId(SEED_IDS.acme) },
		});

		const [request] = sentTo(sandbox, 'POST', '/v1/invoices');
		expect(request.path).toBe(`/public-api/v1/invoices/${id}/mark-as-paid`);
		expect(request.body).toEqual({
			strategyData: {
				strategy: 'CREATE_TRANSACTION',
				data: {
					category: SEED_IDS.salesCategory,
					account: SEED_IDS.operatingAccount,
					counterParty: SEED_IDS.acme,
					transactionRefNo: 'PAY-42',
					transactionNote: 'Stripe payout',
				},
			},
		});
		expect(result.success[0].json).toMatchObject({ _id: id, status: 'PAID', attachedTransactionId: expect.any(String) });
		expect([...sandbox.store.transactions.values()].filter((transaction) => transaction.source === 'INVOICE')).toHaveLength(1);
	});

	it.each(['PAID', 'CANCELLED'] as const)('explains the 409 for a %s invoice', async (status) => {
		const id = sandbox.addInvoice(status);

		const result = await runInvoice(sandbox, 'markAsPaid', { invoiceId: byId(id), ...payment }, [{ payment: 'P-1' }], 'continueErrorOutput');

		expect(result.errorOutput[0].json).toMatchObject({
			payment: 'P-1',
			message: expect.stringMatching(new RegExp(`^Invoice ${id} cannot be marked as paid: it is already paid or cancelled`)),
			error: { statusCode: 409, invoiceId: id },
		});
	});

	it.each([
		['Category ID', { categoryId: '={{ "sales" }}' }],
		['Account ID', { accountId: '={{ 12 }}' }],
		['Counterparty ID', { additionalFields: { counterpartyId: '={{ "acme" }}' } }],
	])('refuses an invalid %s before sending', async (label, extra) => {
		const id = sandbox.addInvoice('SENT');

		const result = await runInvoice(sandbox, 'markAsPaid', { invoiceId: byId(id), ...payment, ...extra });

		expect(result.error?.message).toMatch(new RegExp(`^Invalid ${label} in item 0: `));
		expect(sandbox.requests).toHaveLength(0);
	});
});
