import type { INodeExecutionData } from 'n8n-workflow';

import { FAULTS } from '../sandbox/faults';
import type { Sandbox } from '../sandbox/server';
import { runBookeeping, type OnError } from './engine/runWorkflow';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from './engine/fixtures';

/**
 * One input item per outcome a workflow meets: deleted, not a draft, rate limited, refused as
 * invalid by the API, a refused key, a server error, a reset connection, and an id the node
 * refuses itself.
 */
async function seedMixedOutcomes(sandbox: Sandbox) {
	const ids = {
		deleted: sandbox.addInvoice('DRAFT'),
		notDraft: sandbox.addInvoice('SENT'),
		rateLimited: sandbox.addInvoice('DRAFT'),
		badRequest: sandbox.addInvoice('DRAFT'),
		unauthorized: sandbox.addInvoice('DRAFT'),
		serverError: sandbox.addInvoice('DRAFT'),
		reset: sandbox.addInvoice('DRAFT'),
	};
	sandbox.setFault(ids.rateLimited, {
		kind: 'status',
		status: 429,
		body: { error: 'TooManyRequestsError', message: 'Rate limit exceeded' },
		headers: {
			'x-rate-limiter-daily-limit': '1500',
			'x-rate-limiter-minutely-limit': '25',
			'x-rate-limiter-daily-usage': '300',
			'x-rate-limiter-minutely-usage': '25',
			'x-rate-limiter-operation-type': 'write',
			'retry-after': '42',
		},
	});
	sandbox.setFault(ids.badRequest, { kind: 'status', status: 400, body: { error: 'BadRequestError', message: 'Bad id' } });
	sandbox.setFault(ids.unauthorized, { kind: 'status', status: 401, body: { error: 'UnauthorizedError', message: 'Invalid API key' } });
	sandbox.setFault(ids.serverError, FAULTS.serverError);
	sandbox.setFault(ids.reset, FAULTS.reset);
	const items = [
		{ invoiceId: ids.deleted, deal: 'deleted' },
		{ invoiceId: ids.notDraft, deal: 'notDraft' },
		{ invoiceId: ids.rateLimited, deal: 'rateLimited' },
		{ invoiceId: ids.badRequest, deal: 'badRequest' },
		{ invoiceId: ids.unauthorized, deal: 'unauthorized' },
		{ invoiceId: ids.serverError, deal: 'serverError' },
		{ invoiceId: ids.reset, deal: 'reset' },
		{ invoiceId: 'not-an-id', deal: 'invalid' },
	];
	return { ids, items };
}

const expectedStatus: Record<string, number | null | undefined> = {
	notDraft: 409,
	rateLimited: 429,
	badRequest: 400,
	unauthorized: 401,
	serverError: 500,
	reset: null,
	invalid: undefined,
};

function byDeal(items: INodeExecutionData[]) {
	return Object.fromEntries(items.map((item) => [item.json.deal as string, item]));
}

/** The 429 in the mix must reach the error path, not be waited out. */
const failOn429 = deleteInvoiceParameters({ options: { rateLimitHandling: 'failImmediately' } });

describe.each<OnError>(['continueErrorOutput', 'continueRegularOutput'])('On Error = %s', (onError) => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('puts every input item on exactly one output, keeping its fields and a branchable statusCode', async () => {
		const { ids, items } = await seedMixedOutcomes(sandbox);

		const result = await runBookeeping({ items, parameters: failOn429, credential: sandboxCredential(sandbox), onError });

		expect(result.error).toBeUndefined();
		const failures = onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((item) => item.json.message);
		const successes = onError === 'continueErrorOutput' ? result.success : result.success.filter((item) => !item.json.message);
		expect(successes.map((item) => item.json)).toEqual([{ id: ids.deleted, deleted: true }]);
		expect(failures.map((item) => item.json.deal)).toEqual(Object.keys(expectedStatus));
		for (const [deal, item] of Object.entries(byDeal(failures))) {
			expect(item.json.invoiceId).toBe(items.find((input) => input.deal === deal)!.invoiceId);
			expect(item.json.message).toEqual(expect.any(String));
			expect((item.json.error as { statusCode?: number | null }).statusCode).toBe(expectedStatus[deal]);
			expect(item.pairedItem).toEqual({ item: items.findIndex((input) => input.deal === deal) });
		}
		if (onError === 'continueRegularOutput') {
			expect(result.success.map((item) => (item.json.deal as string | undefined) ?? 'deleted')).toEqual(items.map((item) => item.deal));
		}
		expect(sandbox.requestsTo('DELETE')).toHaveLength(7);
	});

	it('says why for 409 and 429, with the rate-limit figures in details', async () => {
		const { ids, items } = await seedMixedOutcomes(sandbox);

		const result = await runBookeeping({ items, parameters: failOn429, credential: sandboxCredential(sandbox), onError });

		const failures = byDeal(onError === 'continueErrorOutput' ? result.errorOutput : result.success);
		expect(failures.notDraft.json.message).toBe(`Invoice ${ids.notDraft} is not a draft, so it cannot be deleted. Only drafts can be deleted: cancel a sent or overdue invoice instead (Invoice > Cancel).`);
		expect(failures.notDraft.json.error).toMatchObject({
			statusCode: 409,
			invoiceId: ids.notDraft,
			apiError: 'ConflictError',
			description: expect.stringContaining('can be cancelled instead'),
		});
		expect(failures.rateLimited.json.message).toBe(
			`Bookeeping.ai's per-minute rate limit was hit (25 write requests a minute), so the node could not delete invoice ${ids.rateLimited}. Retry in 42 seconds, or let the node wait: Options > Rate Limit Handling > Wait and Retry, with a longer Max Wait.`,
		);
		expect(failures.rateLimited.json.error).toMatchObject({
			statusCode: 429,
			invoiceId: ids.rateLimited,
			limit: 'minute',
			minutelyLimit: 25,
			minutelyUsage: 25,
			dailyLimit: 1500,
			dailyUsage: 300,
			operationType: 'write',
			retryAfterSeconds: 42,
			description: expect.stringContaining('Rate Limit Handling'),
		});
		expect(failures.unauthorized.json.message).toBe("Bookeeping.ai did not accept the API key. Check the key in the Bookeeping credential, and that its Region is your account's region.");
		expect(failures.unauthorized.json.error).toMatchObject({ description: expect.stringContaining('Region') });
		expect(failures.serverError.json.message).toBe(`Bookeeping.ai failed with status 500 while trying to delete invoice ${ids.serverError}. It may or may not have happened: check in Bookeeping.ai before retrying.`);
		expect(failures.reset.json.message).toMatch(/^The connection to Bookeeping.ai was reset before it answered/);
	});

	it('never lets the API key into the run data', async () => {
		const { items } = await seedMixedOutcomes(sandbox);

		const result = await runBookeeping({ items, parameters: failOn429, credential: sandboxCredential(sandbox), onError });

		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});
});

describe('On Error = Stop Workflow', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('fails the run with a NodeApiError carrying the 409 status, message and description', async () => {
		const draft = sandbox.addInvoice('DRAFT');
		const sent = sandbox.addInvoice('SENT');

		const result = await runBookeeping({
			items: [{ invoiceId: draft }, { invoiceId: sent }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
		});

		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '409',
			message: `Invoice ${sent} is not a draft, so it cannot be deleted. Only drafts can be deleted: cancel a sent or overdue invoice instead (Invoice > Cancel).`,
			description: expect.stringContaining('Bookeeping.ai only deletes invoices in draft status'),
		});
		expect(result.success).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('does not send the items still waiting when one fails, so nothing more is deleted', async () => {
		const sent = sandbox.addInvoice('SENT');
		const drafts = [sandbox.addInvoice('DRAFT'), sandbox.addInvoice('DRAFT')];

		const result = await runBookeeping({
			items: [{ invoiceId: sent }, ...drafts.map((invoiceId) => ({ invoiceId }))],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
		});

		expect(result.error?.message).toBe(`Invoice ${sent} is not a draft, so it cannot be deleted. Only drafts can be deleted: cancel a sent or overdue invoice instead (Invoice > Cancel).`);
		expect(sandbox.requestsTo('DELETE').map((request) => request.path)).toEqual([`/public-api/v1/invoices/${sent}`]);
		expect(drafts.every((id) => sandbox.invoices.has(id))).toBe(true);
	});

	it('fails with the 429 status and which limit was hit', async () => {
		const sandboxWithLimit = await startSandbox({ writeLimits: { perWindow: 1, perDay: 100 }, windowMs: 60_000 });
		const ids = [sandboxWithLimit.addInvoice('DRAFT'), sandboxWithLimit.addInvoice('DRAFT')];

		const result = await runBookeeping({
			items: ids.map((invoiceId) => ({ invoiceId })),
			parameters: failOn429,
			credential: sandboxCredential(sandboxWithLimit),
		});
		await sandboxWithLimit.stop();

		expect(result.error).toMatchObject({ httpCode: '429', message: expect.stringContaining('per-minute rate limit was hit (1 write requests a minute)') });
		expect(result.error?.message).toMatch(/Retry in \d+ seconds, or let the node wait/);
	});
});
