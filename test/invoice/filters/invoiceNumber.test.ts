import type { Sandbox } from '../../../sandbox/server';
import type { InvoiceBookEntry } from '../../../sandbox/invoiceBook';
import { getMany, startBook } from './filterKit';

describe('Invoice → Get Many, Invoice Number filter', () => {
	let sandbox: Sandbox;
	let book: InvoiceBookEntry[];
	beforeAll(async () => ({ sandbox, book } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it('finds one invoice by its number, trimmed and ignoring case, and stops reading once found', async () => {
		const wanted = book[100];
		const result = await getMany(sandbox, { invoiceNumber: `  ${wanted.invoiceNumber.toLowerCase()} ` }, { limit: 1 });

		expect(result.success.map((item) => item.json._id)).toEqual([wanted.id]);
		expect(result.success[0].json.invoiceId).toBe(wanted.invoiceNumber);
		// Sorted by _id, the invoice can be on any page: the node stops at the page that holds it.
		expect(result.requests.length).toBeLessThanOrEqual(5);
		expect(result.requests.every((request) => request.query.limit === '250')).toBe(true);
	});

	it('returns nothing for a number no invoice has, after reading the whole list', async () => {
		const result = await getMany(sandbox, { invoiceNumber: 'INV-9999999' }, { limit: 1 });

		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([]);
		expect(result.requests).toHaveLength(5);
	});
});
