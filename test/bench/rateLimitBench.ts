import '../../scripts/quietN8nLogs';

import type { INodeParameters } from 'n8n-workflow';

import type { WindowMode } from '../../sandbox/rateLimiter';
import { Sandbox } from '../../sandbox/server';
import { runBookeeping } from '../engine/runWorkflow';

/**
 * `npm run bench`: deletes N drafts through n8n's engine against the sandbox with a short
 * window, under the node's rate-limit handling and under the baselines a user has without it.
 * Usage: node .build/test/bench/rateLimitBench.js [sizes=20,100,500] [windowModes=clock,firstRequest]
 */
const LIMIT = 5;
const WINDOW_MS = 2000;
const API_KEY = 'sk_bench';

interface Scenario {
	name: string;
	sendRetryAfter: boolean;
	parameters: INodeParameters;
}

const scenarios: Scenario[] = [
	{ name: 'Wait and Retry, API sends Retry-After', sendRetryAfter: true, parameters: {} },
	{ name: 'Wait and Retry, no Retry-After', sendRetryAfter: false, parameters: {} },
	{ name: 'Fail Immediately (handling off)', sendRetryAfter: true, parameters: { options: { rateLimitHandling: 'failImmediately' } } },
	{
		name: `n8n Batching ${LIMIT} per ${WINDOW_MS} ms, handling off`,
		sendRetryAfter: true,
		parameters: {
			options: { rateLimitHandling: 'failImmediately' },
			requestOptions: { batching: { batch: { batchSize: LIMIT, batchInterval: WINDOW_MS } } },
		},
	},
];

interface Row {
	windowMode: WindowMode;
	n: number;
	scenario: string;
	seconds: number;
	ratio: number;
	refused: number;
	windows: number;
	errorItems: number;
	deleted: number;
}

async function measure(windowMode: WindowMode, n: number, scenario: Scenario): Promise<Row> {
	const sandbox = await new Sandbox({
		apiKeys: [API_KEY],
		writeLimits: { perWindow: LIMIT, perDay: 100_000 },
		windowMs: WINDOW_MS,
		windowMode,
		sendRetryAfter: scenario.sendRetryAfter,
	}).start();
	try {
		const items = Array.from({ length: n }, () => ({ invoiceId: sandbox.addInvoice('DRAFT') }));
		const started = performance.now();
		const result = await runBookeeping({
			items,
			parameters: { resource: 'invoice', operation: 'delete', invoiceId: '={{ $json.invoiceId }}', ...scenario.parameters },
			credential: { apiKey: API_KEY, region: 'custom', baseUrl: sandbox.baseUrl },
			onError: 'continueErrorOutput',
		});
		const seconds = (performance.now() - started) / 1000;
		const deletes = sandbox.requestsTo('DELETE');
		const windows = Math.ceil(n / LIMIT);
		const minimumSeconds = ((windows - 1) * WINDOW_MS) / 1000;
		if (result.success.length + result.errorOutput.length !== n) throw new Error(`items lost: ${n} in, ${result.success.length + result.errorOutput.length} out`);
		return {
			windowMode,
			n,
			scenario: scenario.name,
			seconds,
			ratio: seconds / minimumSeconds,
			refused: deletes.filter((request) => request.status === 429).length,
			windows,
			errorItems: result.errorOutput.length,
			deleted: deletes.filter((request) => request.status === 200).length,
		};
	} finally {
		await sandbox.stop();
	}
}

function markdown(rows: Row[]): string {
	const header = '| window | N | scenario | wall s | × minimum | 429s sent | windows | error items | deleted |';
	const lines = rows.map((row) =>
		`| ${row.windowMode} | ${row.n} | ${row.scenario} | ${row.seconds.toFixed(1)} | ${row.ratio.toFixed(2)} | ${row.refused} | ${row.windows} | ${row.errorItems} | ${row.deleted} |`,
	);
	return [header, '|---|---:|---|---:|---:|---:|---:|---:|---:|', ...lines].join('\n');
}

async function main(): Promise<void> {
	const sizes = (process.argv[2] ?? '20,100,500').split(',').map(Number);
	const modes = (process.argv[3] ?? 'clock,firstRequest').split(',') as WindowMode[];
	console.log(`Limit ${LIMIT} writes per ${WINDOW_MS} ms window; minimum = (ceil(N/${LIMIT}) - 1) × ${WINDOW_MS / 1000} s.`);
	const rows: Row[] = [];
	for (const windowMode of modes) {
		for (const n of sizes) {
			for (const scenario of scenarios) {
				const row = await measure(windowMode, n, scenario);
				rows.push(row);
				console.log(`${windowMode} N=${n} ${scenario.name}: ${row.seconds.toFixed(1)} s, ${row.ratio.toFixed(2)}×, ${row.refused} × 429, ${row.errorItems} error items`);
			}
		}
	}
	console.log(`\n${markdown(rows)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
