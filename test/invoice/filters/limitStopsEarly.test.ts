import type { Sandbox } from '../../../sandbox/server';
import { getMany, hasStatus, idsWhere, pagesOf, startBook } from './filterKit';

describe('Invoice → Get Many, Limit with a node-side filter', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it('counts matches, reads 250 a page whatever the Limit, and stops at the first page that completes it', async () => {
		const result = await getMany(sandbox, { status: ['OVERDUE'] }, { limit: 10 });

		expect(result.success).toHaveLength(10);
		expect(result.success.every((item) => item.json.status === 'OVERDUE')).toBe(true);
		// The book holds overdue invoices on its first page: one request.
		expect(pagesOf(result.requests)).toEqual([['1', '250']]);
	});

	it('reads exactly as many pages as hold the first L matches', async () => {
		const overdueOnFirstPages = idsWhere(sandbox, hasStatus('OVERDUE')).length;
		const limit = Math.min(150, overdueOnFirstPages);
		const result = await getMany(sandbox, { status: ['OVERDUE'] }, { limit });

		expect(result.success).toHaveLength(limit);
		const sorted = [...sandbox.invoices.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
		let matches = 0;
		let pages = 0;
		for (let start = 0; matches < limit; start += 250) {
			pages++;
			matches += sorted.slice(start, start + 250).filter((invoice) => invoice.status === 'OVERDUE').length;
		}
		expect(result.requests).toHaveLength(pages);
		expect(pages).toBeGreaterThan(1);
	});

	it('without a node-side filter, reads as before: one page of Limit records', async () => {
		const result = await getMany(sandbox, {}, { limit: 10 });

		expect(pagesOf(result.requests)).toEqual([['1', '10']]);
		expect(result.success).toHaveLength(10);
	});
});
