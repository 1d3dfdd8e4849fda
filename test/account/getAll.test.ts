import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const getAll = (extra: Record<string, unknown> = {}) => ({ resource: 'account', operation: 'getAll', ...extra });

describe('Account → Get Many', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends the search as `query` and outputs one item per account', async () => {
		const result = await runOperation(sandbox, getAll({ returnAll: true, filters: { search: 'savings' } }));

		expect(result.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/public-api/v1/accounts', query: { query: 'savings', sortKey: '_id', sortOrder: '1', page: '1', limit: '250' }, body: {} },
		]);
		expect(jsonOf(result.success)).toEqual([expect.objectContaining({ accountName: 'Business Savings', accountType: 'Depository' })]);
	});

	it('lists both seeded bank accounts without a filter', async () => {
		const result = await runOperation(sandbox, getAll({ limit: 50 }));

		expect(jsonOf(result.success).map((account) => account.nickName)).toEqual(['Operating', 'Reserve']);
	});

	it('reads more than 250 accounts with Return All and with a limit over 250', async () => {
		for (let index = 0; index < 255; index++) {
			sandbox.store.insert(sandbox.store.accounts, { accountType: 'Credit', accountName: `Card ${index}`, accountNumber: `****${1000 + index}`, nickName: '' });
		}

		const all = await runOperation(sandbox, getAll({ returnAll: true }));
		const limited = await runOperation(sandbox, getAll({ limit: 256 }));

		expect(all.success).toHaveLength(257);
		expect(all.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(limited.success).toHaveLength(256);
		expect(limited.requests.map((request) => request.query.limit)).toEqual(['250', '250']);
	});
});

describe('Account → Get Many, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('fails the run under Stop Workflow with the 429 message', async () => {
		const result = await runOperation(sandbox, getAll({ options: FAIL_ON_429 }), { items: [{}, {}] });

		expect(result.error?.message).toMatch(perMinuteMessage('read', 'get accounts'));
	});
});
