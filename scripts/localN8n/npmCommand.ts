import { spawn } from 'node:child_process';

export interface NpmCommandOptions {
	cwd: string;
	/** What is being installed, for progress lines and errors, e.g. "n8n@2.41.1". */
	label: string;
	env?: NodeJS.ProcessEnv;
}

const PROGRESS_EVERY_MS = 5_000;

/**
 * The environment without what `npm run` exports to its scripts (`npm_config_ignore_scripts`
 * from this project's .npmrc, `npm_config_local_prefix`…), so an npm started from a script
 * behaves as one started from a shell: it must build sqlite3 and install where it is told.
 */
export function withoutNpmScriptEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}
const TAIL_LINES = 40;

/**
 * Runs npm and prints a progress line every few seconds (downloads so far and elapsed time),
 * so a cold install of several minutes is visibly alive. Throws with npm's last output lines
 * when npm fails.
 */
export async function runNpm(args: string[], options: NpmCommandOptions): Promise<void> {
	const started = Date.now();
	const tail: string[] = [];
	let downloads = 0;
	const child = spawn('npm', [...args, '--loglevel=http', '--no-audit', '--no-fund', '--no-update-notifier'], {
		cwd: options.cwd,
		env: withoutNpmScriptEnv(options.env ?? process.env),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const onOutput = (chunk: Buffer) => {
		for (const line of chunk.toString().split('\n')) {
			if (!line.trim()) continue;
			if (/^npm http fetch /.test(line)) downloads++;
			tail.push(line);
			if (tail.length > TAIL_LINES) tail.shift();
		}
	};
	child.stdout.on('data', onOutput);
	child.stderr.on('data', onOutput);
	const ticker = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		console.log(`    ${options.label}: ${seconds} s${downloads ? `, ${downloads} downloads so far` : ''}`);
	}, PROGRESS_EVERY_MS);
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', resolve);
		});
		if (code !== 0) {
			throw new Error(`${options.label}: \`npm ${args.join(' ')}\` failed (exit code ${code}) in ${options.cwd}. npm's last lines:\n${tail.join('\n')}`);
		}
	} finally {
		clearInterval(ticker);
	}
}
