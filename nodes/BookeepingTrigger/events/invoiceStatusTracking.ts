import type { IDataObject } from 'n8n-workflow';

import type { PollState } from '../cursor/pollState';
import type { PageBudget } from '../cursor/recordWindow';
import type { ListReader, TriggerList } from '../transport/listReader';

/** Statuses an invoice never leaves: such invoices are no longer tracked. */
const FINAL_STATUSES = ['PAID', 'CANCELLED'];
/** How long to wait before looking again at a past-due invoice the API still shows as sent. */
const OVERDUE_RECHECK_MS = 6 * 3_600_000;

const CODES: Record<string, string> = { DRAFT: 'D', OVERDUE: 'O' };

/**
 * An invoice's tracked status, kept short so 50,000 tracked invoices stay small: `D` draft,
 * `O` overdue, `S<due>[:<recheck>]` sent, with its due date and the time to look again for an
 * overdue flip in epoch seconds (base 36); any other status as its own name.
 */
export interface TrackedStatus {
	status: string;
	dueAt?: number;
	recheckAt?: number;
}

export function decodeStatus(code: string | undefined): TrackedStatus | undefined {
	if (code === undefined) return undefined;
	if (code === 'D') return { status: 'DRAFT' };
	if (code === 'O') return { status: 'OVERDUE' };
	const sent = /^S([0-9a-z]*)(?::([0-9a-z]+))?$/.exec(code);
	if (sent) {
		return {
			status: 'SENT',
			dueAt: sent[1] ? parseInt(sent[1], 36) * 1000 : undefined,
			recheckAt: sent[2] ? parseInt(sent[2], 36) * 1000 : undefined,
		};
	}
	return { status: code };
}

function encodeSent(dueAt: number | undefined, recheckAt?: number): string {
	const seconds = (time: number) => Math.floor(time / 1000).toString(36);
	const due = dueAt === undefined || Number.isNaN(dueAt) ? '' : seconds(dueAt);
	return recheckAt === undefined ? `S${due}` : `S${due}:${seconds(recheckAt)}`;
}

/** Keeps the status an invoice now has, or forgets the invoice once its status is final. */
export function track(state: PollState, invoice: IDataObject): void {
	const id = String(invoice._id);
	const status = String(invoice.status ?? '');
	if (FINAL_STATUSES.includes(status) || status === '') {
		delete state.tracked[id];
	} else if (status === 'SENT') {
		state.tracked[id] = encodeSent(Date.parse(String(invoice.dueDate ?? '')));
	} else {
		state.tracked[id] = CODES[status] ?? status;
	}
}

/**
 * The API can flip a sent invoice to OVERDUE when its due date passes, without touching its
 * updatedAt, so the cursor never sees it. Only when a tracked sent invoice is past due does
 * this read the invoices, most recently updated first, until it has seen each such invoice:
 * those now OVERDUE are returned. Those still SENT are looked at again some hours later.
 */
export async function findNewlyOverdue(
	reader: ListReader,
	list: TriggerList,
	budget: PageBudget,
	state: PollState,
): Promise<IDataObject[]> {
	const now = reader.apiNow;
	const pastDue = new Set(
		Object.entries(state.tracked)
			.filter(([, code]) => {
				const tracked = decodeStatus(code);
				return tracked?.status === 'SENT' && tracked.dueAt !== undefined && tracked.dueAt <= now && (tracked.recheckAt ?? 0) <= now;
			})
			.map(([id]) => id),
	);
	if (pastDue.size === 0) {
		state.dueScanPage = 1;
		return [];
	}
	const overdue: IDataObject[] = [];
	const startPage = state.dueScanPage;
	for (let page = startPage; ; page++) {
		if (!budget.take()) {
			state.dueScanPage = page;
			return overdue;
		}
		const { records, count } = await reader.page(list, { page, limit: budget.pageSize, sortKey: 'updatedAt', sortOrder: '-1' });
		for (const invoice of records) {
			const id = String(invoice._id);
			if (!pastDue.delete(id)) continue;
			if (invoice.status === 'OVERDUE') {
				overdue.push(invoice);
			} else if (invoice.status === 'SENT') {
				state.tracked[id] = encodeSent(Date.parse(String(invoice.dueDate ?? '')), now + OVERDUE_RECHECK_MS);
			}
			// Any other status came with a new updatedAt: the cursor reports it.
		}
		const end = records.length < budget.pageSize || (count !== undefined && page * budget.pageSize >= count);
		if (pastDue.size === 0 || end) {
			// Not found in a full read within one poll: the invoice is gone.
			if (end && startPage === 1) for (const id of pastDue) delete state.tracked[id];
			state.dueScanPage = 1;
			return overdue;
		}
	}
}
