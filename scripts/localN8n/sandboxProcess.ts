import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { repoRoot } from './paths';

export interface SandboxProcess {
	child: ChildProcess;
	baseUrl: string;
	exited: Promise<number | null>;
}

/**
 * `node .build/sandbox/cli.js` (what `npm run sandbox` runs) as a child process, its output
 * passed through with a prefix; resolves once it listens.
 */
export async function startSandboxProcess(env: NodeJS.ProcessEnv): Promise<SandboxProcess> {
	const child = spawn(process.execPath, [join(repoRoot, '.build', 'sandbox', 'cli.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
	const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, '[sandbox] ');
	child.stderr.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
	return await new Promise((resolve, reject) => {
		let printed = '';
		child.stdout.on('data', (chunk: Buffer) => {
			process.stdout.write(prefix(chunk));
			printed += chunk.toString();
			// The last line of its banner: everything about the sandbox is printed by then.
			const listening = /listening on (http:\/\/\S+)[\s\S]*Press Ctrl-C/.exec(printed);
			if (listening) resolve({ child, baseUrl: `${listening[1]}/public-api`, exited });
		});
		void exited.then((code) => reject(new Error(`The sandbox stopped (exit code ${code}) before it listened`)));
	});
}
