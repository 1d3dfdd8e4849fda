import type { Sandbox } from '../../sandbox/server';
import { longestDelay, runOverdueScenario, summarize } from './overdueScenario';
import { DAY, idsOf, MINUTE, setUpTrigger, type TriggerSetup } from './triggerFixtures';

/** At the default poll of every 15 minutes the trigger looks again at least every 45 minutes. */
const MAX_DELAY_MINUTES = 45;
/** A look at the five past-due invoices: they share a page of 250. */
const LOOK_READS = 1;

const LAGS: Array<[string, number]> = [
	['at the due date', 0],
	['20 minutes after the due date', 20 * MINUTE],
	['a day after the due date', DAY],
];

describe('Bookeeping Trigger: an OVERDUE flip the API makes after the due date, its updatedAt unchanged', () => {
	it.each(LAGS)('flipped %s, among 2,000 other invoices: each invoice reported once, within 45 minutes; a quiet poll costs 1 read, 2 when it looks again', async (_name, lagMs) => {
		const run = await runOverdueScenario({ lagMs });
		const summary = summarize(run);
		expect(run.pages).toBeGreaterThanOrEqual(9);

		expect(summary.reportCounts).toEqual(run.sentIds.map(() => 1));
		for (const delay of summary.delaysMinutes) {
			expect(delay).toBeGreaterThanOrEqual(0);
			expect(delay).toBeLessThanOrEqual(MAX_DELAY_MINUTES);
		}

		// Before the due date and once every invoice is reported: only the cursor's read.
		expect(new Set(summary.readsBeforeDue)).toEqual(new Set([1]));
		expect(new Set(summary.readsAfterReport)).toEqual(new Set([1]));
		// While the API still shows them as sent: the cursor's read, plus one read when the trigger
		// looks again; finding the invoices' page the first time halves the list (log2 of its pages).
		const [firstLook, ...laterPolls] = summary.quietReadsWhileLate;
		if (firstLook !== undefined) expect(firstLook).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(run.pages)) + LOOK_READS);
		for (const reads of laterPolls) expect([1, 1 + LOOK_READS]).toContain(reads);
		// A day of waiting costs at most 36 looks (every poll at first, then every third poll).
		const days = Math.max(1, (laterPolls.length * 15 * MINUTE) / DAY);
		expect(laterPolls.filter((reads) => reads > 1).length).toBeLessThanOrEqual(36 * days);
	}, 120_000);

	it('whatever the lag (every 7 minutes from 0 to 3 hours, a second after the minute): never reported later than 45 minutes after the flip', async () => {
		const lags = Array.from({ length: 26 }, (_, index) => index * 7 * MINUTE + 1_000);
		const worst = await longestDelay(lags, { otherInvoices: 250, pollAfterFlipMs: 60 * MINUTE });
		expect(worst.minutes).toBeLessThanOrEqual(MAX_DELAY_MINUTES);
		// The sweep reaches the schedule's longest gap: a flip just after a look waits most of it.
		expect(worst.minutes).toBeGreaterThan(30);
	}, 300_000);

	describe('finding the invoices to look at in the list sorted by _id', () => {
		let setup: TriggerSetup;
		let sandbox: Sandbox;
		afterEach(async () => await sandbox.stop());
		/** 24-hex ids that sort as their numbers do. */
		const idOf = (serial: number) => serial.toString(16).padStart(24, '0');
		const looks = () => sandbox.requestsTo('GET', '/v1/invoices').filter((request) => request.query.sortKey === '_id').length;

		async function start(lagMs: number) {
			setup = await setUpTrigger({ event: 'invoiceStatusChanged', options: { includePreviousStatus: true } }, { overdueLagMs: lagMs, seed: false });
			sandbox = setup.sandbox;
			for (let serial = 1_000; serial < 1_600; serial++) {
				setup.clock.advance(1_000);
				if (serial === 1_300) sandbox.addInvoice('SENT', idOf(serial), { dueDate: new Date(setup.clock.now + DAY).toISOString() });
				else sandbox.addInvoice('DRAFT', idOf(serial));
			}
			await setup.trigger.activate();
			for (let poll = 0; poll < 2; poll++) await setup.trigger.poll();
			setup.clock.advance(DAY + MINUTE);
			return setup;
		}

		it('an invoice that moved to another page (invoices added before it) is found again from its last place, and reported once', async () => {
			const { trigger, clock } = await start(2 * 60 * MINUTE);
			let before = looks();
			expect(await trigger.poll()).toEqual({ items: null });
			// No place known yet: the list's 3 pages halved.
			expect(looks() - before).toBeLessThanOrEqual(2);

			for (let serial = 100; serial < 400; serial++) sandbox.addInvoice('DRAFT', idOf(serial));
			clock.advance(2 * 60 * MINUTE);
			before = looks();
			const overdue = await trigger.poll();
			expect(overdue.items).toEqual([expect.objectContaining({ _id: idOf(1_300), status: 'OVERDUE', previousStatus: 'SENT' })]);
			// Its last page (2), then the next one (3), where it is now.
			expect(looks() - before).toBe(2);
			clock.advance(15 * MINUTE);
			expect(await trigger.poll()).toEqual({ items: null });
		});

		it('an invoice no longer in the list is forgotten: later polls do not look for it', async () => {
			const { trigger, clock } = await start(DAY);
			sandbox.invoices.delete(idOf(1_300));
			await trigger.poll();
			expect(trigger.state.tracked).not.toHaveProperty(idOf(1_300));
			const before = looks();
			for (let poll = 0; poll < 4; poll++) {
				clock.advance(15 * MINUTE);
				expect(idsOf((await trigger.poll()).items)).toEqual([]);
			}
			expect(looks()).toBe(before);
		});
	});
});
