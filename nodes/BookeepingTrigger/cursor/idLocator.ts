import type { IDataObject } from 'n8n-workflow';

import type { ListReader, TriggerList } from '../transport/listReader';
import type { PageBudget } from './recordWindow';

/** A record as found in the list sorted by `_id`, with its place there (from 1). */
export interface PlacedRecord {
	record: IDataObject;
	place: number;
}

export interface LocateResult {
	/** Every record on the pages read, by lower-case id: those looked for and their neighbours. */
	seen: Map<string, PlacedRecord>;
	/** Ids looked for that are not in the list: they fall between two neighbours on a page. */
	missing: string[];
	/** Ids the read budget left unfound, with the place to start from next time. */
	unresolved: Map<string, number>;
}

/** Where one id can still be: pages `low`..`high`, and how the next page to read is picked. */
interface Search {
	id: string;
	key: string;
	low: number;
	high: number;
	/** The page of its last known place, read first. */
	start?: number;
	/** The page last read for it. */
	last?: number;
	/** After missing the start page: which way it moved, and how far the next step goes (doubling). 0: halve instead. */
	direction: -1 | 0 | 1;
	reach: number;
}

/** Halving: the middle of the pages an id can still be on, or the first of them while the list's end is unknown. */
function middlePage(search: Search, high: number): number {
	return high === Infinity ? search.low : Math.floor((search.low + high) / 2);
}

function isAscending(keys: string[]): boolean {
	return keys.every((key, index) => index === 0 || keys[index - 1] < key);
}

/**
 * Finds records by id in the list sorted by `_id`, where a record's place only moves when
 * records are added before it or removed (the API's ids grow with time, so new records go to the
 * end). Each id starts at the page of its last known place and gallops outwards when it moved;
 * an id without a known place is found by halving the list. A page read serves every id it
 * covers, so ids that sit close together cost one read.
 */
export async function locateByIds(
	reader: ListReader,
	list: TriggerList,
	budget: PageBudget,
	wanted: Map<string, number | undefined>,
): Promise<LocateResult> {
	const size = budget.pageSize;
	const pagesOf = (count: number | undefined) => (count === undefined ? Infinity : Math.max(1, Math.ceil(count / size)));
	let lastPage = pagesOf(reader.countOf(list));
	const searches: Search[] = [...wanted].map(([id, place]) => ({
		id,
		key: id.toLowerCase(),
		low: 1,
		high: Infinity,
		start: place === undefined ? undefined : Math.ceil(place / size),
		direction: 0,
		reach: 1,
	}));
	const seen = new Map<string, PlacedRecord>();
	const missing: string[] = [];
	const unresolved = new Map<string, number>();
	let open = searches;

	const nextPage = (search: Search, high: number): number => {
		const within = (page: number) => Math.min(Math.max(page, search.low), high);
		if (search.start !== undefined) return within(search.start);
		if (search.direction !== 0 && search.last !== undefined) return within(search.last + search.direction * search.reach);
		return middlePage(search, high);
	};
	/** Narrows a search by a page just read; true once the id is found or known to be missing. */
	const narrow = (search: Search, page: number, keys: string[]): boolean => {
		let side: -1 | 1;
		if (keys.length === 0 || search.key < keys[0]) {
			side = -1;
			search.high = Math.min(search.high, page - 1);
		} else if (search.key > keys[keys.length - 1]) {
			side = 1;
			search.low = Math.max(search.low, page + 1);
		} else {
			if (!keys.includes(search.key)) {
				if (!isAscending(keys)) unresolved.set(search.id, (page - 1) * size + 1);
				else missing.push(search.id);
			}
			return true;
		}
		if (search.last === page) {
			if (search.start !== undefined) {
				search.start = undefined;
				search.direction = side;
			} else if (search.direction === side) search.reach *= 2;
			else search.direction = 0;
		}
		return false;
	};

	while (open.length > 0) {
		const search = open[0];
		const high = Math.min(search.high, lastPage);
		if (search.low > high) {
			missing.push(search.id);
			open = open.slice(1);
			continue;
		}
		if (!budget.take()) break;
		const page = nextPage(search, high);
		search.last = page;
		const { records, count } = await reader.page(list, { page, limit: size, sortKey: '_id', sortOrder: '1' });
		if (count !== undefined) lastPage = pagesOf(count);
		const keys = records.map((record) => String(record._id).toLowerCase());
		records.forEach((record, index) => seen.set(keys[index], { record, place: (page - 1) * size + index + 1 }));
		open = open.filter((candidate) => !narrow(candidate, page, keys));
	}
	for (const search of open) {
		const high = Math.min(search.high, lastPage);
		const page = search.start ?? middlePage(search, high);
		unresolved.set(search.id, (page - 1) * size + 1);
	}
	return { seen, missing, unresolved };
}
