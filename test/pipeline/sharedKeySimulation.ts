import { RateLimitBudget } from '../../nodes/Bookeeping/pipeline/rateLimitBudget';
import type { RateLimitState } from '../../nodes/Bookeeping/pipeline/rateLimitHeaders';
import { RateLimiter, type WindowMode } from '../../sandbox/rateLimiter';
import { emptyWindows, most429sPerWindowPerWorker, SEARCH_WINDOWS, slotsLeftAfterOthersWentQuiet, windowsRefusedTwice } from '../queue/windows';

/** A clock time `share` of the way into a window (of any of the usual lengths), to start a run at. */
export function timeInWindow(windowMs: number, share: number): number {
	const hour = 3_600_000;
	return 1_000 * 24 * hour + Math.round(share * windowMs);
}

export interface SimulatedWorker {
	/** When its execution starts, in ms after the simulation's start. */
	startAt: number;
	items: number;
}

export interface SimulatedRequest {
	worker: number;
	/** When the API counted it (the clock's time). */
	at: number;
	status: 200 | 429;
}

export interface SharedKeyRun {
	requests: SimulatedRequest[];
	/** When each worker's last item was done, ms after the start. */
	finishedAt: number[];
	/** From the first request the API received to the last, over the least that time can be: (windows needed - 1) × the window. */
	ratio: number;
	refused: number;
	most429sPerWindowPerWorker: number;
	/** The same, leaving out each worker's first two windows, where it searches for how long windows last. */
	most429sAfterSearch: number;
	/** Windows after its search in which a worker was refused twice or more (see windowClock.ts: once a process at most). */
	windowsRefusedTwiceAfterSearch: number;
	emptyWindows: number;
	slotsLeftAfterOthersWentQuiet: number;
}

/**
 * Several n8n workers, each with its own budget (as separate processes have), sending their
 * items through one key to an API that counts them all, on Jest's fake clock. Each worker
 * sends its items at once, as n8n's routing does, each through acquire, send, record, and
 * again after a per-minute 429, as the node's paced send does.
 */
export async function runSharedKey(options: {
	limit: number;
	windowMs: number;
	windowMode: WindowMode;
	sendRetryAfter: boolean;
	workers: SimulatedWorker[];
	/** The network's time each way, ms: fixed, or drawn (the same draws every run) between two bounds. */
	latencyMs?: number | [number, number];
	/** Where each worker gets its budget when its execution starts (default: a new one). */
	budgetOf?: (worker: number) => RateLimitBudget;
}): Promise<SharedKeyRun> {
	const origin = Date.now();
	const [fastest, slowest] = typeof options.latencyMs === 'object' ? options.latencyMs : [options.latencyMs ?? 20, options.latencyMs ?? 20];
	let seed = 12345;
	const latency = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return fastest + Math.floor(((slowest - fastest) * seed) / 2147483648);
	};
	const api = new RateLimiter({ read: { perWindow: 1000, perDay: 1e6 }, write: { perWindow: options.limit, perDay: 1e6 } }, options.windowMs, 86_400_000, options.windowMode, () => Date.now());
	const requests: SimulatedRequest[] = [];
	const finishedAt = options.workers.map(() => NaN);
	const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

	async function send(worker: number): Promise<{ statusCode: number; state: RateLimitState }> {
		await delay(latency());
		const decision = api.take('key', 'write');
		requests.push({ worker, at: Date.now(), status: decision.allowed ? 200 : 429 });
		const header = (name: string) => Number(decision.headers[`x-rate-limiter-${name}`]);
		const state: RateLimitState = {
			minutelyLimit: header('minutely-limit'),
			minutelyUsage: header('minutely-usage'),
			dailyLimit: header('daily-limit'),
			dailyUsage: header('daily-usage'),
		};
		if (!decision.allowed && options.sendRetryAfter) state.retryAfterSeconds = decision.retryAfterSeconds;
		await delay(latency());
		return { statusCode: decision.allowed ? 200 : 429, state };
	}

	async function runWorker(index: number, worker: SimulatedWorker): Promise<void> {
		await delay(worker.startAt);
		const budget = options.budgetOf?.(index) ?? new RateLimitBudget('write');
		await Promise.all(
			Array.from({ length: worker.items }, async () => {
				for (;;) {
					const admission = await budget.acquire(Infinity);
					if (!admission.granted) throw new Error('refused by the budget');
					const answer = await send(index);
					budget.record(answer);
					if (answer.statusCode === 200) return;
				}
			}),
		);
		finishedAt[index] = Date.now() - origin;
	}

	let done = false;
	let failed: unknown;
	const all = Promise.all(options.workers.map(async (worker, index) => await runWorker(index, worker))).then(
		() => (done = true),
		(error: unknown) => (failed = error),
	);
	const items = options.workers.reduce((sum, worker) => sum + worker.items, 0);
	const giveUpAt = origin + 10 * Math.ceil(items / options.limit) * options.windowMs;
	while (!done && failed === undefined && Date.now() < giveUpAt) await jest.advanceTimersToNextTimerAsync();
	if (failed !== undefined) throw failed;
	if (!done) throw new Error(`the workers did not finish within ${giveUpAt - origin} ms`);
	await all;
	const { limit, windowMs, windowMode } = options;
	const workerOf = (request: SimulatedRequest) => String(request.worker);
	const times = requests.map((request) => request.at);
	return {
		requests,
		finishedAt,
		ratio: (Math.max(...times) - Math.min(...times)) / ((Math.ceil(items / limit) - 1) * windowMs),
		refused: requests.filter((request) => request.status === 429).length,
		most429sPerWindowPerWorker: most429sPerWindowPerWorker(requests, workerOf, windowMode, windowMs),
		most429sAfterSearch: most429sPerWindowPerWorker(requests, workerOf, windowMode, windowMs, SEARCH_WINDOWS),
		windowsRefusedTwiceAfterSearch: windowsRefusedTwice(requests, workerOf, windowMode, windowMs, SEARCH_WINDOWS),
		emptyWindows: emptyWindows(requests, windowMode, windowMs),
		slotsLeftAfterOthersWentQuiet: slotsLeftAfterOthersWentQuiet(requests, workerOf, windowMode, windowMs, limit),
	};
}
