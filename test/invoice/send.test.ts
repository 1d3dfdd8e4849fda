import type { Sandbox } from '../../sandbox/server';
import { fromList, runInvoice, sentTo, startSandbox } from './invoiceTestKit';

describe('Invoice → Send', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends POST /v1/invoices/{id}/send and outputs the invoice, now SENT', async () => {
		const id = sandbox.addInvoice('DRAFT');

		const result = await runInvoice(sandbox, 'send', { invoiceId: fromList(id) }, [{ deal: 'won' }]);

		expect(sentTo(sandbox, 'POST', '/v1/invoices').map((request) => request.path)).toEqual([`/public-api/v1/invoices/${id}/send`]);
		expect(result.success.map((item) => [item.json._id, item.json.status, item.pairedItem])).toEqual([[id, 'SENT', { item: 0 }]]);
		expect(sandbox.invoices.get(id)?.status).toBe('SENT');
	});

	it('explains a 409: only drafts can be sent', async () => {
		const id = sandbox.addInvoice('SENT');

		const result = await runInvoice(sandbox, 'send', { invoiceId: '={{ $json.invoiceId }}' }, [{ invoiceId: id, deal: 'won' }], 'continueErrorOutput');

		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].json).toMatchObject({
			deal: 'won',
			message: `Invoice ${id} is not a draft, so it cannot be sent. It was probably sent already; only drafts can be sent.`,
			error: { statusCode: 409, invoiceId: id, apiError: 'ConflictError', apiMessage: 'Only invoices in draft status can be sent' },
		});
	});

	it('refuses an invalid Invoice ID without a request', async () => {
		const result = await runInvoice(sandbox, 'send', { invoiceId: '={{ $json.invoiceId }}' }, [{ invoiceId: 'INV-0042' }]);

		expect(result.error?.message).toMatch(/^Invalid Invoice ID in item 0: "INV-0042" \(not an id\)/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
