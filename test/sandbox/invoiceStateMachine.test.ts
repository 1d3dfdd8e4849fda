import { API_GUESSES } from '../../nodes/Bookeeping/apiGuesses';
import { FAULTS } from '../../sandbox/faults';
import type { Sandbox } from '../../sandbox/server';
import { SEED_IDS } from '../../sandbox/seed';
import { API_KEY, startSandbox } from '../engine/fixtures';

async function call(sandbox: Sandbox, method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; error?: string; message?: string }, headers: response.headers };
}

const paid = { strategyData: { strategy: 'CREATE_TRANSACTION', data: { category: SEED_IDS.salesCategory, account: SEED_IDS.operatingAccount } } };
const cancelPath = (id: string) => API_GUESSES.cancelInvoice.path(id);
const reason = { [API_GUESSES.cancelInvoice.reasonField]: 'Deal lost' };

describe('The sandbox plays the invoice state machine', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ now: () => Date.parse('2026-12-01T12:00:00Z') });
	});
	afterEach(async () => await sandbox.stop());

	it('DRAFT → SENT → PAID, recording a transaction; each wrong step answers 409 ConflictError', async () => {
		const id = sandbox.addInvoice('DRAFT');
		expect((await call(sandbox, 'POST', `/v1/invoices/${id}/mark-as-paid`, paid)).status).toBe(409);
		expect((await call(sandbox, 'POST', `/v1/invoices/${id}/send`)).body.data?.status).toBe('SENT');
		expect((await call(sandbox, 'POST', `/v1/invoices/${id}/send`)).body).toEqual({ error: 'ConflictError', message: 'Only invoices in draft status can be sent' });
		expect((await call(sandbox, 'PATCH', `/v1/invoices/${id}`, { note: 'late' })).status).toBe(409);
		expect((await call(sandbox, 'DELETE', `/v1/invoices/${id}`)).status).toBe(409);
		expect((await call(sandbox, 'POST', `/v1/invoices/${id}/mark-as-paid`, paid)).body.data?.status).toBe('PAID');
		expect([...sandbox.store.transactions.values()].filter((transaction) => transaction.source === 'INVOICE')).toHaveLength(1);
		expect((await call(sandbox, 'POST', cancelPath(id), reason)).status).toBe(409);
	});

	it('cancels only SENT or OVERDUE invoices, and a SENT invoice past its due date reads as OVERDUE without a new updatedAt', async () => {
		const late = sandbox.addInvoice('SENT', undefined, { dueDate: '2026-11-01T00:00:00Z' });
		const updatedAt = sandbox.invoices.get(late)?.updatedAt;
		const list = await call(sandbox, 'GET', '/v1/invoices?limit=250');
		expect((list.body.data?.invoices as Array<Record<string, unknown>>).find((invoice) => invoice._id === late)).toMatchObject({ status: 'OVERDUE', updatedAt });
		expect((await call(sandbox, 'POST', cancelPath(late), reason)).body.data?.status).toBe('CANCELLED');
		expect((await call(sandbox, 'POST', cancelPath(sandbox.addInvoice('DRAFT')), reason)).status).toBe(409);
	});

	it('with an overdue lag, a sent invoice reads as OVERDUE only that long after its due date, its updatedAt unchanged', async () => {
		let now = Date.parse('2026-12-01T12:00:00Z');
		const lagged = await startSandbox({ now: () => now, overdueLagMs: 20 * 60_000 });
		try {
			const id = lagged.addInvoice('SENT', undefined, { dueDate: '2026-12-01T12:00:00Z' });
			const updatedAt = lagged.invoices.get(id)?.updatedAt;
			const statusAt = async (time: string) => {
				now = Date.parse(time);
				const list = await call(lagged, 'GET', '/v1/invoices?limit=250');
				return (list.body.data?.invoices as Array<Record<string, unknown>>).find((invoice) => invoice._id === id);
			};
			expect(await statusAt('2026-12-01T12:19:59Z')).toMatchObject({ status: 'SENT', updatedAt });
			expect(await statusAt('2026-12-01T12:20:01Z')).toMatchObject({ status: 'OVERDUE', updatedAt });
		} finally {
			await lagged.stop();
		}
	});

	it('checks create bodies: the guessed required fields, ids, a taken invoice number', async () => {
		const body = { counterParty: SEED_IDS.acme, invoiceDate: '2026-12-01', dueDate: '2026-12-31', currency: 'USD', lineItems: [{ price: 5 }], invoiceId: 'INV-7' };
		expect((await call(sandbox, 'POST', '/v1/invoices', body)).status).toBe(200);
		expect((await call(sandbox, 'POST', '/v1/invoices', body)).status).toBe(409);
		expect((await call(sandbox, 'POST', '/v1/invoices', { ...body, invoiceId: undefined, currency: undefined })).body.message).toBe('currency is required');
		expect((await call(sandbox, 'POST', '/v1/invoices', { ...body, invoiceId: 'INCREMENTAL', counterParty: 'acme' })).status).toBe(400);
	});

	it('pages with page, limit, sortKey, sortOrder and minAmount, and reports count', async () => {
		for (let index = 0; index < 30; index++) sandbox.addInvoice('DRAFT');
		const page = await call(sandbox, 'GET', '/v1/invoices?page=2&limit=7&sortKey=_id&sortOrder=-1&minAmount=110');
		const invoices = page.body.data?.invoices as Array<{ _id: string; amount: number }>;
		expect(page.body.data?.count).toBe(20);
		expect(invoices).toHaveLength(7);
		expect(invoices.every((invoice) => invoice.amount >= 110)).toBe(true);
		expect(invoices.map((invoice) => invoice._id)).toEqual(invoices.map((invoice) => invoice._id).sort().reverse());
		expect((await call(sandbox, 'GET', '/v1/invoices?limit=251')).status).toBe(400);
	});

	it('does not count a faulted request against the rate limit', async () => {
		const limited = await startSandbox({ writeLimits: { perWindow: 1, perDay: 10 } });
		const broken = limited.addInvoice('DRAFT');
		limited.setFault(broken, FAULTS.serverError);
		expect((await call(limited, 'DELETE', `/v1/invoices/${broken}`)).status).toBe(500);
		const draft = await call(limited, 'DELETE', `/v1/invoices/${limited.addInvoice('DRAFT')}`);
		await limited.stop();
		expect(draft.status).toBe(200);
		expect(draft.headers.get('x-rate-limiter-minutely-usage')).toBe('1');
	});
});
