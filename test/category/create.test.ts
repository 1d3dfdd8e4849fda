import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'category',
	operation: 'create',
	name: '={{ $json.name }}',
	parentCategory: 'EXPENSE',
	...extra,
});

const CONFLICT =
	'Bookeeping.ai refused to create the category: it already exists (409), a category with this Name under the same Parent Category is already there. Use the existing one (Category > Get Many, Search by name), or another Name.';

describe('Category → Create', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends POST /v1/categories with the parent category code and outputs the new category', async () => {
		const result = await runOperation(sandbox, create({ parentCategory: 'COST_OF_GOODS_SOLD', additionalFields: { emoji: '📦', group: 'Fulfilment' } }), {
			items: [{ name: ' Shipping ' }],
		});

		expect(result.requests.map(wire)).toEqual([
			{ method: 'POST', path: '/public-api/v1/categories', query: {}, body: { name: 'Shipping', parentCategory: 'COST_OF_GOODS_SOLD', emoji: '📦', group: 'Fulfilment' } },
		]);
		expect(jsonOf(result.success)).toEqual([
			expect.objectContaining({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Shipping', parentCategory: 'COST_OF_GOODS_SOLD', createdBy: 'USER', isArchived: false }),
		]);
	});

	it('refuses an empty Name before sending', async () => {
		const result = await runOperation(sandbox, create(), { items: [{ name: '' }], onError: 'continueErrorOutput' });

		expect(result.requests).toEqual([]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ name: '', message: 'Invalid Name in item 0: an empty value. Check Name.', error: expect.objectContaining({ field: 'name' }) },
		]);
	});

	it('turns the 409 for a name already under that parent into its own message', async () => {
		const existing = { name: String(sandbox.store.categories.get(SEED_IDS.officeExpenses)!.name) };

		const result = await runOperation(sandbox, create(), { items: [{ name: existing.name }, { name: 'Travel' }], onError: 'continueErrorOutput' });

		expect(result.requests.map((request) => request.status)).toEqual([409, 200]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ name: existing.name, message: CONFLICT, error: expect.objectContaining({ statusCode: 409, apiError: 'ConflictError' }) },
		]);
		expect(jsonOf(result.success)).toEqual([expect.objectContaining({ name: 'Travel', parentCategory: 'EXPENSE' })]);
	});

	it('fails the run under Stop Workflow with the 409 message', async () => {
		const result = await runOperation(sandbox, create({ parentCategory: 'SALES' }), { items: [{ name: 'sales' }] });

		expect(result.error?.message).toBe(CONFLICT);
	});
});

describe('Category → Create, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('write'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output', async () => {
		const result = await runOperation(sandbox, create({ options: FAIL_ON_429 }), { items: [{ name: 'One' }, { name: 'Two' }], onError: 'continueErrorOutput' });

		expect(result.success).toHaveLength(1);
		const [refused] = jsonOf(result.errorOutput);
		expect(refused.message).toMatch(perMinuteMessage('write', 'create the category'));
		expect(refused.error).toMatchObject({ statusCode: 429, operationType: 'write' });
	});
});
