import { spawn, type ChildProcess } from 'node:child_process';

import { signal } from '../../scripts/localN8n/n8nProcess';

export interface OwnProcess {
	name: string;
	child: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
	/** Stops it by its PID: `stopSignal` first, SIGKILL if it is still there after the grace time. */
	stop(): Promise<void>;
}

const KEPT_OUTPUT_CHARS = 1_000_000;

/** A server this test starts and must stop again (Redis, PostgreSQL), its output kept for errors. */
export function startOwnProcess(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; stopSignal?: NodeJS.Signals } = {}): OwnProcess {
	const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk: Buffer) => {
		output += chunk.toString();
		if (output.length > KEPT_OUTPUT_CHARS) output = output.slice(-KEPT_OUTPUT_CHARS / 2);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<number | null>((resolve) => {
		child.once('error', (error) => {
			output += error.message;
			resolve(null);
		});
		child.once('close', (code) => resolve(code));
	});
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;
	return {
		name,
		child,
		output: () => output,
		exited,
		stop: async () => {
			const pid = child.pid;
			if (pid === undefined || hasExited()) return;
			signal(pid, options.stopSignal ?? 'SIGTERM');
			const forced = setTimeout(() => {
				if (!hasExited()) signal(pid, 'SIGKILL');
			}, 15_000);
			await exited;
			clearTimeout(forced);
		},
	};
}

/** Resolves once `ready()` holds, or throws with the process's output if it exits or takes too long. */
export async function waitUntil(process: OwnProcess, what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void process.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`${process.name} stopped (exit code ${exitCode}) before ${what}. Its output:\n${process.output().slice(-3000)}`);
		if (await ready()) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`${process.name}: not ${what} within ${timeoutMs / 1000} s. Its output:\n${process.output().slice(-3000)}`);
}
