import '../../scripts/quietN8nLogs';

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType } from 'n8n-workflow';

import { N8N_VERSIONS, n8nInstall } from '../../scripts/localN8n/n8nVersions';
import { ensureToolchain } from '../../scripts/localN8n/toolchain';
import { Sandbox } from '../../sandbox/server';
import { runBookeeping, type RunOptions } from '../engine/runWorkflow';

/**
 * Get Many with Return All over N invoices, against n8n's HTTP Request node fetching the same
 * pages with its own pagination settings, side by side in one run (alternating, several rounds).
 * Usage: node .build/test/bench/getManyBench.js [N=10000] [rounds=3]
 */
const API_KEY = 'sk_bench';
const PAGE = 250;

interface Measure {
	seconds: number;
	requests: number;
	records: number;
	peakRssMb: number;
}

async function httpRequestNode(): Promise<INodeType> {
	const install = n8nInstall(N8N_VERSIONS.latest);
	await ensureToolchain(install);
	const path = join(install.dir, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	if (!existsSync(path)) throw new Error(`n8n's HTTP Request node is not at ${path}`);
	const { HttpRequest } = (await import(path)) as { HttpRequest: new () => INodeType };
	return new HttpRequest();
}

async function measure(sandbox: Sandbox, options: Omit<RunOptions, 'items' | 'credential'>, countRecords: (json: Record<string, unknown>) => number): Promise<Measure> {
	global.gc?.();
	const before = sandbox.requests.length;
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const started = performance.now();
	const result = await runBookeeping({ ...options, items: [{}], credential: { apiKey: API_KEY, region: 'custom', baseUrl: sandbox.baseUrl } });
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	if (result.error) throw result.error;
	return {
		seconds,
		requests: sandbox.requests.length - before,
		records: result.success.reduce((sum, item) => sum + countRecords(item.json), 0),
		peakRssMb: peak / 1024 / 1024,
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
	const n = Number(process.argv[2] ?? 10_000);
	const rounds = Number(process.argv[3] ?? 3);
	const http = await httpRequestNode();
	const sandbox = await new Sandbox({ apiKeys: [API_KEY], readLimits: { perWindow: 100_000, perDay: 1_000_000 } }).start();
	for (let index = 0; index < n; index++) sandbox.addInvoice('DRAFT');
	const bookeeping = () =>
		measure(sandbox, { parameters: { resource: 'invoice', operation: 'getAll', returnAll: true, simplify: false } }, () => 1);
	const httpRequest = () =>
		measure(
			sandbox,
			{
				nodeInstead: { type: http, typeName: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 },
				parameters: {
					url: `${sandbox.baseUrl}/v1/invoices`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: String(PAGE) }, { name: 'sortKey', value: '_id' }, { name: 'sortOrder', value: '1' }] },
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${API_KEY}` }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
								paginationCompleteWhen: 'other',
								completeExpression: `={{ $response.body.data.invoices.length < ${PAGE} || $pageCount * ${PAGE} >= $response.body.data.count }}`,
							},
						},
					},
				},
			},
			(json) => ((json.data as { invoices?: unknown[] } | undefined)?.invoices ?? []).length,
		);
	const rows: Array<{ name: string; runs: Measure[] }> = [
		{ name: 'Bookeeping Get Many, Return All', runs: [] },
		{ name: "n8n's HTTP Request node, pagination settings", runs: [] },
	];
	try {
		for (let round = 0; round < rounds; round++) {
			rows[0].runs.push(await bookeeping());
			rows[1].runs.push(await httpRequest());
		}
	} finally {
		await sandbox.stop();
	}
	const baseline = median(rows[1].runs.map((run) => run.seconds));
	console.log(`Get Many over ${n} invoices, ${rounds} alternating rounds, medians; requests expected ceil(N/${PAGE}) = ${Math.ceil(n / PAGE)}.\n`);
	console.log('| scenario | requests | records | wall s | × HTTP Request | peak RSS MB |');
	console.log('|---|---:|---:|---:|---:|---:|');
	for (const row of rows) {
		const seconds = median(row.runs.map((run) => run.seconds));
		console.log(
			`| ${row.name} | ${median(row.runs.map((run) => run.requests))} | ${median(row.runs.map((run) => run.records))} | ${seconds.toFixed(2)} | ${(seconds / baseline).toFixed(2)} | ${median(row.runs.map((run) => run.peakRssMb)).toFixed(0)} |`,
		);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
