import type { Sandbox } from '../../sandbox/server';
import { API_KEY } from '../engine/fixtures';
import { runTool, startToolSandbox } from './toolKit';

describe('As an AI tool, rate limits are told in time a person waiting in the chat can live with', () => {
	it('a per-minute 429 whose window ends later than 60 s fails at once, saying how many seconds to wait', async () => {
		const sandbox = await startToolSandbox({ writeLimits: { perWindow: 1, perDay: 1000 }, windowMs: 300_000, windowMode: 'firstRequest' });
		try {
			const first = sandbox.addInvoice('DRAFT');
			const second = sandbox.addInvoice('DRAFT');
			await runTool(sandbox, { resource: 'invoice', operation: 'delete', invoiceId: first });
			const started = Date.now();
			const result = await runTool(sandbox, { resource: 'invoice', operation: 'delete', invoiceId: second });

			expect(Date.now() - started).toBeLessThan(10_000);
			const message = result.error?.message ?? '';
			expect(message).toMatch(/^429 Too Many Requests: Bookeeping\.ai's per-minute limit for write requests \(1 a minute\) is used up, so the node could not delete invoice [0-9a-f]{24}\./);
			const seconds = Number(/Next: retry in (\d+) s\.$/.exec(message)?.[1]);
			expect(seconds).toBeGreaterThan(250);
			expect(seconds).toBeLessThanOrEqual(300);
		} finally {
			await sandbox.stop();
		}
	});

	it('a per-minute 429 within Max Wait is waited out as before (here a 2-second window)', async () => {
		const sandbox = await startToolSandbox({ writeLimits: { perWindow: 1, perDay: 1000 }, windowMs: 2_000 });
		try {
			const ids = [sandbox.addInvoice('DRAFT'), sandbox.addInvoice('DRAFT')];
			for (const invoiceId of ids) {
				const result = await runTool(sandbox, { resource: 'invoice', operation: 'delete', invoiceId }, { apiKey: `${API_KEY}` });
				expect(result.error).toBeUndefined();
				expect(result.success[0].json).toEqual({ id: invoiceId, deleted: true });
			}
		} finally {
			await sandbox.stop();
		}
	});

	describe('a used-up day', () => {
		let sandbox: Sandbox;
		afterEach(async () => await sandbox.stop());

		it('says when it resets when the API tells (Retry-After), and that reads still work when only writes are used up', async () => {
			sandbox = await startToolSandbox({ writeLimits: { perWindow: 100, perDay: 10 } });
			sandbox.limiter.exhaustDay(API_KEY, 'write');
			const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: sandbox.addInvoice('DRAFT') });

			const message = result.error?.message ?? '';
			expect(message).toMatch(/^429 Too Many Requests: Bookeeping\.ai's daily limit for write requests is used up \(10 of 10 today\)/);
			expect(message).toMatch(/Next: retry after it resets in \d+ s \(at \d{4}-\d{2}-\d{2}T[\d:.]+Z\)\./);
			expect(message).toContain('Reads (the Get and Get Many operations) still work');
		});

		it('says it does not know when it resets when the API does not tell, with no invented figure', async () => {
			sandbox = await startToolSandbox({ writeLimits: { perWindow: 100, perDay: 10 }, sendRetryAfter: false });
			sandbox.limiter.exhaustDay(API_KEY, 'write');
			const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: sandbox.addInvoice('DRAFT') });

			const message = result.error?.message ?? '';
			expect(message).toContain('Next: Bookeeping.ai does not say when the daily limit resets');
			expect(message).not.toMatch(/retry in|resets in \d/);
		});
	});
});
