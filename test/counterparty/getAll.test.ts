import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const getAll = (extra: Record<string, unknown> = {}) => ({ resource: 'counterparty', operation: 'getAll', ...extra });

function addCounterparties(sandbox: Sandbox, count: number): void {
	for (let index = 0; index < count; index++) {
		const number = String(index).padStart(3, '0');
		sandbox.store.insert(sandbox.store.counterparties, { accountName: `Lead ${number}`, accountNumber: `L-${number}`, type: 'customer' });
	}
}

describe('Counterparty → Get Many', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('searches by name with `query`, sorted as asked, and outputs one item per counterparty', async () => {
		const result = await runOperation(sandbox, getAll({ limit: 10, filters: { search: 'e' }, sort: { sortKey: 'name', sortOrder: '-1' } }));

		expect(result.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/public-api/v1/counterparties', query: { query: 'e', sortKey: 'name', sortOrder: '-1', page: '1', limit: '10' }, body: {} },
		]);
		expect(jsonOf(result.success).map((counterparty) => counterparty.accountName)).toEqual(['Paper Street Supplies', 'Initech', 'Globex', 'Acme Corp']);
	});

	it('reads every page with Return All (250 a page) and stops at the total', async () => {
		addCounterparties(sandbox, 300);

		const result = await runOperation(sandbox, getAll({ returnAll: true }));

		expect(result.requests.map((request) => [request.query.page, request.query.limit, request.query.sortKey])).toEqual([
			['1', '250', '_id'],
			['2', '250', '_id'],
		]);
		expect(result.success).toHaveLength(304);
		expect(new Set(jsonOf(result.success).map((counterparty) => counterparty._id)).size).toBe(304);
	});

	it('pages up to a limit over 250 and outputs exactly that many', async () => {
		addCounterparties(sandbox, 300);

		const result = await runOperation(sandbox, getAll({ limit: 260, filters: { search: 'lead' } }));

		expect(result.requests.map((request) => [request.query.page, request.query.limit, request.query.query])).toEqual([
			['1', '250', 'lead'],
			['2', '250', 'lead'],
		]);
		expect(result.success).toHaveLength(260);
		expect(jsonOf(result.success).every((counterparty) => String(counterparty.accountName).startsWith('Lead'))).toBe(true);
	});

	it('outputs nothing when the search finds nothing', async () => {
		const result = await runOperation(sandbox, getAll({ filters: { search: 'no such company' } }));

		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([]);
	});
});

describe('Counterparty → Get Many, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('fails the run under Stop Workflow when the second page meets a 429', async () => {
		addCounterparties(sandbox, 300);

		const result = await runOperation(sandbox, getAll({ returnAll: true, options: FAIL_ON_429 }));

		expect(result.requests.map((request) => request.status)).toEqual([200, 429]);
		expect(result.error?.message).toMatch(perMinuteMessage('read', 'get counterparties'));
	});

	it('under Continue (using error output), turns the 429 into one error item', async () => {
		const result = await runOperation(sandbox, getAll({ options: FAIL_ON_429 }), { items: [{ run: 1 }, { run: 2 }], onError: 'continueErrorOutput' });

		expect(result.success).toHaveLength(4);
		expect(jsonOf(result.errorOutput)).toEqual([expect.objectContaining({ error: expect.objectContaining({ statusCode: 429 }) })]);
	});
});
