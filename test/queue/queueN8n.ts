import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { installAsCommunityPackage, type PackedPackage } from '../../scripts/localN8n/communityPackage';
import { freePorts } from '../../scripts/localN8n/freePort';
import type { InstanceOwner } from '../../scripts/localN8n/instanceOwner';
import { n8nEnv, runN8n, startN8n, stopProcess, type CommandResult, type RunningProcess } from '../../scripts/localN8n/n8nProcess';
import { startN8nServer, type N8nServer } from '../../scripts/localN8n/n8nServer';
import { N8N_VERSIONS, n8nInstall } from '../../scripts/localN8n/n8nVersions';
import type { Postgres } from './postgresServer';

/** Queue mode is measured on the newest supported n8n. */
export const queueN8n = n8nInstall(N8N_VERSIONS.latest);

export interface QueueSetup {
	workspace: string;
	redisPort: number;
	postgres: Postgres;
	encryptionKey: string;
	owner: InstanceOwner;
}

export interface QueueWorker {
	name: string;
	process: RunningProcess;
	/** The ids of the executions this worker ran, from its log. */
	executionIds(): string[];
	stop(): Promise<void>;
}

/** The variables every process of one queue-mode n8n shares: Redis, PostgreSQL, one encryption key. */
function queueEnv(setup: QueueSetup, userFolder: string, port: number, brokerPort: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return n8nEnv({
		install: queueN8n,
		userFolder,
		encryptionKey: setup.encryptionKey,
		port,
		brokerPort,
		extra: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(setup.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(setup.postgres.port),
			DB_POSTGRESDB_DATABASE: setup.postgres.database,
			DB_POSTGRESDB_USER: setup.postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// Main would reach out to n8n's servers for these; there is no internet here.
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			...extra,
		},
	});
}

/**
 * Every n8n process has its own user folder with the package installed in it, as every
 * worker of a real queue-mode setup must: installed once as n8n's installer does, then copied.
 */
export async function prepareUserFolders(setup: QueueSetup, packed: PackedPackage, names: string[]): Promise<Map<string, string>> {
	const folders = new Map<string, string>();
	const first = join(setup.workspace, names[0]);
	await installAsCommunityPackage(packed, first);
	folders.set(names[0], first);
	for (const name of names.slice(1)) {
		const folder = join(setup.workspace, name);
		mkdirSync(folder, { recursive: true });
		cpSync(join(first, '.n8n', 'nodes'), join(folder, '.n8n', 'nodes'), { recursive: true });
		folders.set(name, folder);
	}
	return folders;
}

/** Runs one n8n CLI command (import…) against the shared database. */
export async function runQueueCli(setup: QueueSetup, userFolder: string, args: string[]): Promise<CommandResult> {
	const [port, brokerPort] = await freePorts(2);
	return await runN8n(queueEnv(setup, userFolder, port, brokerPort), args);
}

/** `n8n start` in queue mode: the editor, the REST API and the webhooks; executions go to the workers. */
export async function startMain(setup: QueueSetup, userFolder: string): Promise<N8nServer> {
	const [port, brokerPort] = await freePorts(2);
	return await startN8nServer(queueEnv(setup, userFolder, port, brokerPort, setup.owner.env), 180_000);
}

async function isHealthy(port: number): Promise<boolean> {
	try {
		return (await fetch(`http://127.0.0.1:${port}/healthz/readiness`)).ok;
	} catch {
		return false;
	}
}

/** `n8n worker --concurrency=N`, resolved once its health check says it is connected to Redis and the database. */
export async function startWorker(setup: QueueSetup, name: string, userFolder: string, concurrency: number): Promise<QueueWorker> {
	const [port, brokerPort] = await freePorts(2);
	const env = queueEnv(setup, userFolder, port, brokerPort, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port) });
	const running = startN8n(env, ['worker', `--concurrency=${concurrency}`]);
	const worker: QueueWorker = {
		name,
		process: running,
		executionIds: () => [...running.output().matchAll(/started execution (\d+)/gi)].map((match) => match[1]),
		stop: async () => await stopProcess(running),
	};
	const deadline = Date.now() + 120_000;
	let exitCode: number | null | undefined;
	void running.exited.then((code) => (exitCode = code));
	while (!(await isHealthy(port))) {
		if (exitCode !== undefined || Date.now() > deadline) {
			await worker.stop();
			throw new Error(`${name} did not become ready (exit code ${exitCode}). Its output:\n${running.output().slice(-3000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return worker;
}
