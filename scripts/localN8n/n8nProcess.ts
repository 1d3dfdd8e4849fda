import { spawn, type ChildProcess } from 'node:child_process';

import { delimiter } from 'node:path';

import type { N8nInstall } from './n8nVersions';
import { node24Env } from './toolchain';

export interface N8nSettings {
	/** Which installed n8n version runs. */
	install: N8nInstall;
	/** N8N_USER_FOLDER: n8n keeps its database, config and community packages under `<it>/.n8n`. */
	userFolder: string;
	encryptionKey: string;
	port: number;
	/** The task broker's port; distinct per instance so two local n8n never collide. */
	brokerPort: number;
	/** Extra variables, e.g. the instance owner's. */
	extra?: Record<string, string>;
}

/** Variables from the caller's shell that would change how this n8n behaves. */
const INHERITED_PREFIXES = ['N8N_', 'DB_', 'EXECUTIONS_', 'QUEUE_', 'NODE_OPTIONS'];

export function n8nEnv(settings: N8nSettings): NodeJS.ProcessEnv {
	const base = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !INHERITED_PREFIXES.some((prefix) => name.startsWith(prefix))),
	);
	const node24 = node24Env(base);
	return {
		...node24,
		// The chosen version's `n8n` first on PATH: startN8n spawns `n8n` through this PATH.
		PATH: [settings.install.binDir, node24.PATH ?? ''].join(delimiter),
		N8N_USER_FOLDER: settings.userFolder,
		N8N_ENCRYPTION_KEY: settings.encryptionKey,
		N8N_PORT: String(settings.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(settings.brokerPort),
		// At `warn`, `n8n execute` does not print the run's JSON at all.
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		// Plain http on localhost: the auth cookie must not require https.
		N8N_SECURE_COOKIE: 'false',
		...settings.extra,
	};
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
	/** stdout and stderr together, for messages and for leak checks. */
	output: string;
}

export interface RunningProcess {
	child: ChildProcess;
	/** Everything printed so far. */
	output(): string;
	exited: Promise<number | null>;
}

const liveProcesses = new Set<RunningProcess>();
/** A long `n8n start` keeps logging; only the most recent output is kept in memory. */
const KEPT_OUTPUT_CHARS = 4_000_000;

/**
 * Starts an n8n command (e.g. `start`) and keeps its output. `env` comes from n8nEnv(): spawn
 * looks `n8n` up on env.PATH, where the chosen version comes first.
 */
export function startN8n(env: NodeJS.ProcessEnv, args: string[]): RunningProcess {
	const child = spawn('n8n', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk: Buffer) => {
		output += chunk.toString();
		if (output.length > KEPT_OUTPUT_CHARS) output = output.slice(-KEPT_OUTPUT_CHARS / 2);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<number | null>((resolve) => {
		child.once('error', () => resolve(null));
		child.once('close', (code) => resolve(code));
	});
	const handle = { child, output: () => output, exited };
	liveProcesses.add(handle);
	void exited.then(() => liveProcesses.delete(handle));
	return handle;
}

/** Stops every n8n process started here that is still running (for Ctrl-C). */
export async function stopAllN8n(): Promise<void> {
	await Promise.all([...liveProcesses].map(async (handle) => await stopProcess(handle)));
}

/** Asks a process this script started to stop (SIGTERM, by its PID), then forces it. */
export async function stopProcess(handle: RunningProcess, graceMs = 20_000): Promise<void> {
	const { child } = handle;
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;
	const pid = child.pid;
	if (pid === undefined || hasExited()) return;
	signal(pid, 'SIGTERM');
	const forced = setTimeout(() => {
		if (!hasExited()) signal(pid, 'SIGKILL');
	}, graceMs);
	await handle.exited;
	clearTimeout(forced);
}

/** Sends a signal to one process by PID; one that has just exited is no error. */
export function signal(pid: number, name: NodeJS.Signals): void {
	try {
		process.kill(pid, name);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

/** Runs one n8n CLI command to completion, stopping it after `timeoutMs`. */
export async function runN8n(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 180_000): Promise<CommandResult> {
	const command = startN8n(env, args);
	let stdout = '';
	let stderr = '';
	command.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	command.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopProcess(command);
	}, timeoutMs);
	const code = await command.exited;
	clearTimeout(timer);
	const note = timedOut ? `\n[stopped after ${timeoutMs / 1000} s]` : '';
	return { code, stdout, stderr: stderr + note, output: command.output() + note };
}
