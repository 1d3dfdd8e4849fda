import { FAULTS } from '../../sandbox/faults';
import type { Sandbox } from '../../sandbox/server';
import { runBookeeping } from '../engine/runWorkflow';
import { sandboxCredential } from '../engine/fixtures';
import { expectStandsAlone, runTool, startToolSandbox } from './toolKit';

const UNKNOWN_ID = '65f1c0ffee0123456789ffff';

describe('As an AI tool, every failure is one message that stands on its own', () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startToolSandbox()));
	afterAll(async () => await sandbox.stop());

	it('409: what happened, that Bookeeping.ai refused it and changed nothing, and the operation to use instead', async () => {
		const sent = sandbox.addInvoice('SENT');
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'delete', invoiceId: sent });

		const message = result.error?.message ?? '';
		expect(message).toBe(
			`409 Conflict: Invoice ${sent} is not a DRAFT, so it cannot be deleted. Bookeeping.ai said: "Only invoices in draft status can be deleted". The request reached Bookeeping.ai, which refused it; nothing was changed. Next: if it is SENT or OVERDUE, cancel it with the Cancel an invoice operation instead; a PAID or CANCELLED invoice stays as it is. Get Many invoices (filter by invoice number) shows its status.`,
		);
		expectStandsAlone(message);
		expect(result.requests).toHaveLength(1);
	});

	it('an id that is not an id: refused before sending, with how to find the id', async () => {
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: 'INV-1001' });

		expect(result.error?.message).toBe(
			'Refused before sending: Invoice ID is "INV-1001" (not an id). No request was sent to Bookeeping.ai, so nothing was changed. Next: give Invoice ID as a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd; find it with the Get Many invoices operation (filter by invoice number, customer or status).',
		);
		expect(result.requests).toHaveLength(0);
	});

	it("a counterparty given by name: says to find the customer's id by name", async () => {
		const result = await runTool(sandbox, {
			resource: 'invoice',
			operation: 'create',
			counterpartyId: 'Acme Corp',
			invoiceDate: '2026-01-01',
			dueDate: '2026-01-31',
			currency: 'USD',
			lineItems: '[{"name":"Consulting","quantity":1,"price":100}]',
		});

		expect(result.error?.message).toMatch(/^Refused before sending: Counterparty ID is "Acme Corp" \(not an id\)\./);
		expect(result.error?.message).toMatch(/Next: .*find it with the Get Many counterparties operation, searching by name\.$/);
	});

	it('a filter value that cannot be used: refused before sending, with what a valid one looks like', async () => {
		const byName = await runTool(sandbox, { resource: 'invoice', operation: 'getAll', filters: { counterpartyId: 'Acme Corp', status: ['OVERDUE'] } });
		expect(byName.error?.message).toBe(
			'Refused before sending: the filter Counterparty ID is "Acme Corp" (not an id). No request was sent to Bookeeping.ai, so nothing was changed. Next: give Counterparty ID as a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd; find it with the Get Many counterparties operation, searching by name.',
		);
		const wrongDate = await runTool(sandbox, { resource: 'invoice', operation: 'getAll', filters: { dueDateTo: 'last friday' } });
		expect(wrongDate.error?.message).toMatch(/Next: give Due Date To as an ISO 8601 date, e\.g\. 2026-01-31 or 2026-01-31T17:00:00Z, and call again\.$/);
		expect([...byName.requests, ...wrongDate.requests]).toHaveLength(0);
	});

	it('404: the record does not exist, nothing changed, and how to find the right id', async () => {
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'cancel', invoiceId: UNKNOWN_ID, reason: 'Deal lost' });

		expect(result.error?.message).toBe(
			`404 Not Found: Invoice ${UNKNOWN_ID} does not exist in this Bookeeping.ai account. The request reached Bookeeping.ai, which refused it; nothing was changed. Next: find the right id with the Get Many invoices operation (filter by invoice number, customer or status).`,
		);
	});

	it('a write that got no answer: says it may have happened, so a blind retry could repeat it', async () => {
		const draft = sandbox.addInvoice('DRAFT');
		sandbox.failNext(FAULTS.reset);
		const result = await runTool(sandbox, { resource: 'invoice', operation: 'send', invoiceId: draft });

		const message = result.error?.message ?? '';
		expect(message).toMatch(/^No answer: The connection to Bookeeping\.ai was reset before it answered \(ECONNRESET\)\./);
		expect(message).toContain('may or may not have been carried out, so a blind retry could do it twice.');
		expect(message).toMatch(/Next: check with a Get Many operation whether it happened before retrying/);
	});

	it('outside tool mode, messages stay as they are for people', async () => {
		const sent = sandbox.addInvoice('SENT');
		const result = await runBookeeping({
			items: [{}],
			parameters: { resource: 'invoice', operation: 'delete', invoiceId: sent },
			credential: sandboxCredential(sandbox),
		});

		expect(result.error?.message).toBe(
			`Invoice ${sent} is not a draft, so it cannot be deleted. Only drafts can be deleted: cancel a sent or overdue invoice instead (Invoice > Cancel).`,
		);
	});
});
