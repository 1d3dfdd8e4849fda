import { SEED_IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId, fromList } from '../invoiceTestKit';
import { counterpartyIdOf, getMany, idsOf, idsWhere, startBook } from './filterKit';

describe('Invoice → Get Many, Counterparty ID filter', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it("returns only that customer's invoices, given By ID", async () => {
		const result = await getMany(sandbox, { counterpartyId: byId(SEED_IDS.globex) }, { returnAll: true, simplify: false });

		const globex = idsWhere(sandbox, (invoice) => counterpartyIdOf(invoice) === SEED_IDS.globex);
		expect(globex.length).toBeGreaterThan(300);
		expect(idsOf(result.success)).toEqual(globex);
	});

	it('takes the customer picked From List, or a plain id string with spaces around it', async () => {
		const listed = await getMany(sandbox, { counterpartyId: fromList(SEED_IDS.acme) }, { limit: 20 });
		const plain = await getMany(sandbox, { counterpartyId: `  ${SEED_IDS.acme} ` }, { limit: 20 });

		expect(listed.success).toHaveLength(20);
		expect(listed.success.every((item) => item.json.counterparty === 'Acme Corp')).toBe(true);
		expect(idsOf(plain.success)).toEqual(idsOf(listed.success));
	});
});
