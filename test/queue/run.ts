import '../../scripts/quietN8nLogs';

import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { packPackage } from '../../scripts/localN8n/communityPackage';
import { freePorts } from '../../scripts/localN8n/freePort';
import { instanceOwner } from '../../scripts/localN8n/instanceOwner';
import { stopAllN8n } from '../../scripts/localN8n/n8nProcess';
import { N8nRestClient } from '../../scripts/localN8n/n8nRestClient';
import type { N8nServer } from '../../scripts/localN8n/n8nServer';
import { cacheDir } from '../../scripts/localN8n/paths';
import { ensureToolchain } from '../../scripts/localN8n/toolchain';
import { Sandbox } from '../../sandbox/server';
import { Report } from '../e2e/report';
import { credentialFor, deleteWorkflow, wiringFor, type ScenarioWiring } from './deleteWorkflow';
import type { OwnProcess } from './ownProcess';
import { startPostgres, type Postgres } from './postgresServer';
import { prepareUserFolders, queueN8n, runQueueCli, startMain, startWorker, type QueueSetup, type QueueWorker } from './queueN8n';
import { queueTable, TARGET_RATIO } from './queueTable';
import { ensureRedisServer, startRedis } from './redisServer';
import { LIMIT, runQueueScenario, type QueueRow, type SandboxSpec } from './runQueueScenario';
import { SEARCH_WINDOWS } from './windows';

/** Distinctive, so a leak anywhere in n8n's output or run data is easy to find. */
const API_KEY = 'sk_queue_5e0b7d2c9a41_MUST_NOT_APPEAR';
const workspace = join(cacheDir, 'queue');
const PER_EXECUTION = 20;
const WINDOW_MS = 2000;

/** The workers of a phase run these one after the other. */
const SPECS: SandboxSpec[] = [
	{ slug: 'clock-retry-after', windowMode: 'clock', windowMs: WINDOW_MS, sendRetryAfter: true },
	{ slug: 'clock-no-retry-after', windowMode: 'clock', windowMs: WINDOW_MS, sendRetryAfter: false },
	{ slug: 'first-request-retry-after', windowMode: 'firstRequest', windowMs: WINDOW_MS, sendRetryAfter: true },
	{ slug: 'first-request-no-retry-after', windowMode: 'firstRequest', windowMs: WINDOW_MS, sendRetryAfter: false },
];

/**
 * The case the phases above cannot show: two workers started for it alone, so neither has
 * learned anything, whose executions end at different times (20 and 10 deletes), on windows
 * of the clock without Retry-After, as the real API most likely runs them.
 */
const FRESH_SIZES = (process.env.QUEUE_FRESH_SIZES ?? '20,10').split(',').map(Number);

/** QUEUE_FRESH_WINDOWS=2,10 (default; seconds): the window lengths of the fresh-workers case. 60 takes about 10 minutes more. */
function freshSpecs(): SandboxSpec[] {
	const seconds = (process.env.QUEUE_FRESH_WINDOWS ?? '2,10').split(',').filter(Boolean).map(Number);
	return seconds.map((length, index) => ({ slug: `fresh-${index + 1}-clock-${length}s-no-retry-after`, windowMode: 'clock', windowMs: length * 1000, sendRetryAfter: false }));
}

interface Phase {
	workers: number;
	concurrency: number;
	executions: number;
}

/** QUEUE_WORKERS=1,2,3 (default): one worker running both executions, then 2 and 3 workers with one execution each. */
function phases(): Phase[] {
	const counts = (process.env.QUEUE_WORKERS ?? '1,2,3').split(',').filter(Boolean).map(Number);
	return counts.map((workers) => (workers === 1 ? { workers, concurrency: 2, executions: 2 } : { workers, concurrency: 1, executions: workers }));
}

interface Started {
	redis?: OwnProcess;
	postgres?: Postgres;
	main?: N8nServer;
	workers: QueueWorker[];
	sandboxes: Sandbox[];
}

/** Stops everything this test started, by PID; the workers' output goes to `outputs` first (for the leak check). */
async function stopEverything(started: Started, outputs: string[] = []): Promise<void> {
	await stopWorkers(started, outputs);
	await started.main?.stop();
	await stopAllN8n();
	await started.postgres?.stop();
	await started.redis?.stop();
	await Promise.all(started.sandboxes.map(async (sandbox) => await sandbox.stop()));
}

async function importScenarios(setup: QueueSetup, mainFolder: string, wirings: ScenarioWiring[], sandboxes: Sandbox[], outputs: string[]): Promise<void> {
	const credentialFile = join(workspace, 'credentials.json');
	writeFileSync(credentialFile, JSON.stringify(wirings.map((wiring, index) => credentialFor(wiring, API_KEY, sandboxes[index].baseUrl))));
	const credentials = await runQueueCli(setup, mainFolder, ['import:credentials', `--input=${credentialFile}`]);
	rmSync(credentialFile);
	outputs.push(credentials.output);
	assert.equal(credentials.code, 0, credentials.output.slice(-3000));
	const workflowFile = join(workspace, 'workflows.json');
	writeFileSync(workflowFile, JSON.stringify(wirings.map(deleteWorkflow), null, 2));
	const workflows = await runQueueCli(setup, mainFolder, ['import:workflow', `--input=${workflowFile}`]);
	outputs.push(workflows.output);
	assert.equal(workflows.code, 0, workflows.output.slice(-3000));
}

async function activate(client: N8nRestClient, workflowId: string): Promise<void> {
	const stored = await client.get<{ data: { versionId: string } }>(`/rest/workflows/${workflowId}`);
	await client.post(`/rest/workflows/${workflowId}/activate`, { versionId: stored.data.versionId });
}

function checkTargets(report: Report, rows: QueueRow[]): void {
	report.section('Targets');
	for (const row of rows) {
		const name = `${row.workers}${row.freshWorkers ? ' fresh' : ''} worker${row.workers > 1 ? 's' : ''}, ${row.spec.windowMode} ${row.spec.windowMs / 1000} s, ${row.spec.sendRetryAfter ? 'Retry-After' : 'no Retry-After'}`;
		report.check(`${name}: every invoice deleted exactly once, no error item`, () => {
			assert.equal(row.errorItems, 0, `${row.errorItems} items on the error output`);
			assert.equal(row.deletedOnce, row.deletes, `${row.deletedOnce} of ${row.deletes} deleted exactly once`);
		});
		report.check(`${name}: wall time ≤ ${TARGET_RATIO}× the minimum (${row.ratio.toFixed(2)}×)`, () => assert.ok(row.ratio <= TARGET_RATIO));
		if (!row.freshWorkers) {
			report.check(`${name}: 429s at most one per window per worker (${row.refused} for ${row.windows} windows × ${row.workers}; at most ${row.most429sPerWindowPerWorker} in one window for one worker)`, () =>
				assert.ok(row.refused <= row.windows * row.workers),
			);
			continue;
		}
		// Fresh workers search for the window's length first (docs/queue-mode.md): counted per window after that.
		report.check(
			`${name}: once it searched for the window's length, no worker refused more than once in a window but for one window each, where the guess that windows open with the first request was disproved (at most ${row.most429sAfterSearch} after its first ${SEARCH_WINDOWS} windows, ${row.most429sPerWindowPerWorker} counting those; ${row.windowsRefusedTwiceAfterSearch} windows with two)`,
			() => assert.ok(row.most429sAfterSearch <= 2 && row.windowsRefusedTwiceAfterSearch <= row.workers),
		);
		report.check(`${name}: no window left empty (${row.emptyWindows})`, () => assert.equal(row.emptyWindows, 0));
		report.check(`${name}: the worker left alone takes whole windows from the second after the other's last request (${row.slotsLeftAfterOthersWentQuiet} slots left unused)`, () =>
			assert.equal(row.slotsLeftAfterOthersWentQuiet, 0),
		);
	}
}

/** Starts `count` workers running one execution at a time each. */
async function startWorkers(setup: QueueSetup, folders: Map<string, string>, count: number, concurrency: number): Promise<QueueWorker[]> {
	const workers: QueueWorker[] = [];
	for (let index = 1; index <= count; index++) workers.push(await startWorker(setup, `worker-${index}`, folders.get(`worker-${index}`)!, concurrency));
	return workers;
}

async function stopWorkers(started: Started, outputs: string[]): Promise<void> {
	for (const worker of started.workers) outputs.push(worker.process.output());
	await Promise.all(started.workers.map(async (worker) => await worker.stop()));
	started.workers = [];
}

async function queueTest(report: Report, started: Started, outputs: string[]): Promise<QueueRow[]> {
	report.section('Node 24, n8n, Redis and PostgreSQL');
	await ensureToolchain(queueN8n);
	await ensureRedisServer();
	rmSync(workspace, { recursive: true, force: true });
	mkdirSync(workspace, { recursive: true });
	const specs = [...SPECS, ...freshSpecs()];
	const [redisPort, postgresPort, ...sandboxPorts] = await freePorts(2 + specs.length);
	started.redis = await startRedis(redisPort);
	started.postgres = await startPostgres(postgresPort);
	report.pass(`Redis on 127.0.0.1:${redisPort}, PostgreSQL on 127.0.0.1:${postgresPort}, both this test's own processes`);

	for (const [index, spec] of specs.entries()) {
		const sandbox = new Sandbox({
			port: sandboxPorts[index],
			apiKeys: [API_KEY],
			writeLimits: { perWindow: LIMIT, perDay: 1_000_000 },
			windowMs: spec.windowMs,
			windowMode: spec.windowMode,
			sendRetryAfter: spec.sendRetryAfter,
		});
		started.sandboxes.push(await sandbox.start());
	}
	const setup: QueueSetup = {
		workspace,
		redisPort,
		postgres: started.postgres,
		encryptionKey: 'bookeeping-queue-test-only',
		owner: instanceOwner(queueN8n, 'queue@bookeeping.local', 'queue-Passw0rd'),
	};
	const maxWorkers = Math.max(FRESH_SIZES.length, ...phases().map((phase) => phase.workers));
	const names = ['main', ...Array.from({ length: maxWorkers }, (_, index) => `worker-${index + 1}`)];
	const packed = await packPackage(workspace);
	const folders = await prepareUserFolders(setup, packed, names);
	report.pass(`${packed.name}@${packed.version} packed and installed in the user folder of main and of each of ${maxWorkers} workers`);

	const wirings = specs.map((spec, index) => wiringFor(spec.slug, index));
	await importScenarios(setup, folders.get('main')!, wirings, started.sandboxes, outputs);
	report.pass(`${wirings.length} credentials and workflows imported (one sandbox each: window on the clock or opened by the first request, its length, with or without Retry-After)`);

	started.main = await startMain(setup, folders.get('main')!);
	const client = new N8nRestClient(started.main.url);
	await client.login(setup.owner.email, setup.owner.password);
	for (const wiring of wirings) await activate(client, wiring.workflowId);
	report.pass(`n8n main in queue mode on ${started.main.url}, the ${wirings.length} workflows published`);

	const rows: QueueRow[] = [];
	const measure = async (sandbox: Sandbox, spec: SandboxSpec, wiring: ScenarioWiring, sizes: number[], freshWorkers: boolean, logName: string): Promise<QueueRow> => {
		const row = await runQueueScenario({ client, mainUrl: started.main!.url, sandbox, spec, wiring, workers: started.workers, freshWorkers, sizes, logFile: join(workspace, logName) });
		report.note(
			`${spec.slug}: ${row.seconds.toFixed(1)} s (deletes over ${row.pacingSeconds.toFixed(1)} s, ${row.ratio.toFixed(2)}× the minimum), ${row.refused} × 429 (≤ ${row.most429sPerWindowPerWorker} per window per worker), ${row.emptyWindows} empty windows, ${row.errorItems} error items, executions per worker ${row.spread}`,
		);
		return row;
	};
	for (const phase of phases()) {
		report.section(`${phase.workers} worker${phase.workers > 1 ? 's' : ''} (concurrency ${phase.concurrency}), ${phase.executions} executions of ${PER_EXECUTION} deletes at once`);
		started.workers = await startWorkers(setup, folders, phase.workers, phase.concurrency);
		for (const [index, spec] of SPECS.entries()) {
			const sizes = Array.from({ length: phase.executions }, () => PER_EXECUTION);
			rows.push(await measure(started.sandboxes[index], spec, wirings[index], sizes, false, `${phase.workers}-workers-${spec.slug}.json`));
		}
		await stopWorkers(started, outputs);
	}
	for (const [offset, spec] of freshSpecs().entries()) {
		const index = SPECS.length + offset;
		report.section(`${FRESH_SIZES.length} fresh workers (concurrency 1), executions of ${FRESH_SIZES.join(' and ')} deletes at once, ${spec.windowMs / 1000} s windows on the clock, no Retry-After`);
		started.workers = await startWorkers(setup, folders, FRESH_SIZES.length, 1);
		rows.push(await measure(started.sandboxes[index], spec, wirings[index], FRESH_SIZES, true, `fresh-workers-${spec.slug}.json`));
		await stopWorkers(started, outputs);
	}
	outputs.push(started.main.process.output());
	return rows;
}

/** `npm run test:queue`: the package in real n8n queue mode, several workers sharing one key. */
async function main(): Promise<void> {
	const began = Date.now();
	const report = new Report();
	const started: Started = { workers: [], sandboxes: [] };
	const outputs: string[] = [];
	process.once('SIGINT', () => void stopEverything(started).then(() => process.exit(130)));
	let rows: QueueRow[] = [];
	try {
		rows = await queueTest(report, started, outputs);
	} catch (error) {
		report.fail('the queue-mode test could not go on', error instanceof Error ? error.message : String(error));
	} finally {
		if (started.main) outputs.push(started.main.process.output());
		await stopEverything(started, outputs);
	}
	if (rows.length) {
		console.log(`\nLimit ${LIMIT} writes per window; minimum = (ceil(N/${LIMIT}) - 1) × the window, compared with the time from the first delete the API received to the last; the executions' own span (n8n's start-up included) is shown beside it.\n`);
		console.log(queueTable(rows));
		checkTargets(report, rows);
	}
	report.section('Secrets');
	report.check(`the API key is in none of the output of the ${outputs.length} n8n processes and commands`, () => {
		assert.equal(outputs.filter((output) => output.includes(API_KEY)).length, 0);
	});
	console.log(`\nWorkspace (user folders, packed tarball): ${workspace}`);
	console.log(`Took ${Math.round((Date.now() - began) / 1000)} s`);
	console.log(report.summary().replace(/^e2e/, 'test:queue'));
	process.exitCode = report.ok ? 0 : 1;
}

void main();
