import type { Sandbox } from '../../sandbox/server';
import { SEED_IDS } from '../../sandbox/seed';
import { byId, fromList, runInvoice, sentTo, startSandbox } from './invoiceTestKit';

const lines = [
	{ name: 'Consulting', quantity: 2, price: 150 },
	{ name: 'Travel', quantity: 1, price: 80 },
];

const createParameters = (extra: Record<string, unknown> = {}) => ({
	counterpartyId: fromList(SEED_IDS.acme),
	invoiceDate: '2026-12-01T09:30:00',
	dueDate: '2026-12-31T00:00:00',
	currency: 'usd',
	lineItems: JSON.stringify(lines),
	...extra,
});

describe('Invoice → Create', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends POST /v1/invoices with the documented body and outputs the created invoice', async () => {
		const result = await runInvoice(
			sandbox,
			'create',
			createParameters({
				additionalFields: {
					invoiceNumber: 'INV-9001',
					note: 'Thanks for your business',
					discount: { values: { type: 'PERCENTAGE', value: 10 } },
					purchaseOrderId: 'PO-77',
				},
			}),
			[{ deal: 'D-1' }],
		);

		expect(result.error).toBeUndefined();
		const [request] = sentTo(sandbox, 'POST', '/v1/invoices');
		expect(request.path).toBe('/public-api/v1/invoices');
		expect(request.body).toEqual({
			counterParty: SEED_IDS.acme,
			// n8n's default time zone, America/New_York, since the test workflow sets none.
			invoiceDate: '2026-12-01T14:30:00.000Z',
			dueDate: '2026-12-31T05:00:00.000Z',
			currency: 'USD',
			lineItems: lines,
			invoiceId: 'INV-9001',
			note: 'Thanks for your business',
			discount: { type: 'PERCENTAGE', value: 10 },
			purchaseOrderId: 'PO-77',
		});
		expect(result.success).toHaveLength(1);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
		expect(result.success[0].json).toMatchObject({
			_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			invoiceId: 'INV-9001',
			status: 'DRAFT',
			currency: 'USD',
			amount: 342,
			counterParty: { _id: SEED_IDS.acme, accountName: 'Acme Corp' },
		});
	});

	it('lets Bookeeping.ai number the invoice with INCREMENTAL, and takes ids typed By ID', async () => {
		const result = await runInvoice(
			sandbox,
			'create',
			createParameters({ counterpartyId: byId(` ${SEED_IDS.globex} `), additionalFields: { invoiceNumber: 'INCREMENTAL' } }),
		);

		expect(sentTo(sandbox, 'POST', '/v1/invoices')[0].body).toMatchObject({ counterParty: SEED_IDS.globex, invoiceId: 'INCREMENTAL' });
		expect(result.success[0].json.invoiceId).toMatch(/^INV-\d+$/);
	});

	it('reads a date without a time zone in the workflow time zone', async () => {
		await runInvoice(sandbox, 'create', createParameters({ invoiceDate: '2026-07-01T00:00:00' }));
		// The test workflow has no time zone setting, so n8n's default (America/New_York) applies.
		expect(sentTo(sandbox, 'POST', '/v1/invoices')[0].body).toMatchObject({ invoiceDate: '2026-07-01T04:00:00.000Z' });
	});

	it.each([
		['Counterparty ID', { counterpartyId: '={{ "acme" }}' }, /^Invalid Counterparty ID in item 0: "acme" \(not an id\)/],
		['Invoice Date', { invoiceDate: 'next tuesday' }, /^Invalid Invoice Date in item 0: "next tuesday" \(not an ISO 8601 date\)/],
		['Due Date', { dueDate: '={{ $json.missing }}' }, /^Invalid Due Date in item 0: an empty value/],
		['Currency', { currency: 'dollars' }, /^Invalid Currency in item 0: "dollars" \(not a three-letter currency code\)/],
		['Line Items (not JSON)', { lineItems: '[{name: x}]' }, /^Invalid Line Items in item 0: .*\(text that is not valid JSON\)/],
		['Line Items (empty)', { lineItems: '[]' }, /^Invalid Line Items in item 0: .*\(an empty array\)/],
		['Line Items (not objects)', { lineItems: '[1, 2]' }, /^Invalid Line Items in item 0: .*\(an array whose entry 0 is not an object\)/],
		['Discount', { additionalFields: { discount: { values: { type: 'PERCENTAGE', value: 150 } } } }, /^Invalid Discount in item 0: .*\(a percentage over 100\)/],
		['Stripe connection', { additionalFields: { payViaStripeAccountConnectionId: 'acct_123' } }, /^Invalid Pay via Stripe Account Connection ID in item 0/],
	])('refuses a bad %s before sending, naming the item and the field', async (_field, extra, message) => {
		const result = await runInvoice(sandbox, 'create', createParameters(extra), [{ deal: 'D-2' }], 'continueErrorOutput');

		expect(sentTo(sandbox, 'POST', '/v1/invoices')).toHaveLength(0);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].json.message).toMatch(message);
		expect(result.errorOutput[0].json.deal).toBe('D-2');
		expect(result.errorOutput[0].json.error).toMatchObject({ field: expect.any(String) });
	});

	it('explains a 409 (the invoice number exists) with how to fix it', async () => {
		await runInvoice(sandbox, 'create', createParameters({ additionalFields: { invoiceNumber: 'INV-1' } }));

		const result = await runInvoice(sandbox, 'create', createParameters({ additionalFields: { invoiceNumber: 'INV-1' } }), [{}], 'continueErrorOutput');

		expect(result.errorOutput[0].json.message).toMatch(/already exists \(409\).*Use another Invoice Number, or INCREMENTAL/);
		expect(result.errorOutput[0].json.error).toMatchObject({ statusCode: 409, apiError: 'ConflictError', apiMessage: 'Resource already exists' });
	});

	it('reports what the API refused as invalid, with its message', async () => {
		const unknownCustomer = 'abcdefabcdefabcdefabcdef';
		const result = await runInvoice(sandbox, 'create', createParameters({ counterpartyId: byId(unknownCustomer) }), [{}], 'continueRegularOutput');

		expect(result.success[0].json.message).toBe(
			'Bookeeping.ai rejected the request to create the invoice as invalid. Bookeeping.ai said: "counterParty not found". Check this item\'s fields.',
		);
		expect(result.success[0].json.error).toMatchObject({ statusCode: 400 });
	});
});
