import type { IDataObject } from 'n8n-workflow';

import { locateByIds } from '../cursor/idLocator';
import type { PollState } from '../cursor/pollState';
import type { PageBudget } from '../cursor/recordWindow';
import type { ListReader, TriggerList } from '../transport/listReader';
import { decodeStatus, encodeSent, type TrackedStatus } from './invoiceStatusTracking';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Two looks at a past-due invoice still shown as sent are at most this far apart when polls come
 * at least this often: the longest a flip to OVERDUE waits to be reported (45 minutes at the
 * default poll of every 15 minutes: every third poll).
 */
export const MAX_LOOK_GAP_MS = 55 * MINUTE;
/** How long after the due date the trigger keeps looking that often. */
export const CLOSE_WATCH_MS = 7 * DAY;
/** After that, an API that has not flipped the invoice is not expected to soon: one look in this long. */
export const SLOW_LOOK_GAP_MS = 6 * HOUR;

/**
 * Whether to look again now at a past-due invoice the API still shows as sent. The first poll after
 * the due date looks; then the wait is half the time the invoice was past due at the last look (so
 * every poll at first), and never so long that the next poll would come more than the gap after the
 * last look.
 */
export function lookIsDue(now: number, dueAt: number, lookedAt: number | undefined, pollIntervalMs: number): boolean {
	if (lookedAt === undefined) return true;
	const since = now - lookedAt;
	const pastDueFor = lookedAt - dueAt;
	const gap = pastDueFor > CLOSE_WATCH_MS ? SLOW_LOOK_GAP_MS : MAX_LOOK_GAP_MS;
	return since >= pastDueFor / 2 || since + pollIntervalMs > gap;
}

/**
 * The API can flip a sent invoice to OVERDUE some time after its due date passes (when is not
 * documented) without touching its updatedAt, so the cursor never sees it. The trigger keeps the
 * due date of every sent invoice; once some are past due and a look is due, it reads the pages of
 * the list sorted by `_id` that hold them (see locateByIds) and returns those now OVERDUE. Every
 * past-due invoice on a page read counts as looked at, so invoices that sit together share their
 * reads and their schedule.
 */
export async function findNewlyOverdue(reader: ListReader, list: TriggerList, budget: PageBudget, state: PollState): Promise<IDataObject[]> {
	const now = reader.apiNow;
	const pollIntervalMs = state.overdueCheckedAt > 0 ? now - state.overdueCheckedAt : Infinity;
	state.overdueCheckedAt = now;
	const pastDue = new Map<string, TrackedStatus & { dueAt: number }>();
	for (const [id, code] of Object.entries(state.tracked)) {
		const tracked = decodeStatus(code);
		if (tracked?.status === 'SENT' && tracked.dueAt !== undefined && tracked.dueAt <= now) pastDue.set(id, { ...tracked, dueAt: tracked.dueAt });
	}
	const due = [...pastDue].filter(([, tracked]) => lookIsDue(now, tracked.dueAt, tracked.lookedAt, pollIntervalMs));
	if (due.length === 0) return [];

	const { seen, missing, unresolved } = await locateByIds(reader, list, budget, new Map(due.map(([id, tracked]) => [id, tracked.place])));
	const overdue: IDataObject[] = [];
	for (const [id, tracked] of pastDue) {
		const found = seen.get(id.toLowerCase());
		if (found?.record.status === 'OVERDUE') overdue.push(found.record);
		else if (found?.record.status === 'SENT') state.tracked[id] = encodeSent(tracked.dueAt, now, found.place);
		// Any other status came with a new updatedAt: the cursor reports it.
	}
	for (const id of missing) delete state.tracked[id];
	for (const [id, place] of unresolved) {
		const tracked = pastDue.get(id);
		if (tracked) state.tracked[id] = encodeSent(tracked.dueAt, tracked.lookedAt, place);
	}
	return overdue;
}
