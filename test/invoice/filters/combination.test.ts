import { SEED_IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId } from '../invoiceTestKit';
import { counterpartyIdOf, getMany, idsOf, idsWhere, startBook } from './filterKit';

describe('Invoice → Get Many, filters combined', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it("returns every open invoice of one customer over a minimum amount: the API's filter in the query, the node's on each page", async () => {
		const result = await getMany(
			sandbox,
			{ status: ['SENT', 'OVERDUE'], counterpartyId: byId(SEED_IDS.acme), minAmount: 500 },
			{ returnAll: true },
		);

		const expected = idsWhere(
			sandbox,
			(invoice) =>
				['SENT', 'OVERDUE'].includes(String(invoice.status)) &&
				counterpartyIdOf(invoice) === SEED_IDS.acme &&
				Number(invoice.amount) >= 500,
		);
		expect(expected.length).toBeGreaterThan(20);
		expect(idsOf(result.success)).toEqual(expected);
		expect(result.requests[0].query).toEqual({ page: '1', limit: '250', sortKey: '_id', sortOrder: '1', minAmount: '500' });
	});

	it("keeps the user's sort while filtering", async () => {
		const result = await getMany(sandbox, { status: ['PAID'] }, { limit: 30, sort: { sortKey: 'createdAt', sortOrder: '-1' } });

		expect(result.success).toHaveLength(30);
		expect(result.requests[0].query).toMatchObject({ sortKey: 'createdAt', sortOrder: '-1', limit: '250' });
	});
});
