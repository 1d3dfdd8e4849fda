import { FAULTS } from '../../sandbox/faults';
import type { Sandbox } from '../../sandbox/server';
import { deleteInvoiceParameters, sandboxCredential, startSandbox } from '../engine/fixtures';
import { runBookeeping } from '../engine/runWorkflow';

describe('Stop Workflow runs items as if one after another', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it.each(['waitAndRetry', 'failImmediately'])(
		'with %s: blames the item that failed, and deletes the valid drafts before it',
		async (rateLimitHandling) => {
			const drafts = [sandbox.addInvoice('DRAFT'), sandbox.addInvoice('DRAFT')];

			const result = await runBookeeping({
				items: [...drafts.map((invoiceId) => ({ invoiceId })), { invoiceId: 'INV-0042' }],
				parameters: deleteInvoiceParameters({ options: { rateLimitHandling } }),
				credential: sandboxCredential(sandbox),
			});

			expect(result.error?.message).toMatch(/^Invalid Invoice ID in item 2: "INV-0042"/);
			expect(drafts.every((id) => !sandbox.invoices.has(id))).toBe(true);
			expect(sandbox.requestsTo('DELETE')).toHaveLength(2);
		},
	);

	it('does not send the items after a failed one', async () => {
		const sent = sandbox.addInvoice('SENT');
		const later = [sandbox.addInvoice('DRAFT'), sandbox.addInvoice('DRAFT')];

		const result = await runBookeeping({
			items: [{ invoiceId: sent }, ...later.map((invoiceId) => ({ invoiceId }))],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
		});

		expect(result.error?.message).toMatch(new RegExp(`^Invoice ${sent} is not a draft`));
		expect(later.every((id) => sandbox.invoices.has(id))).toBe(true);
	});

	it('lets n8n\'s Retry On Fail pass on the second try', async () => {
		const id = sandbox.addInvoice('DRAFT');
		sandbox.failNext(FAULTS.unavailableHtml);

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
			nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 },
		});

		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([{ id, deleted: true }]);
		expect(sandbox.requestsTo('DELETE').map((request) => request.status)).toEqual([503, 200]);
	});
});
