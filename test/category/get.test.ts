import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const get = (categoryId: unknown = '={{ $json.categoryId }}', extra: Record<string, unknown> = {}) => ({ resource: 'category', operation: 'get', categoryId, ...extra });

describe('Category → Get', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends GET /v1/categories/{id} and outputs the category', async () => {
		const result = await runOperation(sandbox, get(byId(SEED_IDS.salesCategory)));

		expect(result.requests.map(wire)).toEqual([{ method: 'GET', path: `/public-api/v1/categories/${SEED_IDS.salesCategory}`, query: {}, body: {} }]);
		expect(jsonOf(result.success)).toEqual([sandbox.store.categories.get(SEED_IDS.salesCategory)]);
		expect(result.success[0].json).toMatchObject({ name: 'Sales', parentCategory: 'SALES', createdBy: 'SYSTEM' });
	});

	it('refuses a malformed id before any request, naming the item and the field', async () => {
		const result = await runOperation(sandbox, get(), { items: [{ categoryId: 'Office Expenses' }], onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{
				categoryId: 'Office Expenses',
				message: invalidIdMessage('Category ID', 0, '"Office Expenses"'),
				error: expect.objectContaining({ field: 'categoryId', rejectedValue: 'Office Expenses' }),
			},
		]);
	});

	it('fails the run under Stop Workflow for an unknown category (404)', async () => {
		const unknown = '65f1c0ffee0123456789dfff';

		const result = await runOperation(sandbox, get(), { items: [{ categoryId: unknown }] });

		expect(result.error?.message).toBe(`Category ${unknown} was not found. Check the id, and that the credential's Region is your account's region.`);
	});
});

describe('Category → Get, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the main output under Continue', async () => {
		const result = await runOperation(sandbox, get(undefined, { options: FAIL_ON_429 }), {
			items: [{ categoryId: SEED_IDS.salesCategory }, { categoryId: SEED_IDS.salesCategory }],
			onError: 'continueRegularOutput',
		});

		const refused = jsonOf(result.success).filter((item) => item.message);
		expect(refused).toHaveLength(1);
		expect(refused[0].message).toMatch(perMinuteMessage('read', `get category ${SEED_IDS.salesCategory}`));
		expect(refused[0]).toMatchObject({ categoryId: SEED_IDS.salesCategory, error: { statusCode: 429 } });
	});
});
