import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import { runBookeeping } from '../engine/runWorkflow';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from '../engine/fixtures';

describe('Invoice → Delete, success path', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends DELETE /v1/invoices/{id} with the Bearer key and outputs { id, deleted: true } paired to the input', async () => {
		const first = sandbox.addInvoice('DRAFT');
		const second = sandbox.addInvoice('DRAFT');

		const result = await runBookeeping({
			items: [{ invoiceId: first, deal: 'A' }, { invoiceId: second, deal: 'B' }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
		});

		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([
			{ json: { id: first, deleted: true }, pairedItem: { item: 0 } },
			{ json: { id: second, deleted: true }, pairedItem: { item: 1 } },
		]);
		const deletes = sandbox.requestsTo('DELETE');
		expect(deletes.map((request) => request.path).sort()).toEqual(
			[`/public-api/v1/invoices/${first}`, `/public-api/v1/invoices/${second}`].sort(),
		);
		expect(deletes.every((request) => request.authorization === `Bearer ${API_KEY}`)).toBe(true);
		expect(sandbox.invoices.size).toBe(0);
	});

	it('trims surrounding whitespace and accepts upper-case hex ids', async () => {
		const id = sandbox.addInvoice('DRAFT', 'ABCDEF0123456789ABCDEF01');

		const result = await runBookeeping({
			items: [{ invoiceId: `  ${id}\n` }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
		});

		expect(result.success.map((item) => item.json)).toEqual([{ id, deleted: true }]);
		expect(sandbox.requestsTo('DELETE').map((request) => request.path)).toEqual([`/public-api/v1/invoices/${id}`]);
	});

	it('takes a fixed Invoice ID typed into the field', async () => {
		const id = sandbox.addInvoice('DRAFT');

		const result = await runBookeeping({
			items: [{}],
			parameters: deleteInvoiceParameters({ invoiceId: id }),
			credential: sandboxCredential(sandbox),
		});

		expect(result.success.map((item) => item.json)).toEqual([{ id, deleted: true }]);
	});
});

describe('Invoice → Delete, invalid Invoice ID', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.stop());

	const invalid: Array<[string, unknown]> = [
		['empty', ''],
		['whitespace', '   '],
		['23 characters', 'a'.repeat(23)],
		['25 characters', 'a'.repeat(25)],
		['non-hex', 'g'.repeat(24)],
		['path traversal', '../x'],
		['id with a path', `${'a'.repeat(24)}/send`],
		['number', 12345],
		['null', null],
		['object', { id: 'a'.repeat(24) }],
		['array', ['a'.repeat(24)]],
		['boolean', true],
	];

	it.each(invalid)('refuses %s before any request, naming the item and the field', async (_name, value) => {
		const before = sandbox.requests.length;

		const result = await runBookeeping({
			items: [{ invoiceId: value as IDataObject[string], row: 7 }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
			onError: 'continueErrorOutput',
		});

		expect(sandbox.requests.length).toBe(before);
		expect(result.success).toEqual([]);
		expect(result.errorOutput).toHaveLength(1);
		const { json } = result.errorOutput[0];
		expect(json.message).toMatch(/^Invalid Invoice ID in item 0: /);
		expect(json.row).toBe(7);
		expect(json.error).toMatchObject({
			field: 'invoiceId',
			rejectedValue: value !== null && typeof value === 'object' ? expect.any(String) : value,
			description: expect.stringContaining('24-character hexadecimal'),
		});
	});

	it('fails the run under Stop Workflow with the item and the rejected value in the message', async () => {
		const result = await runBookeeping({
			items: [{ invoiceId: '../x' }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
		});

		expect(result.error?.message).toBe('Invalid Invoice ID in item 0: "../x" (not an id). Invoice ID must be a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd.');
		expect(result.error?.description).toContain('No request was sent');
	});

	it('goes on with the valid items while refusing the invalid one', async () => {
		const id = sandbox.addInvoice('DRAFT');
		const before = sandbox.requests.length;

		const result = await runBookeeping({
			items: [{ invoiceId: 'nope' }, { invoiceId: id }],
			parameters: deleteInvoiceParameters(),
			credential: sandboxCredential(sandbox),
			onError: 'continueRegularOutput',
		});

		expect(sandbox.requests.length - before).toBe(1);
		expect(result.success.map((item) => [item.json.message ?? null, item.json.deleted ?? null])).toEqual([
			['Invalid Invoice ID in item 0: "nope" (not an id). Invoice ID must be a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd.', null],
			[null, true],
		]);
	});
});
