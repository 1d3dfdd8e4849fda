import type { WindowMode } from '../../sandbox/rateLimiter';

/** A fresh worker's first windows, where it searches for how long windows last (see docs/queue-mode.md). */
export const SEARCH_WINDOWS = 2;

/** What the window arithmetic needs of a request the API received: when, and its status. */
export interface TimedRequest {
	at: number;
	status: number;
}

/**
 * The sandbox's windows, rebuilt from its request log the way its limiter runs them: on the
 * clock, or opened by the first request after the previous one closed.
 */
export function windowIndexes(requests: TimedRequest[], mode: WindowMode, windowMs: number): number[] {
	if (mode === 'clock') return requests.map((request) => Math.floor(request.at / windowMs));
	let start = -Infinity;
	let index = -1;
	return requests.map((request) => {
		if (request.at >= start + windowMs) {
			// A window that opens after a pause has window lengths of nothing before it.
			index += Number.isFinite(start) ? Math.floor((request.at - start) / windowMs) : 1;
			start = request.at;
		}
		return index;
	});
}

/** The requests in time order, each with the window it fell in. */
function inWindows<T extends TimedRequest>(requests: T[], mode: WindowMode, windowMs: number): Array<{ request: T; window: number }> {
	const sorted = [...requests].sort((a, b) => a.at - b.at);
	const indexes = windowIndexes(sorted, mode, windowMs);
	return sorted.map((request, position) => ({ request, window: indexes[position] }));
}

/** The 429s each worker got in each window it was refused in, leaving out each worker's first `skipped` windows (where it searches for how long windows last). */
function refusalsPerWindowPerWorker<T extends TimedRequest>(requests: T[], workerOf: (request: T) => string, mode: WindowMode, windowMs: number, skipped: number): number[] {
	const counts = new Map<string, number>();
	const firstWindowOf = new Map<string, number>();
	for (const { request, window } of inWindows(requests, mode, windowMs)) {
		const worker = workerOf(request);
		if (!firstWindowOf.has(worker)) firstWindowOf.set(worker, window);
		if (request.status !== 429 || window < firstWindowOf.get(worker)! + skipped) continue;
		const key = `${window}:${worker}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts.values()];
}

/** The most 429s one worker got in one window, leaving out each worker's first `skipped` windows. */
export function most429sPerWindowPerWorker<T extends TimedRequest>(requests: T[], workerOf: (request: T) => string, mode: WindowMode, windowMs: number, skipped = 0): number {
	return Math.max(0, ...refusalsPerWindowPerWorker(requests, workerOf, mode, windowMs, skipped));
}

/** In how many windows a worker was refused more than once, leaving out each worker's first `skipped` windows. */
export function windowsRefusedTwice<T extends TimedRequest>(requests: T[], workerOf: (request: T) => string, mode: WindowMode, windowMs: number, skipped = 0): number {
	return refusalsPerWindowPerWorker(requests, workerOf, mode, windowMs, skipped).filter((count) => count > 1).length;
}

/** Successful requests per window, from the first request's window to the last one's. */
function successesPerWindow(placed: Array<{ request: TimedRequest; window: number }>): Map<number, number> {
	const counts = new Map<number, number>();
	if (!placed.length) return counts;
	for (let window = placed[0].window; window <= placed[placed.length - 1].window; window++) counts.set(window, 0);
	for (const { request, window } of placed) if (request.status === 200) counts.set(window, counts.get(window)! + 1);
	return counts;
}

/** Windows between the first and the last request in which no request succeeded: time the limit allowed and nobody used. */
export function emptyWindows(requests: TimedRequest[], mode: WindowMode, windowMs: number): number {
	return [...successesPerWindow(inWindows(requests, mode, windowMs)).values()].filter((count) => count === 0).length;
}

/**
 * Once every worker but the last has sent its last request: the slots the last one left
 * unused in the windows from the second after that one up to its own last window (which may
 * need fewer). A worker that shared should take whole windows again within one window.
 */
export function slotsLeftAfterOthersWentQuiet<T extends TimedRequest>(
	requests: T[],
	workerOf: (request: T) => string,
	mode: WindowMode,
	windowMs: number,
	limit: number,
): number {
	const placed = inWindows(requests, mode, windowMs);
	const lastWindowOf = new Map<string, number>();
	for (const { request, window } of placed) lastWindowOf.set(workerOf(request), window);
	const ends = [...lastWindowOf.values()].sort((a, b) => a - b);
	if (ends.length < 2) return 0;
	const othersQuietAfter = ends[ends.length - 2];
	let unused = 0;
	for (const [window, count] of successesPerWindow(placed)) {
		if (window >= othersQuietAfter + 2 && window < ends[ends.length - 1]) unused += limit - count;
	}
	return unused;
}
