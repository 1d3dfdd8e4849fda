import type { INodeParameters } from 'n8n-workflow';

import { FAULTS } from '../sandbox/faults';
import type { Sandbox, SandboxOptions } from '../sandbox/server';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from './engine/fixtures';
import { runBookeeping } from './engine/runWorkflow';

let sandbox: Sandbox;
afterEach(async () => await sandbox?.stop());

async function drafts(options: SandboxOptions, count: number) {
	sandbox = await startSandbox(options);
	return Array.from({ length: count }, () => sandbox.addInvoice('DRAFT'));
}

/** Deletes the ids through n8n's engine, with the error output on. */
function deleteAll(ids: string[], parameters: INodeParameters = {}) {
	return runBookeeping({
		items: ids.map((invoiceId) => ({ invoiceId })),
		parameters: deleteInvoiceParameters(parameters),
		credential: sandboxCredential(sandbox),
		onError: 'continueErrorOutput',
	});
}

function deleteStatuses() {
	const deletes = sandbox.requestsTo('DELETE');
	return {
		ok: deletes.filter((request) => request.status === 200).map((request) => request.path),
		refused: deletes.filter((request) => request.status === 429).length,
	};
}

describe('Wait and Retry (default)', () => {
	it.each([true, false])('deletes every draft under a small limit, once each (Retry-After sent: %s)', async (sendRetryAfter) => {
		const ids = await drafts({ writeLimits: { perWindow: 4, perDay: 1000 }, windowMs: 1000, sendRetryAfter }, 10);

		const started = Date.now();
		const result = await deleteAll(ids);
		const elapsedMs = Date.now() - started;

		expect(result.errorOutput).toEqual([]);
		expect(result.success.map((item) => item.json.id)).toEqual(ids);
		const { ok, refused } = deleteStatuses();
		expect(ok.sort()).toEqual(ids.map((id) => `/public-api/v1/invoices/${id}`).sort());
		expect(sandbox.invoices.size).toBe(0);
		// 10 writes at 4 a window need 3 windows: at least 2 window ends are waited for.
		expect(elapsedMs).toBeGreaterThan(1000);
		expect(elapsedMs).toBeLessThan(sendRetryAfter ? 4000 : 8000);
		if (sendRetryAfter) expect(refused).toBeLessThanOrEqual(4);
	});

	it('shares one budget between concurrent executions using the same key', async () => {
		const ids = await drafts({ writeLimits: { perWindow: 4, perDay: 1000 }, windowMs: 1000 }, 12);
		const [first, second] = await Promise.all([deleteAll(ids.slice(0, 6)), deleteAll(ids.slice(6))]);

		expect([...first.errorOutput, ...second.errorOutput]).toEqual([]);
		expect(first.success.length + second.success.length).toBe(12);
		expect(deleteStatuses().ok).toHaveLength(12);
		expect(deleteStatuses().refused).toBeLessThanOrEqual(5);
	});

	it('returns items at once when the daily quota is used up, with the reset time', async () => {
		const ids = await drafts({ writeLimits: { perWindow: 25, perDay: 2 }, windowMs: 1000 }, 4);

		const started = Date.now();
		const result = await deleteAll(ids);

		expect(Date.now() - started).toBeLessThan(1500);
		expect(result.success).toHaveLength(2);
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			expect.objectContaining({ statusCode: 429, limit: 'day', dailyLimit: 2, dailyUsage: 2, retryAfterSeconds: expect.any(Number) }),
			expect.objectContaining({ statusCode: 429, limit: 'day' }),
		]);
	});

	it('does not wait past Max Wait: items that would wait longer take the 429 path', async () => {
		const ids = await drafts({ writeLimits: { perWindow: 2, perDay: 1000 }, windowMs: 30_000 }, 4);

		const started = Date.now();
		const result = await deleteAll(ids, { options: { maxWaitSeconds: 1 } });

		expect(Date.now() - started).toBeLessThan(900);
		expect(result.success).toHaveLength(2);
		expect(result.errorOutput).toHaveLength(2);
		for (const item of result.errorOutput) {
			expect(item.json.error).toMatchObject({ statusCode: 429, limit: 'minute', retryAfterSeconds: expect.any(Number) });
		}
	});

	it('never replays a request whose fate is unknown (5xx, reset)', async () => {
		const ids = await drafts({}, 2);
		sandbox.setFault(ids[0], FAULTS.serverError);
		sandbox.setFault(ids[1], FAULTS.reset);

		const result = await deleteAll(ids);

		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			expect.objectContaining({ statusCode: 500 }),
			expect.objectContaining({ statusCode: null, code: 'ECONNRESET' }),
		]);
		expect(sandbox.requestsTo('DELETE')).toHaveLength(2);
	});

	it('adds the rate-limit figures to each success item when asked', async () => {
		const [id] = await drafts({}, 1);

		const result = await deleteAll([id], { options: { includeRateLimitInfo: true } });

		expect(result.success[0].json).toEqual({
			id,
			deleted: true,
			rateLimit: { operationType: 'write', minutelyLimit: 25, minutelyUsage: 1, dailyLimit: 1500, dailyUsage: 1 },
		});
	});
});

describe('Fail Immediately', () => {
	it('sends everything at once and lets the refused items take the 429 path', async () => {
		const ids = await drafts({ writeLimits: { perWindow: 3, perDay: 1000 }, windowMs: 60_000 }, 6);

		const result = await deleteAll(ids, { options: { rateLimitHandling: 'failImmediately' } });

		expect(result.success).toHaveLength(3);
		expect(result.errorOutput.map((item) => (item.json.error as { statusCode: number }).statusCode)).toEqual([429, 429, 429]);
		expect(deleteStatuses()).toEqual({ ok: expect.any(Array), refused: 3 });
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});
});
