import { writeFileSync } from 'node:fs';

import type { IDataObject } from 'n8n-workflow';

import type { N8nRestClient } from '../../scripts/localN8n/n8nRestClient';
import type { WindowMode } from '../../sandbox/rateLimiter';
import type { RecordedRequest, Sandbox } from '../../sandbox/server';
import { unflatten } from '../e2e/flattedData';
import { DELETE_NODE, type ScenarioWiring } from './deleteWorkflow';
import type { QueueWorker } from './queueN8n';
import { emptyWindows, most429sPerWindowPerWorker, SEARCH_WINDOWS, slotsLeftAfterOthersWentQuiet, windowsRefusedTwice } from './windows';

export const LIMIT = 5;

export interface SandboxSpec {
	slug: string;
	windowMode: WindowMode;
	windowMs: number;
	sendRetryAfter: boolean;
}

export interface QueueRow {
	workers: number;
	spec: SandboxSpec;
	/** Whether the workers were started for this scenario alone (nothing learned, nothing loaded). */
	freshWorkers: boolean;
	/** Deletes per execution, e.g. [20, 10]. */
	sizes: number[];
	deletes: number;
	/** From the first execution's start to the last one's end, as n8n records them. */
	seconds: number;
	/** From the first delete the API received to the last: the pacing alone, without n8n's start-up. */
	pacingSeconds: number;
	ratio: number;
	refused: number;
	windows: number;
	/** Windows between the first and the last delete in which no delete succeeded. */
	emptyWindows: number;
	most429sPerWindowPerWorker: number;
	/** The same, leaving out each worker's first two windows, where it searches for how long windows last. */
	most429sAfterSearch: number;
	/** Windows after its search in which a worker was refused twice or more (see windowClock.ts: once a process at most). */
	windowsRefusedTwiceAfterSearch: number;
	/** Slots left unused by the worker still sending, from the second window after the others' last request. */
	slotsLeftAfterOthersWentQuiet: number;
	errorItems: number;
	deletedOnce: number;
	/** Executions per worker, e.g. "1+1". */
	spread: string;
}

interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
}

interface Item {
	json: IDataObject;
}

async function fireWebhook(url: string, body: IDataObject): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const text = await response.text();
		if (response.status === 200) return;
		// A published workflow's webhook is registered a moment after n8n says it is ready.
		if (response.status !== 404 || Date.now() > deadline) throw new Error(`POST ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function executionsOf(client: N8nRestClient, workflowId: string): Promise<ExecutionSummary[]> {
	const { data } = await client.get<{ data: { results: ExecutionSummary[] } }>(`/rest/executions?limit=100&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
	return data.results.filter((execution) => execution.workflowId === workflowId);
}

async function waitForExecutions(client: N8nRestClient, workflowId: string, known: Set<string>, count: number, timeoutMs: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const fresh = (await executionsOf(client, workflowId)).filter((execution) => !known.has(execution.id));
		const finished = fresh.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status) && execution.stoppedAt);
		if (finished.length >= count) return finished;
		if (Date.now() > deadline) throw new Error(`only ${finished.length} of ${count} executions finished within ${Math.round(timeoutMs / 1000)} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** The Bookeeping node's outputs in one execution, read back from n8n. */
async function deleteOutputs(client: N8nRestClient, id: string): Promise<{ success: Item[]; errors: Item[] }> {
	const { data } = await client.get<{ data: { data: string } }>(`/rest/executions/${id}`);
	const run = unflatten(data.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: Item[][] } }>> } };
	const main = run.resultData.runData[DELETE_NODE]?.[0]?.data?.main ?? [];
	return { success: main[0] ?? [], errors: main[1] ?? [] };
}

/**
 * Fires one webhook call per entry of `sizes`, with that many drafts, all at once, waits for n8n to
 * finish them, reads the results back and measures them against the sandbox's log.
 */
export async function runQueueScenario(options: {
	client: N8nRestClient;
	mainUrl: string;
	sandbox: Sandbox;
	spec: SandboxSpec;
	wiring: ScenarioWiring;
	workers: QueueWorker[];
	freshWorkers: boolean;
	sizes: number[];
	/** Where to leave the scenario's request log and executions, to look into a result. */
	logFile: string;
}): Promise<QueueRow> {
	const { client, sandbox, spec, wiring, workers } = options;
	const batches = options.sizes.map((size) => Array.from({ length: size }, () => sandbox.addInvoice('DRAFT')));
	const known = new Set((await executionsOf(client, wiring.workflowId)).map((execution) => execution.id));
	const logStart = sandbox.requests.length;
	await Promise.all(
		batches.map(async (ids) => await fireWebhook(`${options.mainUrl}/webhook/${wiring.webhookPath}`, { invoices: ids.map((invoiceId) => ({ invoiceId })) })),
	);
	// Three times the windows the deletes need, and n8n's start-up on a busy machine.
	const timeoutMs = 240_000 + 3 * Math.ceil(batches.flat().length / LIMIT) * spec.windowMs;
	const finished = await waitForExecutions(client, wiring.workflowId, known, batches.length, timeoutMs);
	const outputs = await Promise.all(finished.map(async (execution) => await deleteOutputs(client, execution.id)));

	const deletes = sandbox.requests.slice(logStart).filter((request) => request.method === 'DELETE');
	const all = batches.flat();
	const workerOfExecution = new Map<string, string>();
	for (const worker of workers) for (const id of worker.executionIds()) workerOfExecution.set(id, worker.name);
	const executionOfInvoice = new Map<string, string>();
	finished.forEach((execution, index) => {
		for (const item of [...outputs[index].success, ...outputs[index].errors]) executionOfInvoice.set(String(item.json.id ?? (item.json.error as IDataObject | undefined)?.invoiceId), execution.id);
	});
	const invoiceOf = (request: RecordedRequest) => request.path.split('/').pop() ?? '';
	const workerOf = (request: RecordedRequest) => workerOfExecution.get(executionOfInvoice.get(invoiceOf(request)) ?? '') ?? 'unknown';

	const started = Math.min(...finished.map((execution) => Date.parse(execution.startedAt)));
	const stopped = Math.max(...finished.map((execution) => Date.parse(execution.stoppedAt ?? execution.startedAt)));
	const seconds = (stopped - started) / 1000;
	const times = deletes.map((request) => request.at);
	const pacingSeconds = (Math.max(...times) - Math.min(...times)) / 1000;
	const windows = Math.ceil(all.length / LIMIT);
	const okCounts = new Map<string, number>();
	for (const request of deletes) if (request.status === 200) okCounts.set(invoiceOf(request), (okCounts.get(invoiceOf(request)) ?? 0) + 1);
	writeFileSync(
		options.logFile,
		JSON.stringify(
			{
				executions: finished.map((execution) => ({ id: execution.id, worker: workerOfExecution.get(execution.id), startedAt: execution.startedAt, stoppedAt: execution.stoppedAt })),
				requests: deletes.map((request) => ({ at: request.at - started, status: request.status, worker: workerOf(request) })),
			},
			null,
			1,
		),
	);
	const perWorker = workers.map((worker) => finished.filter((execution) => workerOfExecution.get(execution.id) === worker.name).length);
	return {
		workers: workers.length,
		spec,
		freshWorkers: options.freshWorkers,
		sizes: options.sizes,
		deletes: all.length,
		seconds,
		pacingSeconds,
		ratio: pacingSeconds / (((windows - 1) * spec.windowMs) / 1000),
		refused: deletes.filter((request) => request.status === 429).length,
		windows,
		emptyWindows: emptyWindows(deletes, spec.windowMode, spec.windowMs),
		most429sPerWindowPerWorker: most429sPerWindowPerWorker(deletes, workerOf, spec.windowMode, spec.windowMs),
		most429sAfterSearch: most429sPerWindowPerWorker(deletes, workerOf, spec.windowMode, spec.windowMs, SEARCH_WINDOWS),
		windowsRefusedTwiceAfterSearch: windowsRefusedTwice(deletes, workerOf, spec.windowMode, spec.windowMs, SEARCH_WINDOWS),
		slotsLeftAfterOthersWentQuiet: slotsLeftAfterOthersWentQuiet(deletes, workerOf, spec.windowMode, spec.windowMs, LIMIT),
		errorItems: outputs.reduce((sum, output) => sum + output.errors.length, 0),
		deletedOnce: all.filter((id) => okCounts.get(id) === 1 && !sandbox.invoices.has(id.toLowerCase())).length,
		spread: perWorker.join('+'),
	};
}
