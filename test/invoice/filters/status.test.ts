import type { Sandbox } from '../../../sandbox/server';
import { BOOK_SIZE, getMany, hasStatus, idsOf, idsWhere, startBook } from './filterKit';

describe('Invoice → Get Many, Status filter', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it('returns every overdue invoice, as the API says, and sends no filter to the API', async () => {
		const result = await getMany(sandbox, { status: ['OVERDUE'] }, { returnAll: true });

		expect(result.error).toBeUndefined();
		const overdue = idsWhere(sandbox, hasStatus('OVERDUE'));
		expect(overdue.length).toBeGreaterThan(100);
		expect(idsOf(result.success)).toEqual(overdue);
		expect(result.success.every((item) => item.json.status === 'OVERDUE')).toBe(true);
		for (const request of result.requests) expect(Object.keys(request.query).sort()).toEqual(['limit', 'page', 'sortKey', 'sortOrder']);
		expect(result.requests).toHaveLength(Math.ceil(BOOK_SIZE / 250));
	});

	it('keeps invoices in any of several statuses, spelled in any case', async () => {
		const result = await getMany(sandbox, { status: 'draft, Cancelled' }, { returnAll: true });

		expect(idsOf(result.success)).toEqual(idsWhere(sandbox, hasStatus('DRAFT', 'CANCELLED')));
	});

	it('keeps paired items on the one input item', async () => {
		const result = await getMany(sandbox, { status: ['PAID'] }, { limit: 5 });

		expect(result.success).toHaveLength(5);
		expect(result.success.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});
