import { spawn } from 'node:child_process';

import { withoutNpmScriptEnv } from './npmCommand';

export interface ExitedProcess {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a short command to completion without blocking the event loop (a sandbox may be serving). */
export async function runCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ExitedProcess> {
	const child = spawn(command, args, { cwd: options.cwd, env: withoutNpmScriptEnv(options.env ?? process.env), stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => {
		child.once('error', (error) => {
			stderr += error.message;
			resolve(null);
		});
		child.once('close', resolve);
	});
	return { code, stdout, stderr };
}

export async function runCommandOrThrow(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
	const result = await runCommand(command, args, options);
	if (result.code !== 0) {
		throw new Error(`\`${command} ${args.join(' ')}\` failed (exit code ${result.code}) in ${options.cwd}:\n${(result.stderr || result.stdout).trim()}`);
	}
	return result.stdout;
}
