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

export type TimestampField = 'createdAt' | 'updatedAt';

/** How much one poll may read. */
export class PageBudget {
	constructor(
		readonly pageSize: number,
		private pagesLeft: number,
	) {}

	take(): boolean {
		if (this.pagesLeft <= 0) return false;
		this.pagesLeft--;
		return true;
	}

	get left(): number {
		return this.pagesLeft;
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
		state.rank = count ?? records.length;
		const from = newest ? timeOf(newest, this.field) - OVERLAP_MS : Infinity;
		state.recent = records.filter((record) => timeOf(record, this.field) >= from).map((record) => recordKey(record, this.field));
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
		let newest = state.cursor;
		let rank = state.rank;
		let caughtUp = false;
		try {
			// The cursor's page as of the last poll; records removed or moved since may have
			// shifted it back, so step back until a page starts before the window.
			let page = state.cursor === null ? 1 : Math.floor(Math.max(0, state.rank - 1) / pageSize) + 1;
			for (let step = 1, seeks = 0; page > 1; step *= 2, seeks++) {
				if (seeks >= MAX_SEEK_READS) {
					page = 1;
					break;
				}
				const records = await read(page);
				if (records.length > 0 && timeOf(records[0], this.field) < windowStart) break;
				page = Math.max(1, page - step);
			}
			for (; ; page++) {
				if (!this.budget.take()) break;
				const records = await read(page);
				records.forEach((record, index) => {
					const position = (page - 1) * pageSize + index + 1;
					if (timeOf(record, this.field) < windowStart) {
						rank = position;
						return;
					}
					const key = recordKey(record, this.field);
					if (!seen.has(key)) fresh.push(record);
					processed.push(key);
					newest = String(record[this.field]);
					rank = position;
				});
				const count = counts.get(page);
				if (records.length < pageSize || (count !== undefined && page * pageSize >= count)) {
					caughtUp = true;
					break;
				}
			}
		} catch (error) {
			this.advance(state, newest, rank, processed);
			return { fresh, caughtUp: false, error };
		}
		this.advance(state, newest, rank, processed);
		return { fresh, caughtUp };
	}

	private advance(state: PollState, newest: string | null, rank: number, processed: string[]): void {
		state.cursor = newest;
		state.rank = rank;
		if (newest === null) return;
		const keepFrom = Date.parse(newest) - OVERLAP_MS;
		const keys = [...new Set([...state.recent, ...processed])].filter((key) => keyTime(key) >= keepFrom);
		keys.sort((left, right) => keyTime(left) - keyTime(right));
		state.recent = keys.slice(-RECENT_KEYS_CAP);
	}
}
