import { FAULTS, type Fault } from '../sandbox/faults';
import type { Sandbox } from '../sandbox/server';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from './engine/fixtures';
import { runBookeeping } from './engine/runWorkflow';

interface Case {
	fault: Fault;
	failImmediately?: boolean;
	statusCode: number | null;
	message: string | RegExp;
	description: string | RegExp;
}

const cases: Record<string, Case> = {
	'404 unknown invoice': { fault: FAULTS.notFound, statusCode: 404, message: /^Invoice \w+ was not found\. Check the id, and that the credential's Region is your account's region\.$/, description: /may have been deleted/ },
	'500 with JSON': { fault: FAULTS.serverError, statusCode: 500, message: /^Bookeeping.ai failed with status 500 while trying to delete invoice \w+\. It may or may not have happened/, description: /may or may not have happened/ },
	'502 with an HTML page': { fault: FAULTS.badGatewayHtml, statusCode: 502, message: /^Bookeeping.ai failed with status 502 with an HTML page instead of JSON \(a gateway or proxy answered\) while trying to delete invoice/, description: /check in Bookeeping.ai before retrying/ },
	'503 with Retry-After': { fault: FAULTS.unavailableRetryAfter, statusCode: 503, message: /^Bookeeping.ai failed with status 503 while/, description: /Bookeeping.ai said: "Try later"/ },
	'409 without a body': { fault: FAULTS.bare409, statusCode: 409, message: /is not a draft, so it cannot be deleted\. Only drafts can be deleted: cancel a sent or overdue invoice instead \(Invoice > Cancel\)\.$/, description: /^Bookeeping.ai only deletes invoices in draft status/ },
	'429 without any header': { fault: FAULTS.bare429, failImmediately: true, statusCode: 429, message: /^Bookeeping.ai's per-minute rate limit was hit, so the node could not delete invoice \w+\. Retry in a minute, or let the node wait/, description: /^To stay under the limit/ },
	'reset connection': { fault: FAULTS.reset, statusCode: null, message: /^The connection to Bookeeping.ai was reset before it answered \(ECONNRESET\); the request to delete invoice \w+ may or may not have been carried out\./, description: /Timeout option/ },
	'200 with malformed JSON': { fault: FAULTS.malformedJson200, statusCode: 200, message: /^Bookeeping.ai answered status 200 with a body that is not the documented JSON to the request to delete invoice/, description: /does not confirm/ },
	'empty 200': { fault: FAULTS.empty200, statusCode: 200, message: /^Bookeeping.ai answered status 200 with an empty body to the request/, description: /does not confirm/ },
	'200 with an HTML page': { fault: FAULTS.html200, statusCode: 200, message: /^Bookeeping.ai answered status 200 with an HTML page to the request to delete invoice \w+\. A proxy may be in the way/, description: /Region or Base URL/ },
	'200 with an unexpected shape': { fault: FAULTS.unexpectedShape200, statusCode: 200, message: /^Bookeeping.ai answered status 200 with a body that is not the documented JSON to the request to delete invoice/, description: /does not confirm/ },
};

describe('API faults reach the error output as clear errors', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());

	it.each(Object.entries(cases))('%s', async (_name, { fault, failImmediately, statusCode, message, description }) => {
		const id = sandbox.addInvoice('DRAFT');
		sandbox.setFault(id, fault);

		const result = await runBookeeping({
			items: [{ invoiceId: id, source: 'crm' }],
			parameters: deleteInvoiceParameters(failImmediately ? { options: { rateLimitHandling: 'failImmediately' } } : {}),
			credential: sandboxCredential(sandbox),
			onError: 'continueErrorOutput',
		});

		expect(result.success).toEqual([]);
		expect(result.errorOutput).toHaveLength(1);
		const { json } = result.errorOutput[0];
		expect(json.source).toBe('crm');
		expect(json.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
		expect(json.error).toMatchObject({ statusCode, invoiceId: id, description: expect.stringMatching(description) });
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('a request that hangs past the Timeout option fails with a timeout error, not a crash', async () => {
		const id = sandbox.addInvoice('DRAFT');
		sandbox.setFault(id, FAULTS.hang);

		const started = Date.now();
		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters({ requestOptions: { timeout: 300 } }),
			credential: sandboxCredential(sandbox),
			onError: 'continueErrorOutput',
		});

		expect(Date.now() - started).toBeLessThan(5000);
		expect(result.errorOutput.map((item) => item.json.message)).toEqual([
			expect.stringMatching(/^Bookeeping.ai did not answer within the timeout \((ECONNABORTED|ETIMEDOUT)\); the request to delete invoice/),
		]);
	});

	it('a slow answer within the timeout is a normal success', async () => {
		const id = sandbox.addInvoice('DRAFT');
		sandbox.setFault(id, { kind: 'slow', delayMs: 200 });

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters({ requestOptions: { timeout: 5000 } }),
			credential: sandboxCredential(sandbox),
		});

		expect(result.success.map((item) => item.json)).toEqual([{ id, deleted: true }]);
	});

	it('a 429 once the daily quota is used up says so, not "retry in a minute"', async () => {
		const id = sandbox.addInvoice('DRAFT');
		sandbox.limiter.exhaustDay(API_KEY, 'write');

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
			onError: 'continueErrorOutput',
		});

		const { json } = result.errorOutput[0];
		expect(json.message).toMatch(new RegExp(`^Bookeeping.ai's daily limit is used up \\(1500 of 1500 write requests today\\), so the node could not delete invoice ${id}\\. Retry in \\d+ seconds\\.$`));
		expect(json.error).toMatchObject({ statusCode: 429, limit: 'day', dailyLimit: 1500, dailyUsage: 1500, retryAfterSeconds: expect.any(Number) });
	});

	it('a refused connection is reported as such', async () => {
		const closed = await startSandbox();
		const credential = sandboxCredential(closed);
		await closed.stop();

		const result = await runBookeeping({
			items: [{ invoiceId: 'a'.repeat(24) }],
			parameters: deleteInvoiceParameters(),
			credential,
			onError: 'continueRegularOutput',
		});

		expect(result.success.map((item) => item.json.message)).toEqual([expect.stringMatching(/^Bookeeping.ai refused the connection \(ECONNREFUSED\); the request to delete invoice a{24} may or may not/)]);
	});
});
