import { sandboxCredential, startSandbox } from '../engine/fixtures';
import { ActiveTrigger } from './pollHarness';
import { ApiClock, DAY, MINUTE } from './triggerFixtures';

const INVOICES = '/v1/invoices';
const HOUR = 60 * MINUTE;

export interface OverdueScenarioOptions {
	/** How long after the due date the API flips a sent invoice to OVERDUE (its updatedAt unchanged). */
	lagMs: number;
	/** Invoices that are no part of it: half created before the sent ones, half after. */
	otherInvoices?: number;
	/** Sent invoices sharing one due date. */
	sentInvoices?: number;
	pollEveryMs?: number;
	/** Polls go on this long after the flip. */
	pollAfterFlipMs?: number;
}

export interface PollRecord {
	/** The API's time of the poll. */
	at: number;
	reads: number;
	/** Ids of the invoices the poll reported as OVERDUE. */
	overdue: string[];
	/** Everything the poll reported. */
	items: number;
}

export interface OverdueRun {
	sentIds: string[];
	dueAt: number;
	/** When the API flips the sent invoices: the due date plus the lag. */
	flipAt: number;
	/** Every poll from two hours before the due date on (the baseline is done by then). */
	polls: PollRecord[];
	/** How many pages of 250 the invoice list has. */
	pages: number;
}

/**
 * An id as MongoDB makes them, which the API's 24-hex ids are: the creation time in seconds, then a
 * process-wide random part and a counter. Ids grow with time, so new invoices sort after old ones
 * by `_id` (the sandbox's own ids are random, the harder case).
 */
function objectIdAt(time: number, serial: number): string {
	const seconds = Math.floor(time / 1000).toString(16).padStart(8, '0');
	return `${seconds}c0ffee0000${serial.toString(16).padStart(6, '0')}`;
}

/**
 * An account with thousands of invoices, a few sent invoices due at the same time, and an API that
 * flips them to OVERDUE `lagMs` after their due date without touching their updatedAt. The trigger
 * (Invoice Status Changed, all statuses) is polled every `pollEveryMs` on the API's clock while a
 * new draft arrives before each poll and, halfway, an old draft is deleted: the sent invoices'
 * place in the list moves by one.
 */
export async function runOverdueScenario(options: OverdueScenarioOptions): Promise<OverdueRun> {
	const { lagMs, otherInvoices = 2_000, sentInvoices = 5, pollEveryMs = 15 * MINUTE, pollAfterFlipMs = 2 * HOUR } = options;
	const clock = new ApiClock(Date.parse('2025-01-05T08:00:00.000Z'));
	// Reads come fast in real time: the per-minute limit is not what this measures.
	const sandbox = await startSandbox({ now: () => clock.now, overdueLagMs: lagMs, readLimits: { perWindow: 1_000_000, perDay: 10_000_000 } });
	let serial = 0;
	const add = (status: 'DRAFT' | 'SENT', fields: Record<string, unknown> = {}) =>
		sandbox.addInvoice(status, objectIdAt(clock.now, ++serial), fields);
	const addOver = (count: number, spanMs: number, ids: string[]) => {
		for (let index = 0; index < count; index++, clock.advance(spanMs / count)) ids.push(add('DRAFT'));
	};
	try {
		// A year of invoices, then the sent ones (due a month later), then a month of new invoices:
		// most of the list sorts before the sent invoices by _id, and after them by updatedAt.
		const older: string[] = [];
		const newer: string[] = [];
		addOver(Math.round(otherInvoices * 0.8), 365 * DAY, older);
		const dueAt = clock.now + 31 * DAY;
		const sentIds: string[] = [];
		for (let index = 0; index < sentInvoices; index++, clock.advance(MINUTE)) sentIds.push(add('SENT', { dueDate: new Date(dueAt).toISOString() }));
		addOver(otherInvoices - older.length, 30 * DAY, newer);

		const trigger = new ActiveTrigger({ event: 'invoiceStatusChanged', options: { includePreviousStatus: true } }, sandboxCredential(sandbox));
		const reads = () => sandbox.requestsTo('GET', INVOICES).length;
		const poll = async (): Promise<PollRecord> => {
			clock.advance(pollEveryMs);
			add('DRAFT');
			const before = reads();
			const { items, error } = await trigger.poll();
			if (error) throw error;
			const overdue = (items ?? []).filter((item) => item.status === 'OVERDUE' && item.previousStatus === 'SENT').map((item) => String(item._id));
			return { at: clock.now, reads: reads() - before, overdue, items: items?.length ?? 0 };
		};

		await trigger.activate();
		// The baseline reads every invoice once (1,000 a poll).
		const baselineDone = () => {
			const { cursor, liveFrom } = trigger.state;
			return cursor !== null && Date.parse(String(cursor)) >= Date.parse(String(liveFrom));
		};
		while (!baselineDone()) await poll();
		// Polls start two hours before the due date, off the hour.
		clock.now = dueAt - 2 * HOUR + 7 * MINUTE - pollEveryMs;
		const flipAt = dueAt + lagMs;
		const polls: PollRecord[] = [];
		const deleteAt = dueAt + lagMs / 2;
		let deleted = false;
		while (clock.now + pollEveryMs <= flipAt + pollAfterFlipMs) {
			if (!deleted && clock.now >= deleteAt) {
				sandbox.invoices.delete(older[0].toLowerCase());
				deleted = true;
			}
			polls.push(await poll());
		}
		return { sentIds, dueAt, flipAt, polls, pages: Math.ceil(sandbox.invoices.size / 250) };
	} finally {
		await sandbox.stop();
	}
}

export interface OverdueSummary {
	/** Per sent invoice, minutes from the flip to the poll that reported it (undefined: never). */
	delaysMinutes: Array<number | undefined>;
	/** How often each sent invoice was reported. */
	reportCounts: number[];
	/** Reads of each poll that reported nothing, from the due date to the report. */
	quietReadsWhileLate: number[];
	/** Reads of the polls before the due date. */
	readsBeforeDue: number[];
	/** Reads of each poll after the last report. */
	readsAfterReport: number[];
}

export function summarize(run: OverdueRun): OverdueSummary {
	const reportPolls = run.sentIds.map((id) => run.polls.filter((poll) => poll.overdue.includes(id)));
	const lastReport = reportPolls.every((polls) => polls.length > 0) ? Math.max(...reportPolls.flat().map((poll) => poll.at)) : Infinity;
	return {
		delaysMinutes: reportPolls.map((polls) => (polls.length ? (polls[0].at - run.flipAt) / MINUTE : undefined)),
		reportCounts: reportPolls.map((polls) => polls.length),
		quietReadsWhileLate: run.polls.filter((poll) => poll.at >= run.dueAt && poll.at < lastReport && poll.items === 0).map((poll) => poll.reads),
		readsBeforeDue: run.polls.filter((poll) => poll.at < run.dueAt).map((poll) => poll.reads),
		readsAfterReport: run.polls.filter((poll) => poll.at > lastReport).map((poll) => poll.reads),
	};
}

/**
 * The longest report delay over many lags (each its own run): flips land at every point of the
 * trigger's schedule of looks, so the worst case shows up.
 */
export async function longestDelay(lagsMs: number[], options: Omit<OverdueScenarioOptions, 'lagMs'> = {}): Promise<{ minutes: number; lagMs: number }> {
	let worst = { minutes: -Infinity, lagMs: 0 };
	for (const lagMs of lagsMs) {
		const { delaysMinutes, reportCounts } = summarize(await runOverdueScenario({ ...options, lagMs }));
		if (reportCounts.some((count) => count !== 1)) throw new Error(`lag ${lagMs / MINUTE} min: reported ${reportCounts.join('/')} times`);
		for (const minutes of delaysMinutes) if (minutes !== undefined && minutes > worst.minutes) worst = { minutes, lagMs };
	}
	return worst;
}
