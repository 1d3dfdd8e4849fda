import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const get = (counterpartyId: unknown = '={{ $json.counterpartyId }}', extra: Record<string, unknown> = {}) => ({
	resource: 'counterparty',
	operation: 'get',
	counterpartyId,
	...extra,
});

describe('Counterparty → Get', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends GET /v1/counterparties/{id} and outputs the counterparty, paired to its input', async () => {
		const result = await runOperation(sandbox, get(), { items: [{ counterpartyId: SEED_IDS.acme }, { counterpartyId: ` ${SEED_IDS.globex.toUpperCase()} ` }] });

		expect(result.requests.map(wire)).toEqual([
			{ method: 'GET', path: `/public-api/v1/counterparties/${SEED_IDS.acme}`, query: {}, body: {} },
			{ method: 'GET', path: `/public-api/v1/counterparties/${SEED_IDS.globex.toUpperCase()}`, query: {}, body: {} },
		]);
		expect(result.success.map((item) => [item.json.accountName, item.pairedItem])).toEqual([
			['Acme Corp', { item: 0 }],
			['Globex', { item: 1 }],
		]);
		expect(result.success[0].json).toEqual(sandbox.store.counterparties.get(SEED_IDS.acme));
	});

	it('takes the id from the resource locator in By ID mode', async () => {
		const result = await runOperation(sandbox, get(byId(SEED_IDS.initech)));

		expect(jsonOf(result.success)).toEqual([expect.objectContaining({ _id: SEED_IDS.initech, type: 'both' })]);
	});

	it.each([
		['a CRM number', 'CUST-0042', '"CUST-0042"', 'not an id'],
		['23 characters', 'a'.repeat(23), `"${'a'.repeat(23)}"`, 'not an id'],
		['a path', `${SEED_IDS.acme}/x`, `"${SEED_IDS.acme}/x"`, 'not an id'],
	])('refuses %s before any request, naming the item and the field', async (_name, value, shown, problem) => {
		const result = await runOperation(sandbox, get(), { items: [{ counterpartyId: SEED_IDS.acme }, { counterpartyId: value }], onError: 'continueErrorOutput' });

		expect(result.requests.map((request) => request.path)).toEqual([`/public-api/v1/counterparties/${SEED_IDS.acme}`]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ counterpartyId: value, message: invalidIdMessage('Counterparty ID', 1, shown, problem), error: expect.objectContaining({ field: 'counterpartyId', rejectedValue: value }) },
		]);
	});

	it('refuses an empty id under Stop Workflow, failing the run before any request', async () => {
		const result = await runOperation(sandbox, get(), { items: [{ counterpartyId: '' }, { counterpartyId: SEED_IDS.acme }] });

		expect(result.error?.message).toBe('Invalid Counterparty ID in item 0: an empty value. Counterparty ID must be a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd.');
		expect(result.requests).toEqual([]);
	});

	it('says which counterparty was not found (404), under Continue on the main output with the input fields', async () => {
		const unknown = '65f1c0ffee0123456789cfff';

		const result = await runOperation(sandbox, get(), { items: [{ counterpartyId: unknown, deal: 'D-1' }], onError: 'continueRegularOutput' });

		expect(jsonOf(result.success)).toEqual([
			{
				counterpartyId: unknown,
				deal: 'D-1',
				message: `Counterparty ${unknown} was not found. Check the id, and that the credential's Region is your account's region.`,
				error: expect.objectContaining({ statusCode: 404, counterpartyId: unknown }),
			},
		]);
	});
});

describe('Counterparty → Get, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output, naming the counterparty', async () => {
		const result = await runOperation(sandbox, get(undefined, { options: FAIL_ON_429 }), {
			items: [{ counterpartyId: SEED_IDS.acme }, { counterpartyId: SEED_IDS.globex }],
			onError: 'continueErrorOutput',
		});

		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		const id = String(refused.counterpartyId);
		expect(refused.message).toMatch(perMinuteMessage('read', `get counterparty ${id}`));
		expect(refused.error).toMatchObject({ statusCode: 429, counterpartyId: id, limit: 'minute', operationType: 'read' });
	});
});
