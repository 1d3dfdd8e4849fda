import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Fault } from '../../sandbox/faults';
import type { Sandbox, SandboxOptions } from '../../sandbox/server';
import { packageRoot } from '../engine/builtPackage';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from '../engine/fixtures';
import { runBookeeping } from '../engine/runWorkflow';
import { budgetFor, IDLE_BUDGET_MS, type RateLimitBudget } from '../../nodes/Bookeeping/pipeline/rateLimitBudget';
import { most429sPerWindowPerWorker } from '../queue/windows';
import { runSharedKey, timeInWindow, type SimulatedWorker } from './sharedKeySimulation';

let sandbox: Sandbox;
afterEach(async () => {
	jest.useRealTimers();
	await sandbox?.stop();
});

async function drafts(options: SandboxOptions, count: number) {
	sandbox = await startSandbox(options);
	return Array.from({ length: count }, () => sandbox.addInvoice('DRAFT'));
}

function deleteAll(ids: string[], parameters: INodeParameters = {}, apiKey = API_KEY) {
	return runBookeeping({
		items: ids.map((invoiceId) => ({ invoiceId })),
		parameters: deleteInvoiceParameters(parameters),
		credential: sandboxCredential(sandbox, apiKey),
		onError: 'continueErrorOutput',
	});
}

const errorOf = (item: { json: IDataObject }) => item.json.error as IDataObject;

/** A per-minute 429 as the API sends it, with the given Retry-After. */
function minuteLimit429(retryAfter: string): Fault {
	return {
		kind: 'status',
		status: 429,
		body: { error: 'TooManyRequestsError', message: 'Rate limit exceeded: minutely limit reached' },
		headers: {
			'x-rate-limiter-daily-limit': '1500',
			'x-rate-limiter-daily-usage': '40',
			'x-rate-limiter-minutely-limit': '25',
			'x-rate-limiter-minutely-usage': '25',
			'x-rate-limiter-operation-type': 'write',
			'retry-after': retryAfter,
		},
	};
}

describe('a per-minute 429 that says to retry at once', () => {
	it.each([
		['Retry-After: 0', () => '0'],
		['Retry-After: a date in the past', () => new Date(Date.now() - 60_000).toUTCString()],
	])('%s: retries at most about once a second, a bounded number of times', async (_case, retryAfter) => {
		const ids = await drafts({}, 3);
		for (const id of ids) sandbox.setFault(id, minuteLimit429(retryAfter()));

		const result = await deleteAll(ids, { options: { maxWaitSeconds: 4 } });

		expect(result.success).toEqual([]);
		expect(result.errorOutput.map((item) => errorOf(item).statusCode)).toEqual([429, 429, 429]);
		const deletes = sandbox.requestsTo('DELETE');
		// 4 s of Max Wait at no more than one retry a second: a handful, not hundreds.
		expect(deletes.length).toBeLessThanOrEqual(8);
		for (const id of ids) {
			const times = deletes.filter((request) => request.path.endsWith(id)).map((request) => request.at);
			for (let index = 1; index < times.length; index++) expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(900);
		}
	});
});

describe('requests the node knows will be refused are not sent', () => {
	it('once the day is used up, the other items fail at once with the daily details and no request', async () => {
		const ids = await drafts({ writeLimits: { perWindow: 25, perDay: 1500 } }, 200);
		sandbox.limiter.exhaustDay(API_KEY, 'write');

		const started = Date.now();
		const result = await deleteAll(ids);

		expect(Date.now() - started).toBeLessThan(5000);
		expect(sandbox.requestsTo('DELETE').length).toBeLessThanOrEqual(2);
		expect(result.success).toEqual([]);
		expect(result.errorOutput).toHaveLength(200);
		for (const item of result.errorOutput) {
			expect(errorOf(item)).toMatchObject({ statusCode: 429, limit: 'day', dailyLimit: 1500, dailyUsage: 1500, retryAfterSeconds: expect.any(Number) });
		}
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it.each([true, false])('items that cannot get a slot before Max Wait fail without a request (Retry-After sent: %s)', async (sendRetryAfter) => {
		// Windows opened by the first request: no window can end within Max Wait, wherever the clock is.
		const ids = await drafts({ writeLimits: { perWindow: 5, perDay: 1000 }, windowMs: 30_000, windowMode: 'firstRequest', sendRetryAfter }, 300);

		// Max Wait far shorter than the 30 s window, yet long enough for the first answer on a busy machine.
		const result = await deleteAll(ids, { options: { maxWaitSeconds: 3 } });

		expect(result.success).toHaveLength(5);
		expect(result.errorOutput).toHaveLength(295);
		for (const item of result.errorOutput) expect(errorOf(item)).toMatchObject({ statusCode: 429, limit: 'minute' });
		// The five that fit, and while Max Wait lasts at most one probe a second that finds the window full.
		expect(sandbox.requestsTo('DELETE').length).toBeLessThanOrEqual(5 + 3);
	});
});

describe('a first request that does not answer', () => {
	it('holds the other items only briefly, not for the whole Timeout', async () => {
		const [hung, ...others] = await drafts({}, 5);
		sandbox.setFault(hung, { kind: 'hang' });

		const result = await deleteAll([hung, ...others], { requestOptions: { timeout: 8000 } });

		const deletes = sandbox.requestsTo('DELETE');
		const first = deletes[0];
		expect(first.path).toContain(hung);
		const othersSentAfterMs = deletes.filter((request) => !request.path.includes(hung)).map((request) => request.at - first.at);
		expect(othersSentAfterMs).toHaveLength(4);
		for (const delay of othersSentAfterMs) expect(delay).toBeLessThan(4000);
		expect(result.success.map((item) => item.json.id)).toEqual(others);
		expect(result.errorOutput.map((item) => errorOf(item).statusCode)).toEqual([null]);
	}, 20_000);
});

describe('budgets of keys nobody uses any more', () => {
	/** The module the engine loaded the node from: its budgets are the ones the runs used. */
	const budgets = () =>
		require(join(packageRoot, 'dist', 'nodes', 'Bookeeping', 'pipeline', 'rateLimitBudget.js')) as { budgetCount(): number; IDLE_BUDGET_MS: number };

	it('are forgotten after a while, and a key that comes back works again', async () => {
		const keys = Array.from({ length: 30 }, (_, index) => `sk_test_tenant_${index}_4f1d8c2a9b7e`);
		const ids = await drafts({ apiKeys: [API_KEY, ...keys] }, keys.length + 2);
		for (const [index, key] of keys.entries()) await deleteAll([ids[index]], {}, key);
		const before = budgets().budgetCount();
		expect(before).toBeGreaterThanOrEqual(keys.length);

		// Only the clock jumps; timers and the network run as usual.
		jest.useFakeTimers({
			doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
			now: Date.now() + budgets().IDLE_BUDGET_MS + 60_000,
		});
		const again = await deleteAll([ids[keys.length]], {}, keys[0]);

		// The 30 idle ones are gone; the key that came back has a new one.
		expect(budgets().budgetCount()).toBeLessThanOrEqual(before - keys.length + 1);
		expect(again.success.map((item) => item.json.id)).toEqual([ids[keys.length]]);
	});
});

/**
 * n8n workers in queue mode each pace in their own process and share nothing but the API's
 * usage counts. These runs play several of them on Jest's fake clock against the sandbox's
 * limiter: 5 writes a window, no Retry-After, the clock at three places in a window.
 */
describe('workers sharing a key (queue mode), faked clock', () => {
	const PLACES_IN_WINDOW = [0.05, 0.4, 0.75];
	const LIMIT = 5;

	async function runFrom(startsAt: number, windowMs: number, workers: SimulatedWorker[], options: { windowMode?: 'clock' | 'firstRequest'; budgetOf?: () => RateLimitBudget } = {}) {
		jest.useFakeTimers({ now: startsAt });
		// The network's time relative to the window: a short window plays a long one.
		const latencyMs: [number, number] = [windowMs / 400, windowMs / 80];
		return await runSharedKey({ limit: LIMIT, windowMs, windowMode: options.windowMode ?? 'clock', sendRetryAfter: false, workers, latencyMs, budgetOf: options.budgetOf });
	}

	async function share(windowMs: number, share: number, workers: SimulatedWorker[], windowMode: 'clock' | 'firstRequest' = 'clock') {
		return await runFrom(timeInWindow(windowMs, share), windowMs, workers, { windowMode });
	}

	it.each([2_000, 10_000, 60_000])(
		'two fresh workers whose executions end at different times, %i ms windows on the clock: close to the minimum, refused once a window at most after the search (but for one window), no window left empty',
		async (windowMs) => {
			for (const place of PLACES_IN_WINDOW) {
				const run = await share(windowMs, place, [
					{ startAt: 0, items: 20 },
					{ startAt: windowMs / 7, items: 10 },
				]);
				// 30 writes need 6 windows: 5 window lengths from the first write to the last at least.
				// Each worker's first two windows are its search for how long windows last.
				expect({
					startedIntoTheWindow: place,
					done: run.requests.filter((request) => request.status === 200).length,
					ratio: run.ratio,
					withinTarget: run.ratio <= 1.3,
					most429sInAWindowAfterSearch: run.most429sAfterSearch,
					emptyWindows: run.emptyWindows,
					slotsLeftOnceTheOtherWentQuiet: run.slotsLeftAfterOthersWentQuiet,
				}).toMatchObject({ done: 30, withinTarget: true, emptyWindows: 0, slotsLeftOnceTheOtherWentQuiet: 0 });
				// Once a worker searched: refused once a window at most, but for one window each where the guess
				// that windows open with the first request is disproved (two refusals there).
				expect(run.most429sAfterSearch).toBeLessThanOrEqual(2);
				expect(run.windowsRefusedTwiceAfterSearch).toBeLessThanOrEqual(1);
			}
		},
	);

	it.each([2_000, 60_000])('%i ms windows: a worker that shared takes whole windows again within one window of the other going quiet', async (windowMs) => {
		for (const place of PLACES_IN_WINDOW) {
			const run = await share(windowMs, place, [
				{ startAt: 0, items: 40 },
				{ startAt: 0, items: 10 },
			]);
			expect({ startedIntoTheWindow: place, slotsLeftUnused: run.slotsLeftAfterOthersWentQuiet, ratio: run.ratio, withinTarget: run.ratio <= 1.3 }).toMatchObject({
				slotsLeftUnused: 0,
				withinTarget: true,
			});
		}
	});

	it('shares the window between the workers instead of refusing one of them every window', async () => {
		const run = await share(10_000, 0.4, [
			{ startAt: 0, items: 20 },
			{ startAt: 0, items: 20 },
		]);
		// The old way: one worker takes every slot while the other is refused in each window.
		const perWindow = new Map<number, Set<number>>();
		for (const request of run.requests.filter((request) => request.status === 200)) {
			const window = Math.floor(request.at / 10_000);
			perWindow.set(window, (perWindow.get(window) ?? new Set()).add(request.worker));
		}
		const shared = [...perWindow.values()].filter((workers) => workers.size === 2).length;
		expect(shared).toBeGreaterThanOrEqual(perWindow.size - 2);
		expect(run.refused).toBeLessThanOrEqual(2 * 8);
	});

	it.each([10_000, 60_000])(
		'%i ms windows: a worker whose budget was forgotten while idle does not search for the length again',
		async (windowMs) => {
			const budgetOf = () => budgetFor(`sk_back_after_a_pause_${windowMs}`, 'http://127.0.0.1:9', 'write');
			const lone = async (startsAt: number) => {
				const run = await runFrom(startsAt, windowMs, [{ startAt: 0, items: 20 }], { budgetOf });
				return { ratio: run.ratio, refused: run.refused, most429sInAWindow: most429sPerWindowPerWorker(run.requests, () => 'one', 'clock', windowMs) };
			};
			const first = await lone(timeInWindow(windowMs, 0.4));
			// Back after the budget was dropped (idle for longer than IDLE_BUDGET_MS), somewhere else in a window.
			const again = await lone(timeInWindow(windowMs, 0.7) + Math.ceil((IDLE_BUDGET_MS + 5 * 60_000) / windowMs) * windowMs);
			// The first time, the search for the length: several refusals in one window.
			expect(first.most429sInAWindow).toBeGreaterThanOrEqual(3);
			// Back: no search. At most one window with two (the once-only check of how windows start, see windowClock.ts).
			expect(again.refused).toBeLessThanOrEqual(2);
			expect(again.most429sInAWindow).toBeLessThanOrEqual(2);
			expect(again.ratio).toBeLessThanOrEqual(1.3);
		},
	);

	it('windows that become shorter on the same key (the API changed its limit) are learned again', async () => {
		const budgetOf = () => budgetFor('sk_windows_get_shorter', 'http://127.0.0.1:9', 'write');
		await runFrom(timeInWindow(10_000, 0.4), 10_000, [{ startAt: 0, items: 30 }], { budgetOf });
		// A minute later, on 2-second windows: the 10-second windows' lower bound no longer holds.
		const shorter = await runFrom(timeInWindow(2_000, 0.3) + 30 * 2_000 + 60_000, 2_000, [{ startAt: 0, items: 100 }], { budgetOf });
		expect(shorter.requests.filter((request) => request.status === 200)).toHaveLength(100);
		expect(shorter.ratio).toBeLessThanOrEqual(1.3);
	});

	it.each([2_000, 10_000])('%i ms windows opened by the first request: one worker, and two whose executions end at different times, keep close to the minimum', async (windowMs) => {
		for (const place of PLACES_IN_WINDOW) {
			for (const workers of [[{ startAt: 0, items: 40 }], [{ startAt: 0, items: 20 }, { startAt: windowMs / 7, items: 10 }]]) {
				const run = await share(windowMs, place, workers, 'firstRequest');
				expect({ startedIntoTheWindow: place, workers: workers.length, ratio: run.ratio, withinTarget: run.ratio <= 1.3 }).toMatchObject({ withinTarget: true });
			}
		}
	});
});
