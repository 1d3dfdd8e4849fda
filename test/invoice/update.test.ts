import type { Sandbox } from '../../sandbox/server';
import { SEED_IDS } from '../../sandbox/seed';
import { byId, runInvoice, sentTo, startSandbox } from './invoiceTestKit';

describe('Invoice → Update', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends PATCH /v1/invoices/{id} with only the fields to change', async () => {
		const id = sandbox.addInvoice('DRAFT');

		const result = await runInvoice(sandbox, 'update', {
			invoiceId: byId(id),
			updateFields: { note: 'Net 30', counterpartyId: byId(SEED_IDS.globex), lineItems: '[{"name": "Audit", "quantity": 1, "price": 900}]' },
		});

		const [request] = sentTo(sandbox, 'PATCH', '/v1/invoices');
		expect(request.path).toBe(`/public-api/v1/invoices/${id}`);
		expect(request.body).toEqual({ note: 'Net 30', counterParty: SEED_IDS.globex, lineItems: [{ name: 'Audit', quantity: 1, price: 900 }] });
		expect(result.success[0].json).toMatchObject({ _id: id, note: 'Net 30', amount: 900, counterParty: { accountName: 'Globex' } });
	});

	it('refuses an empty update before sending', async () => {
		const id = sandbox.addInvoice('DRAFT');

		const result = await runInvoice(sandbox, 'update', { invoiceId: byId(id), updateFields: {} }, [{}], 'continueErrorOutput');

		expect(result.errorOutput[0].json.message).toBe(
			'Item 0 cannot be sent: Update Fields is empty. Add at least one field to change (Update Fields > Add Field).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('explains the 409 for an invoice that is no longer a draft', async () => {
		const id = sandbox.addInvoice('SENT');

		const result = await runInvoice(sandbox, 'update', { invoiceId: byId(id), updateFields: { note: 'x' } }, [{}], 'continueErrorOutput');

		expect(result.errorOutput[0].json.message).toMatch(new RegExp(`^Invoice ${id} cannot be updated in its current status`));
		expect(result.errorOutput[0].json.error).toMatchObject({ statusCode: 409 });
	});
});
