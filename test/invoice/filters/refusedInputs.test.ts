import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { getMany, startBook } from './filterKit';

describe('Invoice → Get Many, filter values refused before any request', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	const refused = async (filters: IDataObject) => {
		const result = await getMany(sandbox, filters, { returnAll: true }, 'continueErrorOutput');
		expect(result.requests).toHaveLength(0);
		expect(result.success).toEqual([]);
		expect(result.errorOutput).toHaveLength(1);
		return String(result.errorOutput[0].json.message);
	};

	it('refuses a From after its To, naming the item and both fields', async () => {
		expect(await refused({ invoiceDateFrom: '2026-03-01', invoiceDateTo: '2026-02-01' })).toBe(
			'Invalid Invoice Date From in item 0: "2026-03-01" (after Invoice Date To). Invoice Date From must not be after Invoice Date To ("2026-02-01").',
		);
		expect(await refused({ dueDateFrom: '2026-03-02T00:00:00Z', dueDateTo: '2026-03-01T23:59:59Z' })).toMatch(/^Invalid Due Date From in item 0: /);
	});

	it('refuses a date that is not a date', async () => {
		expect(await refused({ dueDateTo: 'next friday' })).toBe(
			'Invalid Due Date To in item 0: "next friday" (not an ISO 8601 date). Due Date To must be an ISO 8601 date, e.g. 2026-01-31 or 2026-01-31T17:00:00Z.',
		);
	});

	it('refuses a status Bookeeping.ai does not have, and an id that is not an id', async () => {
		expect(await refused({ status: ['OVERDUE', 'LATE'] })).toMatch(/^Invalid Status in item 0: .*"LATE" is not one of DRAFT, SENT, OVERDUE, PAID, CANCELLED/);
		// Checked like every id, with the same message.
		expect(await refused({ counterpartyId: 'Acme Corp' })).toBe(
			'Invalid Counterparty ID in item 0: "Acme Corp" (not an id). Counterparty ID must be a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd.',
		);
	});

	it('accepts a From equal to its To', async () => {
		const result = await getMany(sandbox, { invoiceDateFrom: '2026-03-01', invoiceDateTo: '2026-03-01' }, { returnAll: true }, 'continueErrorOutput');
		expect(result.errorOutput).toEqual([]);
	});
});
