import { API_GUESSES } from '../../nodes/Bookeeping/apiGuesses';
import type { Sandbox } from '../../sandbox/server';
import { byId, runInvoice, sentTo, startSandbox } from './invoiceTestKit';

describe('Invoice → Cancel', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it.each(['SENT', 'OVERDUE'] as const)('cancels a %s invoice with the reason in the body', async (status) => {
		const id = sandbox.addInvoice(status);

		const result = await runInvoice(sandbox, 'cancel', { invoiceId: byId(id), reason: 'Deal lost' });

		const [request] = sentTo(sandbox, API_GUESSES.cancelInvoice.method, '/v1/invoices');
		expect(request.path).toBe(`/public-api${API_GUESSES.cancelInvoice.path(id)}`);
		expect(request.body).toEqual({ [API_GUESSES.cancelInvoice.reasonField]: 'Deal lost' });
		expect(result.success[0].json).toMatchObject({ _id: id, status: 'CANCELLED', cancellationReason: 'Deal lost' });
	});

	it.each(['DRAFT', 'PAID', 'CANCELLED'] as const)('explains the 409 for a %s invoice', async (status) => {
		const id = sandbox.addInvoice(status);

		const result = await runInvoice(sandbox, 'cancel', { invoiceId: byId(id), reason: 'Deal lost' }, [{}], 'continueErrorOutput');

		expect(result.errorOutput[0].json.message).toBe(
			`Invoice ${id} cannot be cancelled: only sent or overdue invoices can be. Delete a draft instead (Invoice > Delete); a paid or cancelled invoice stays as it is.`,
		);
		expect(result.errorOutput[0].json.error).toMatchObject({ statusCode: 409 });
	});

	it('refuses an empty reason before sending', async () => {
		const id = sandbox.addInvoice('SENT');

		const result = await runInvoice(sandbox, 'cancel', { invoiceId: byId(id), reason: '={{ $json.why }}' }, [{}], 'continueErrorOutput');

		expect(result.errorOutput[0].json.message).toMatch(/^Invalid Reason in item 0: an empty value/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
