import type { Sandbox } from '../../../sandbox/server';
import { getMany, idsOf, idsWhere, startBook } from './filterKit';

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** When a day starts in a time zone, from what the zone's clock shows at that day's UTC midnight. */
function startOfDayIn(day: string, timeZone: string): number {
	const utcMidnight = Date.parse(`${day}T00:00:00Z`);
	const shown = Date.parse(`${new Date(utcMidnight).toLocaleString('en-US', { timeZone })} UTC`);
	return utcMidnight + (utcMidnight - shown);
}

describe('Invoice → Get Many, date range filters', () => {
	let sandbox: Sandbox;
	beforeAll(async () => ({ sandbox } = await startBook()));
	afterAll(async () => await sandbox.stop());

	it('keeps invoices dated inside the range, both ends included, a To without a time covering its whole day in the workflow time zone', async () => {
		const now = sandbox.store.now();
		const from = `${isoDay(now - 60 * DAY)}T00:00:00Z`;
		const toDay = isoDay(now - 30 * DAY);
		const result = await getMany(sandbox, { invoiceDateFrom: from, invoiceDateTo: toDay }, { returnAll: true });

		// A date without a time is a day in the workflow's time zone (n8n's default, America/New_York).
		const endOfToDay = startOfDayIn(isoDay(Date.parse(`${toDay}T12:00:00Z`) + DAY), 'America/New_York') - 1;
		const expected = idsWhere(sandbox, (invoice) => {
			const time = Date.parse(String(invoice.invoiceDate));
			return time >= Date.parse(from) && time <= endOfToDay;
		});
		expect(expected.length).toBeGreaterThan(100);
		expect(idsOf(result.success)).toEqual(expected);
	});

	it('reads a date without a zone in the workflow time zone (n8n default America/New_York)', async () => {
		const now = sandbox.store.now();
		const day = isoDay(now - 20 * DAY);
		const result = await getMany(sandbox, { dueDateFrom: `${day}T00:00:00`, dueDateTo: day }, { returnAll: true });

		const from = startOfDayIn(day, 'America/New_York');
		const expected = idsWhere(sandbox, (invoice) => {
			const time = Date.parse(String(invoice.dueDate));
			return time >= from && time < from + DAY;
		});
		expect(idsOf(result.success)).toEqual(expected);
	});

	it('keeps invoices due in a range (what fell due last week)', async () => {
		const now = sandbox.store.now();
		const from = new Date(now - 7 * DAY).toISOString();
		const to = new Date(now).toISOString();
		const result = await getMany(sandbox, { dueDateFrom: from, dueDateTo: to }, { returnAll: true });

		const expected = idsWhere(sandbox, (invoice) => {
			const time = Date.parse(String(invoice.dueDate));
			return time >= Date.parse(from) && time <= Date.parse(to);
		});
		expect(expected.length).toBeGreaterThan(0);
		expect(idsOf(result.success)).toEqual(expected);
	});
});
