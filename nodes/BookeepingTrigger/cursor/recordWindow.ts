import type { IDataObject } from 'n8n-workflow';

import type { ListReader, TriggerList } from '../transport/listReader';
import type { PollState } from './pollState';

/**
 * Each poll re-reads this far back before the cursor and drops what it already processed, so
 * records stamped with the same time, or committed a little late, are neither lost nor repeated.
 */
export const OVERLAP_MS = 5 * 60_000;
/** At most this many keys of recently processed records are kept. */
export const RECENT_KEYS_CAP = 1_000;
/** Reads a poll may spend finding its place again after records moved or were removed. */
const MAX_SEEK_READS = 8;
const MAX_REREADS = 3;

export type TimestampField = 'createdAt' | 'updatedAt';

/**
 * How much one poll may read: a number of pages that bring new records, plus a few re-reads of
 * pages it had already processed (many records sharing the cursor's time fill whole pages).
 */
export class PageBudget {
	private rereadsLeft: number;

	constructor(
		readonly pageSize: number,
		private pagesLeft: number,
	) {
		this.rereadsLeft = MAX_REREADS;
	}

	/** Whether a page that may bring new records can still be read. */
	get canRead(): boolean {
		return this.pagesLeft > 0;
	}

	take(): boolean {
		if (this.pagesLeft <= 0) return false;
		this.pagesLeft--;
		return true;
	}

	/** Counts a page that brought nothing new; false once the allowance is used up. */
	reread(): boolean {
		if (this.rereadsLeft <= 0) return false;
		this.rereadsLeft--;
		return true;
	}
}

export interface WindowResult {
	/** Records not processed before, oldest first. */
	fresh: IDataObject[];
	/** Whether the list was read to its end (false: a backlog is left for the next polls). */
	caughtUp: boolean;
	/** Set when reading stopped on an error; what was read before it is in `fresh`. */
	error?: unknown;
}

function timeOf(record: IDataObject, field: TimestampField): number {
	const time = Date.parse(String(record[field] ?? ''));
	return Number.isNaN(time) ? -Infinity : time;
}

export function recordKey(record: IDataObject, field: TimestampField): string {
	return `${String(record._id)}@${String(record[field] ?? '')}`;
}

function keyTime(key: string): number {
	return Date.parse(key.slice(key.indexOf('@') + 1));
}

/**
 * Where a poll left off, kept in one place: the newest timestamp the API stamped on a processed
 * record (the cursor), how many records sorted at or before it (to find its page again), and the
 * keys of the records processed within the overlap margin.
 */
export class RecordWindow {
	constructor(
		private readonly reader: ListReader,
		private readonly list: TriggerList,
		private readonly field: TimestampField,
		private readonly budget: PageBudget,
	) {}

	/**
	 * First activation: starts after the newest record, so nothing that exists now is reported.
	 * Costs one read.
	 */
	async baseline(state: PollState): Promise<void> {
		if (!this.budget.take()) return;
		const { records, count } = await this.reader.page(this.list, {
			page: 1,
			limit: this.budget.pageSize,
			sortKey: this.field,
			sortOrder: '-1',
		});
		const newest = records[0];
		state.cursor = newest ? String(newest[this.field]) : null;
		const from = newest ? timeOf(newest, this.field) - OVERLAP_MS : Infinity;
		state.recent = records.filter((record) => timeOf(record, this.field) >= from).map((record) => recordKey(record, this.field));
		state.position = count ?? records.length;
		state.rank = Math.max(0, state.position - state.recent.length);
		state.baselined = true;
	}

	/**
	 * Reads, oldest first, the records stamped since the cursor minus the overlap, up to the
	 * poll's page budget, and moves the cursor only past what it read.
	 */
	async readSince(state: PollState): Promise<WindowResult> {
		const { pageSize } = this.budget;
		const windowStart = state.cursor === null ? -Infinity : Date.parse(state.cursor) - OVERLAP_MS;
		const seen = new Set(state.recent);
		const pages = new Map<number, IDataObject[]>();
		const counts = new Map<number, number | undefined>();
		const read = async (page: number): Promise<IDataObject[]> => {
			const cached = pages.get(page);
			if (cached) return cached;
			const answer = await this.reader.page(this.list, { page, limit: pageSize, sortKey: this.field, sortOrder: '1' });
			pages.set(page, answer.records);
			counts.set(page, answer.count);
			return answer.records;
		};

		const fresh: IDataObject[] = [];
		const processed: string[] = [];
		/** Position (from 1) and time of every record read from the start page on. */
		const positions: Array<[number, number]> = [];
		let newest = state.cursor;
		let position = state.position;
		let caughtUp = false;
		let error: unknown;
		// Start at the page holding the last record that needs no reading: the last one before
		// the window, or, when more than a page of records share the window, one page before the
		// newest processed. Records removed or moved since may have shifted that place back: then
		// step back until a page starts with a record that is older than the window or processed.
		const skip = state.cursor === null ? 0 : Math.max(state.rank, state.position - pageSize);
		let page = Math.floor(Math.max(0, skip - 1) / pageSize) + 1;
		const startsBefore = (records: IDataObject[]) =>
			records.length > 0 && (timeOf(records[0], this.field) < windowStart || seen.has(recordKey(records[0], this.field)));
		try {
			for (let step = 1, seeks = 0; page > 1; step *= 2, seeks++) {
				if (seeks >= MAX_SEEK_READS) {
					page = 1;
					break;
				}
				if (startsBefore(await read(page))) break;
				page = Math.max(1, page - step);
			}
			const startPage = page;
			positions.push([(startPage - 1) * pageSize, -Infinity]);
			for (; ; page++) {
				if (!this.budget.canRead) break;
				const records = await read(page);
				const freshBefore = fresh.length;
				records.forEach((record, index) => {
					const time = timeOf(record, this.field);
					positions.push([(page - 1) * pageSize + index + 1, time]);
					if (time < windowStart) return;
					const key = recordKey(record, this.field);
					if (!seen.has(key)) fresh.push(record);
					processed.push(key);
					newest = String(record[this.field]);
					position = (page - 1) * pageSize + index + 1;
				});
				const spent = fresh.length > freshBefore ? this.budget.take() : this.budget.reread();
				const count = counts.get(page);
				if (records.length < pageSize || (count !== undefined && page * pageSize >= count)) {
					caughtUp = true;
					break;
				}
				if (!spent) break;
			}
		} catch (caught) {
			error = caught;
		}
		this.advance(state, newest, positions, processed);
		if (positions.length > 0) state.position = position;
		return error === undefined ? { fresh, caughtUp } : { fresh, caughtUp: false, error };
	}

	/**
	 * Moves the cursor to the newest record processed, keeps the keys within its overlap, and
	 * counts the records before the next window (where the next poll starts reading).
	 */
	private advance(state: PollState, newest: string | null, read: Array<[number, number]>, processed: string[]): void {
		if (read.length === 0) return;
		state.cursor = newest;
		const nextWindowStart = newest === null ? -Infinity : Date.parse(newest) - OVERLAP_MS;
		state.rank = read.reduce((rank, [position, time]) => (time < nextWindowStart ? Math.max(rank, position) : rank), 0);
		if (newest === null) return;
		const keys = [...new Set([...state.recent, ...processed])].filter((key) => keyTime(key) >= nextWindowStart);
		keys.sort((left, right) => keyTime(left) - keyTime(right));
		state.recent = keys.slice(-RECENT_KEYS_CAP);
	}
}
