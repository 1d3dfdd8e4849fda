import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const getAll = (extra: Record<string, unknown> = {}) => ({ resource: 'category', operation: 'getAll', ...extra });

describe('Category → Get Many', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends the parent categories comma-separated as `accounts`, and the search as `query`', async () => {
		const result = await runOperation(sandbox, getAll({ returnAll: true, filters: { parentCategories: ['EXPENSE', 'OTHER_INCOME'], search: 'e' } }));

		expect(result.requests.map(wire)).toEqual([
			{
				method: 'GET',
				path: '/public-api/v1/categories',
				query: { accounts: 'EXPENSE,OTHER_INCOME', query: 'e', sortKey: '_id', sortOrder: '1', page: '1', limit: '250' },
				body: {},
			},
		]);
		expect(jsonOf(result.success).map((category) => category.name)).toEqual(['Office Expenses', 'Bank Fees', 'Interest Income']);
	});

	it('sends no `accounts` when the Parent Categories filter is added but empty', async () => {
		const result = await runOperation(sandbox, getAll({ limit: 5, filters: { parentCategories: [] } }));

		expect(result.requests[0].query).toEqual({ sortKey: '_id', sortOrder: '1', page: '1', limit: '5' });
		expect(result.success).toHaveLength(5);
	});

	it('reads more than 250 categories with Return All and with a limit over 250', async () => {
		for (let index = 0; index < 280; index++) {
			sandbox.store.insert(sandbox.store.categories, { name: `Project ${index}`, parentCategory: 'EXPENSE', createdBy: 'USER', isArchived: false });
		}
		const total = sandbox.store.categories.size;

		const all = await runOperation(sandbox, getAll({ returnAll: true }));
		const limited = await runOperation(sandbox, getAll({ limit: 251 }));

		expect(all.success).toHaveLength(total);
		expect(all.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(limited.success).toHaveLength(251);
		expect(limited.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '250'],
			['2', '250'],
		]);
	});
});

describe('Category → Get Many, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('gives the 429 item its message under Continue (using error output)', async () => {
		const result = await runOperation(sandbox, getAll({ options: FAIL_ON_429 }), { items: [{}, {}], onError: 'continueErrorOutput' });

		expect(result.success.length).toBeGreaterThan(0);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].json.message).toMatch(perMinuteMessage('read', 'get categories'));
	});
});
