import type { Sandbox } from '../../../sandbox/server';
import { BOOK_SIZE, getMany, hasStatus, idsOf, idsWhere, pagesOf, startBook } from './filterKit';

describe('Invoice → Get Many, Return All with a node-side filter', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it('reads the list to its end, ceil(N / 250) requests, and returns only the matches', async () => {
		const total = sandbox.invoices.size;
		const result = await getMany(sandbox, { status: ['DRAFT'] }, { returnAll: true });

		expect(total).toBeGreaterThanOrEqual(BOOK_SIZE);
		expect(pagesOf(result.requests)).toEqual(
			Array.from({ length: Math.ceil(total / 250) }, (_, index) => [String(index + 1), '250']),
		);
		expect(idsOf(result.success)).toEqual(idsWhere(sandbox, hasStatus('DRAFT')));
	});
});
