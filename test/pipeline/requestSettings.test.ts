import type { Sandbox } from '../../sandbox/server';
import { deleteInvoiceParameters, sandboxCredential, startSandbox } from '../engine/fixtures';
import { runBookeeping } from '../engine/runWorkflow';

describe('Options set by expressions are checked', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());

	it.each([
		['Max Wait (Seconds)', { maxWaitSeconds: '={{ "abc" }}' }, /^Invalid option Max Wait \(Seconds\) in item 0: "abc"\. Max Wait \(Seconds\) must be a number of seconds, 0 or more\./],
		['Max Wait (Seconds)', { maxWaitSeconds: '={{ "" }}' }, /^Invalid option Max Wait \(Seconds\) in item 0: an empty value/],
		['Max Wait (Seconds)', { maxWaitSeconds: '={{ -5 }}' }, /^Invalid option Max Wait \(Seconds\) in item 0: number -5/],
		['Include Rate Limit Info', { includeRateLimitInfo: '={{ "maybe" }}' }, /^Invalid option Include Rate Limit Info in item 0: "maybe"\. Include Rate Limit Info must be true or false\./],
		['Rate Limit Handling', { rateLimitHandling: '={{ "later" }}' }, /^Invalid option Rate Limit Handling in item 0: "later"/],
	])('refuses a bad %s without a request', async (_label, options, message) => {
		const id = sandbox.addInvoice('DRAFT');
		const before = sandbox.requests.length;

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters({ options }),
			credential: sandboxCredential(sandbox),
			onError: 'continueErrorOutput',
		});

		expect(result.errorOutput[0].json.message).toMatch(message);
		expect(sandbox.requests.length).toBe(before);
	});

	it.each([
		['"false"', '={{ "false" }}', false],
		['"true"', '={{ "true" }}', true],
		['"40"', '={{ "40" }}', false],
	])('reads %s from an expression as the user meant it', async (_label, value, included) => {
		const id = sandbox.addInvoice('DRAFT');
		const options = value === '={{ "40" }}' ? { maxWaitSeconds: value } : { includeRateLimitInfo: value };

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters({ options }),
			credential: sandboxCredential(sandbox),
		});

		expect(result.error).toBeUndefined();
		expect('rateLimit' in result.success[0].json).toBe(included);
	});
});

describe('The credential', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());

	it('is read by the node once per run, not once per item', async () => {
		const items = Array.from({ length: 6 }, () => ({ invoiceId: sandbox.addInvoice('DRAFT') }));

		const result = await runBookeeping({ items, parameters: deleteInvoiceParameters(), credential: sandboxCredential(sandbox) });

		expect(result.error).toBeUndefined();
		// n8n reads it once for the run and once for each request it authenticates; the node adds one read.
		expect(result.credentialReads).toBe(1 + items.length + 1);
	});

	it('never quotes a Base URL back, in case a key was pasted there', async () => {
		const pasted = 'sk_live_pasted_in_the_wrong_field';

		const result = await runBookeeping({
			items: [{ invoiceId: 'a'.repeat(24) }],
			parameters: deleteInvoiceParameters(),
			credential: { apiKey: 'sk_test', region: 'custom', baseUrl: pasted },
			onError: 'continueErrorOutput',
		});

		expect(result.errorOutput[0].json.message).toMatch(/^The Bookeeping credential's Base URL is not a URL\./);
		expect(JSON.stringify(result.run)).not.toContain(pasted);
	});
});
