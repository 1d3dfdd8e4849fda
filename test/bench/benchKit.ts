import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType } from 'n8n-workflow';

import { N8N_VERSIONS, n8nInstall } from '../../scripts/localN8n/n8nVersions';
import { ensureToolchain } from '../../scripts/localN8n/toolchain';
import type { Sandbox } from '../../sandbox/server';
import { runBookeeping, type RunOptions } from '../engine/runWorkflow';

export interface Measure {
	seconds: number;
	requests: number;
	records: number;
	peakRssMb: number;
}

/** One of n8n's own nodes, from the n8n install the e2e uses (installed on first use). */
export async function n8nNode(pathInNodes: string, className: string): Promise<INodeType> {
	const install = n8nInstall(N8N_VERSIONS.latest);
	await ensureToolchain(install);
	const path = join(install.dir, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', pathInNodes);
	if (!existsSync(path)) throw new Error(`n8n's ${className} node is not at ${path}`);
	const exported = (await import(path)) as Record<string, new () => INodeType>;
	return new exported[className]();
}

/** One run through n8n-core's engine: wall time, requests the sandbox got, output records, peak RSS. */
export async function measure(
	sandbox: Sandbox,
	apiKey: string,
	options: Omit<RunOptions, 'items' | 'credential'>,
	countRecords: (json: Record<string, unknown>) => number,
): Promise<Measure> {
	global.gc?.();
	const before = sandbox.requests.length;
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const started = performance.now();
	const result = await runBookeeping({ ...options, items: [{}], credential: { apiKey, region: 'custom', baseUrl: sandbox.baseUrl } });
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

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** The medians of each row as a Markdown table, wall time as a ratio to the `baseline` row. */
export function printMedianTable(rows: Array<{ name: string; runs: Measure[] }>, baseline: number, columns: { records: string; ratio: string }): void {
	const baseSeconds = median(rows[baseline].runs.map((run) => run.seconds));
	console.log(`| scenario | requests | ${columns.records} | wall s | × ${columns.ratio} | peak RSS MB |`);
	console.log('|---|---:|---:|---:|---:|---:|');
	for (const row of rows) {
		const of = (pick: (run: Measure) => number) => median(row.runs.map(pick));
		const seconds = of((run) => run.seconds);
		console.log(
			`| ${row.name} | ${of((run) => run.requests)} | ${of((run) => run.records)} | ${seconds.toFixed(2)} | ${(seconds / baseSeconds).toFixed(2)} | ${of((run) => run.peakRssMb).toFixed(0)} |`,
		);
	}
}
