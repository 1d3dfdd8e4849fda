import { FAULTS } from '../../sandbox/faults';
import type { Sandbox } from '../../sandbox/server';
import { runInvoice, sentTo, startSandbox } from './invoiceTestKit';

describe('Invoice → Get Many', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ readLimits: { perWindow: 1000, perDay: 100_000 } });
		for (let index = 0; index < 620; index++) sandbox.addInvoice(index % 3 === 0 ? 'SENT' : 'DRAFT');
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.requests.splice(0));

	it('returns 50 simplified invoices by default, in one page sorted by _id', async () => {
		const result = await runInvoice(sandbox, 'getAll', {}, [{ run: 'A' }]);

		expect(result.success).toHaveLength(50);
		expect(Object.keys(result.success[0].json).sort()).toEqual(
			['_id', 'amount', 'counterparty', 'currency', 'dueDate', 'invoiceDate', 'invoiceId', 'status'].sort(),
		);
		expect(result.success[0].json.counterparty).toBe('Acme Corp');
		expect(result.success.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const requests = sentTo(sandbox, 'GET', '/v1/invoices');
		expect(requests.map((request) => request.query)).toEqual([{ page: '1', limit: '50', sortKey: '_id', sortOrder: '1' }]);
		const ids = result.success.map((item) => String(item.json._id));
		expect(ids).toEqual([...ids].sort());
	});

	it('returns every invoice with Return All, 250 a page, and stops at the count the API reports', async () => {
		const result = await runInvoice(sandbox, 'getAll', { returnAll: true, simplify: false });

		expect(result.success).toHaveLength(620);
		expect(new Set(result.success.map((item) => item.json._id)).size).toBe(620);
		expect(result.success[0].json).toHaveProperty('lineItems');
		expect(sentTo(sandbox, 'GET', '/v1/invoices').map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '250'],
			['2', '250'],
			['3', '250'],
		]);
	});

	it('keeps one page size for a limit over 250 and returns exactly the limit', async () => {
		const result = await runInvoice(sandbox, 'getAll', { limit: 260 });

		expect(result.success).toHaveLength(260);
		expect(sentTo(sandbox, 'GET', '/v1/invoices').map((request) => request.query.limit)).toEqual(['250', '250']);
	});

	it('sends the Minimum Amount filter and the sort the user picked', async () => {
		const result = await runInvoice(sandbox, 'getAll', {
			limit: 5,
			filters: { minAmount: 600 },
			sort: { sortKey: 'createdAt', sortOrder: '-1' },
		});

		expect(sentTo(sandbox, 'GET', '/v1/invoices')[0].query).toEqual({ page: '1', limit: '5', sortKey: 'createdAt', sortOrder: '-1', minAmount: '600' });
		expect(result.success.every((item) => Number(item.json.amount) >= 600)).toBe(true);
	});

	it('refuses a Limit that is not a whole number before sending', async () => {
		const result = await runInvoice(sandbox, 'getAll', { limit: '={{ "many" }}' }, [{}], 'continueErrorOutput');

		expect(sentTo(sandbox, 'GET', '/v1/invoices')).toHaveLength(0);
		expect(result.errorOutput[0].json.message).toMatch(/^Invalid Limit in item 0: "many"\. Limit must be a whole number/);
	});

	it('retries a read that failed with a 5xx, since reading changes nothing', async () => {
		const flaky = await startSandbox();
		flaky.addInvoice('DRAFT');
		flaky.failNext(FAULTS.serverError, FAULTS.reset);

		const result = await runInvoice(flaky, 'getAll', {}, [{}], 'continueErrorOutput');
		await flaky.stop();

		expect(result.errorOutput).toEqual([]);
		expect(result.success).toHaveLength(1);
		expect(flaky.requestsTo('GET', '/v1/invoices').map((request) => request.status)).toEqual([500, 0, 200]);
	});
});
