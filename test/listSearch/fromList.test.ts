import type { Sandbox } from '../../sandbox/server';
import { SEED_IDS } from '../../sandbox/seed';
import { API_KEY, sandboxCredential, startSandbox } from '../engine/fixtures';
import { runListSearch } from '../engine/runListSearch';

describe('From List searches', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());

	it('lists customers and vendors, searched by name with the API query', async () => {
		const all = await runListSearch('searchCounterparties', sandboxCredential(sandbox));
		const names = all.results.map((item) => item.name);
		expect(names).toEqual(expect.arrayContaining(['Acme Corp · customer', 'Globex · customer', 'Initech · both', 'Paper Street Supplies · vendor']));
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

		const found = await runListSearch('searchCounterparties', sandboxCredential(sandbox), 'glob');
		expect(found.results).toEqual([{ name: 'Globex · customer', value: SEED_IDS.globex }]);
		const request = sandbox.requestsTo('GET', '/v1/counterparties').pop()!;
		expect(request.query).toMatchObject({ query: 'glob', page: '1', limit: '50' });
		expect(request.authorization).toBe(`Bearer ${API_KEY}`);
	});

	it('lists recent invoices by number, customer and status, and filters them by typed text', async () => {
		const draft = sandbox.addInvoice('DRAFT');
		sandbox.addInvoice('PAID');

		const found = await runListSearch('searchInvoices', sandboxCredential(sandbox), 'draft');

		expect(found.results).toEqual([{ name: `${sandbox.invoices.get(draft)?.invoiceId} · Acme Corp · DRAFT`, value: draft }]);
	});

	it.each([
		['searchCategories', 'sales', [{ name: '💰 Sales (SALES)', value: SEED_IDS.salesCategory }, { name: '🏛️ Sales Tax Payable (TAX_PAYABLE)', value: '65f1c0ffee0123456789d008' }]],
		['searchAccounts', 'operating', [{ name: 'Operating · Business Checking · ****4521', value: SEED_IDS.operatingAccount }]],
	])('%s searches by name', async (method, filter, expected) => {
		const found = await runListSearch(method, sandboxCredential(sandbox), filter);
		expect(found.results).toEqual(expected);
	});

	it('says the key was refused, without quoting it', async () => {
		await expect(runListSearch('searchAccounts', sandboxCredential(sandbox, 'sk_wrong_key_123'))).rejects.toThrow(
			/^Bookeeping.ai did not accept the API key/,
		);
	});
});
