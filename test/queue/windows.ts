import type { WindowMode } from '../../sandbox/rateLimiter';
import type { RecordedRequest } from '../../sandbox/server';

/**
 * The sandbox's windows, rebuilt from its request log the way its limiter runs them: on the
 * clock, or opened by the first request after the previous one closed.
 */
export function windowIndexes(requests: RecordedRequest[], mode: WindowMode, windowMs: number): number[] {
	if (mode === 'clock') return requests.map((request) => Math.floor(request.at / windowMs));
	let start = -Infinity;
	let index = -1;
	return requests.map((request) => {
		if (request.at >= start + windowMs) {
			start = request.at;
			index++;
		}
		return index;
	});
}

/** The most 429s one worker got in one window. */
export function most429sPerWindowPerWorker(requests: RecordedRequest[], workerOf: (request: RecordedRequest) => string, mode: WindowMode, windowMs: number): number {
	const sorted = [...requests].sort((a, b) => a.at - b.at);
	const indexes = windowIndexes(sorted, mode, windowMs);
	const counts = new Map<string, number>();
	sorted.forEach((request, position) => {
		if (request.status !== 429) return;
		const key = `${indexes[position]}:${workerOf(request)}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	});
	return Math.max(0, ...counts.values());
}
