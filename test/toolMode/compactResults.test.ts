import { addInvoiceBook } from '../../sandbox/invoiceBook';
import type { Sandbox } from '../../sandbox/server';
import { runTool, startToolSandbox } from './toolKit';

const SIMPLIFIED = ['_id', 'amount', 'counterparty', 'currency', 'dueDate', 'invoiceDate', 'invoiceId', 'status'];

describe('As an AI tool, results are compact', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startToolSandbox({ readLimits: { perWindow: 1000, perDay: 100_000 } });
		addInvoiceBook(sandbox.store, 300);
	});
	afterAll(async () => await sandbox.stop());

	it('Send returns the simplified invoice plus its send date', async () => {
		const draft = sandbox.addInvoice('DRAFT');
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: draft });

		expect(Object.keys(result.success[0].json).sort()).toEqual([...SIMPLIFIED, 'sendDate'].sort());
		expect(result.success[0].json).toMatchObject({ _id: draft, status: 'SENT', counterparty: 'Acme Corp' });
		expect(JSON.stringify(result.success[0].json).length).toBeLessThan(350);
	});

	it('with the tool’s Simplify off, the whole invoice', async () => {
		const draft = sandbox.addInvoice('DRAFT');
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: draft, simplify: false });

		expect(result.success[0].json).toHaveProperty('lineItems');
		expect(result.success[0].json).toHaveProperty('counterParty');
	});

	it('Get Many gives 10 records by default, and a note saying how many more and how to narrow the search', async () => {
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'getAll' });

		const json = result.success.map((item) => item.json);
		expect(json).toHaveLength(11);
		const total = sandbox.invoices.size;
		expect(json[10]).toEqual({
			note: `These are 10 invoices; ${total - 10} more match. To see others, narrow the search (filter by status, customer, invoice number or dates), or raise Limit (a call returns at most 25).`,
		});
		expect(result.requests.map((request) => request.query.limit)).toEqual(['10']);
	});

	it('Get Many with a large Limit (or Return All) still gives at most 25 records a call', async () => {
		for (const parameters of [{ limit: 300 }, { returnAll: true }]) {
			const result = await runTool(sandbox, { resource: 'invoice', operation: 'getAll', ...parameters });

			expect(result.success).toHaveLength(26);
			expect(String(result.success[25].json.note)).toMatch(/^These are 25 invoices; \d+ more match\./);
			expect(JSON.stringify(result.success.map((item) => item.json)).length).toBeLessThan(7_000);
		}
	});

	it('with a node-side filter, says more may match when it stopped early, and says so when nothing matches', async () => {
		const overdue = await runTool(sandbox, { resource: 'invoice', operation: 'getAll', filters: { status: ['OVERDUE'] }, limit: 3 });
		expect(overdue.success.slice(0, 3).every((item) => item.json.status === 'OVERDUE')).toBe(true);
		expect(overdue.success[3].json.note).toMatch(/^These are the first 3 matching invoices; more may match\./);

		const none = await runTool(sandbox, { resource: 'invoice', operation: 'getAll', filters: { invoiceNumber: 'INV-0' } });
		expect(none.success.map((item) => item.json)).toEqual([{ note: 'No invoices match this search.' }]);
	});

	it('Get Many counterparties gives each one as its _id, name, number, type and email: what an agent needs to name a customer', async () => {
		const result = await runTool(sandbox, { resource: 'counterparty', operation: 'getAll', filters: { search: 'Acme' } });

		expect(result.success.map((item) => item.json)).toEqual([
			{ _id: '65f1c0ffee0123456789c001', accountName: 'Acme Corp', accountNumber: expect.any(String), type: 'customer', email: 'billing@acme.example' },
		]);
		expect(result.requests[0].query).toMatchObject({ query: 'Acme' });
	});
});
