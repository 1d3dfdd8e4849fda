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
	'404 unknown invoice': { fault: FAULTS.notFound, statusCode: 404, message: /^Invoice \w+ was not found$/, description: /may already have been deleted/ },
	'500 with JSON': { fault: FAULTS.serverError, statusCode: 500, message: 'Bookeeping.ai failed with status 500', description: /may or may not have been deleted/ },
	'502 with an HTML page': { fault: FAULTS.badGatewayHtml, statusCode: 502, message: 'Bookeeping.ai failed with status 502 with an HTML page instead of JSON (a gateway or proxy answered)', description: /Check it in Bookeeping.ai/ },
	'503 with Retry-After': { fault: FAULTS.unavailableRetryAfter, statusCode: 503, message: 'Bookeeping.ai failed with status 503', description: /Bookeeping.ai said: "Try later"/ },
	'409 without a body': { fault: FAULTS.bare409, statusCode: 409, message: /is not a draft, so it cannot be deleted$/, description: /^Bookeeping.ai only deletes invoices in draft status/ },
	'429 without any header': { fault: FAULTS.bare429, failImmediately: true, statusCode: 429, message: /per-minute rate limit was hit; invoice \w+ was not deleted$/, description: /^Retry in a minute/ },
	'reset connection': { fault: FAULTS.reset, statusCode: null, message: /^The connection to Bookeeping.ai was reset before it answered \(ECONNRESET\)$/, description: /may or may not have been deleted/ },
	'200 with malformed JSON': { fault: FAULTS.malformedJson200, statusCode: 200, message: 'Bookeeping.ai answered status 200 with a body that is not the documented JSON', description: /does not confirm/ },
	'empty 200': { fault: FAULTS.empty200, statusCode: 200, message: 'Bookeeping.ai answered status 200 with an empty body', description: /does not confirm/ },
	'200 with an HTML page': { fault: FAULTS.html200, statusCode: 200, message: 'Bookeeping.ai answered status 200 with an HTML page', description: /A proxy may be in the way/ },
	'200 with an unexpected shape': { fault: FAULTS.unexpectedShape200, statusCode: 200, message: 'Bookeeping.ai answered status 200 with a body that is not the documented JSON', description: /does not confirm/ },
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
			expect.stringMatching(/^Bookeeping.ai did not answer within the timeout \((ECONNABORTED|ETIMEDOUT)\)$/),
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
		expect(json.message).toBe(`Bookeeping.ai's daily limit is used up (1500 of 1500 write requests today); invoice ${id} was not deleted`);
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

		expect(result.success.map((item) => item.json.message)).toEqual(['Bookeeping.ai refused the connection (ECONNREFUSED)']);
	});
});
