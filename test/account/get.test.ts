import { SEED_IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { startSandbox } from '../engine/fixtures';
import { FAIL_ON_429, byId, invalidIdMessage, jsonOf, oneRequestAMinute, perMinuteMessage, runOperation, wire } from '../engine/operationRuns';

const get = (accountId: unknown = '={{ $json.accountId }}', extra: Record<string, unknown> = {}) => ({ resource: 'account', operation: 'get', accountId, ...extra });

describe('Account → Get', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it('sends GET /v1/accounts/{id} and outputs the account', async () => {
		const result = await runOperation(sandbox, get(byId(SEED_IDS.operatingAccount)));

		expect(result.requests.map(wire)).toEqual([{ method: 'GET', path: `/public-api/v1/accounts/${SEED_IDS.operatingAccount}`, query: {}, body: {} }]);
		expect(jsonOf(result.success)).toEqual([sandbox.store.accounts.get(SEED_IDS.operatingAccount)]);
	});

	it('refuses a malformed id before any request, and goes on with the valid item', async () => {
		const result = await runOperation(sandbox, get(), {
			items: [{ accountId: '****4521' }, { accountId: SEED_IDS.savingsAccount }],
			onError: 'continueErrorOutput',
		});

		expect(result.requests.map((request) => request.path)).toEqual([`/public-api/v1/accounts/${SEED_IDS.savingsAccount}`]);
		expect(jsonOf(result.errorOutput)).toEqual([
			{ accountId: '****4521', message: invalidIdMessage('Account ID', 0, '"****4521"'), error: expect.objectContaining({ field: 'accountId' }) },
		]);
		expect(jsonOf(result.success)).toEqual([expect.objectContaining({ nickName: 'Reserve' })]);
	});

	it('under Stop Workflow, fails on the malformed id and sends nothing', async () => {
		const result = await runOperation(sandbox, get(), { items: [{ accountId: 42 }] });

		expect(result.error?.message).toBe(invalidIdMessage('Account ID', 0, 'number 42'));
		expect(result.requests).toEqual([]);
	});
});

describe('Account → Get, rate limited', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox(oneRequestAMinute('read'));
	});
	afterEach(async () => await sandbox.stop());

	it('puts the item refused with 429 on the error output', async () => {
		const result = await runOperation(sandbox, get(undefined, { options: FAIL_ON_429 }), {
			items: [{ accountId: SEED_IDS.operatingAccount }, { accountId: SEED_IDS.operatingAccount }],
			onError: 'continueErrorOutput',
		});

		expect(result.success).toHaveLength(1);
		expect(result.errorOutput[0].json.message).toMatch(perMinuteMessage('read', `get account ${SEED_IDS.operatingAccount}`));
		expect(result.errorOutput[0].json.error).toMatchObject({ statusCode: 429, accountId: SEED_IDS.operatingAccount });
	});
});
