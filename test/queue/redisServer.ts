import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

import { runCommand } from '../../scripts/localN8n/runCommand';
import { startOwnProcess, waitUntil, type OwnProcess } from './ownProcess';

function hasRedisServer(): boolean {
	return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Debian's redis-server, installed with apt when it is missing (the service it would start is not used). */
export async function ensureRedisServer(): Promise<void> {
	if (hasRedisServer()) return;
	if (process.getuid?.() !== 0) throw new Error('redis-server is missing; install it with `apt-get install -y redis-server` (needs root)');
	console.log('  Installing redis-server with apt-get');
	for (const args of [['update'], ['install', '-y', 'redis-server']]) {
		const result = await runCommand('apt-get', args, { cwd: '/', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (result.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit code ${result.code}):\n${(result.stderr || result.stdout).slice(-2000)}`);
	}
	if (!hasRedisServer()) throw new Error('apt-get installed redis-server, but it does not run');
}

async function answersPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('error', () => resolve(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
	});
}

/** A Redis of this test's own on 127.0.0.1:`port`, keeping nothing on disk. */
export async function startRedis(port: number): Promise<OwnProcess> {
	const redis = startOwnProcess('redis-server', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes']);
	await waitUntil(redis, 'answering PING', async () => await answersPing(port), 20_000);
	return redis;
}
