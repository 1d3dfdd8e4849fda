import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'counterparty',
	operation: 'create',
	accountName: '={{ $json.company }}',
	accountNumber: '={{ $json.crmId }}',
	type: 'customer',
	...extra,
});

const CONFLICT =
	'Bookeeping.ai refused to create the counterparty: it already exists (409), a counterparty with this Account Number is already there. Use the existing one (Counterparty > Get Many, Search by name), or another Account Number.';

describe('Counterparty → Create', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends POST /v1/counterparties with every field and outputs the new counterparty', async () => {
		const result = await runOperation(
			sandbox,
			create({
				type: 'both',
				additionalFields: {
					email: ' billing@hooli.example ',
					otherEmails: 'cfo@hooli.example, ap@hooli.example',
					phone: '+1 555 0199',
					taxId: 'US-99-1234567',
					address: { values: { city: 'Palo Alto', state: 'CA', country: 'US' } },
				},
			}),
			{ items: [{ company: '  Hooli  ', crmId: 'CRM-7001' }] },
		);

		expect(result.error).toBeUndefined();
		expect(result.requests.map(wire)).toEqual([
			{
				method: 'POST',
				path: '/public-api/v1/counterparties',
				query: {},
				body: {
					accountName: 'Hooli',
					accountNumber: 'CRM-7001',
					type: 'both',
					email: 'billing@hooli.example',
					otherEmails: ['cfo@hooli.example', 'ap@hooli.example'],
					phone: '+1 555 0199',
					taxId: 'US-99-1234567',
					address: { city: 'Palo Alto', state: 'CA', country: 'US' },
				},
			},
		]);
		const [created] = jsonOf(result.success);
		expect(created).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), accountName: 'Hooli', type: 'both', otherEmails: ['cfo@hooli.example', 'ap@hooli.example'] });
		expect(sandbox.store.counterparties.get(String(created._id))).toMatchObject({ accountNumber: 'CRM-7001' });
	});

	it('sends only the required fields when no additional field is set', async () => {
		const result = await runOperation(sandbox, create({ type: 'vendor' }), { items: [{ company: 'Umbrella', crmId: 'V-1' }] });

		expect(result.requests.map((request) => request.body)).toEqual([{ accountName: 'Umbrella', accountNumber: 'V-1', type: 'vendor' }]);
		expect(jsonOf(result.success)).toEqual([expect.objectContaining({ accountName: 'Umbrella', type: 'vendor', email: null })]);
	});

	it.each([
		['an empty Account Name', { company: ' ', crmId: 'C-1' }, {}, 'accountName', 'Invalid Account Name in item 0: an empty value. Check Account Name.'],
		[
			'a malformed Email',
			{ company: 'A', crmId: 'C-1' },
			{ additionalFields: { email: 'billing-at-acme' } },
			'additionalFields.email',
			'Invalid Email in item 0: "billing-at-acme" (not an email address). Check Email.',
		],
		[
			'a malformed Other Emails entry',
			{ company: 'A', crmId: 'C-1' },
			{ additionalFields: { otherEmails: 'a@x.example, nope' } },
			'additionalFields.otherEmails',
			'Invalid Other Emails in item 0: "a@x.example, nope" ("nope" is not an email address). Check Other Emails.',
		],
	])('refuses %s before sending, naming the item and the field', async (_name, item, extra, field, message) => {
		const result = await runOperation(sandbox, create(extra), { items: [item], onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ ...item, message, error: expect.objectContaining({ field, description: expect.stringContaining('No request was sent for this item.') }) },
		]);
	});

	it('turns the 409 for a taken Account Number into its own message, and goes on with the next item', async () => {
		const taken = String(sandbox.store.counterparties.get(SEED_IDS.acme)!.accountNumber);

		const result = await runOperation(sandbox, create(), {
			items: [{ company: 'Acme again', crmId: taken, row: 1 }, { company: 'Stark', crmId: 'C-2' }],
			onError: 'continueErrorOutput',
		});

		expect(result.requests.map((request) => request.status)).toEqual([409, 200]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{
				company: 'Acme again',
				crmId: taken,
				row: 1,
				message: CONFLICT,
				error: expect.objectContaining({ statusCode: 409, apiError: 'ConflictError', apiMessage: 'Resource already exists' }),
			},
		]);
		expect(jsonOf(result.success)).toEqual([expect.objectContaining({ accountName: 'Stark' })]);
	});

	it('fails the run under Stop Workflow with the 409 message', async () => {
		const taken = String(sandbox.store.counterparties.get(SEED_IDS.acme)!.accountNumber);

		const result = await runOperation(sandbox, create(), { items: [{ company: 'Acme', crmId: taken }] });

		expect(result.error?.message).toBe(CONFLICT);
		expect(result.success).toEqual([]);
	});
});

describe('Counterparty → Create, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('write'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item the API refused with 429 on the error output, with the limit figures', async () => {
		const result = await runOperation(sandbox, create({ options: FAIL_ON_429 }), {
			items: [{ company: 'First', crmId: 'R-1' }, { company: 'Second', crmId: 'R-2' }],
			onError: 'continueErrorOutput',
		});

		expect(result.requests.map((request) => request.status).sort()).toEqual([200, 429]);
		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		expect(refused.message).toMatch(perMinuteMessage('write', 'create the counterparty'));
		expect(refused.error).toMatchObject({ statusCode: 429, limit: 'minute', minutelyLimit: 1, operationType: 'write' });
	});
});
