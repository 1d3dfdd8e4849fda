import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCommand } from '../../scripts/localN8n/runCommand';
import { startOwnProcess, waitUntil, type OwnProcess } from './ownProcess';

export interface Postgres {
	process: OwnProcess;
	port: number;
	database: string;
	user: string;
	/** Runs one SQL statement with psql and returns its unaligned output. */
	query(sql: string): Promise<string>;
	stop(): Promise<void>;
}

/** The newest PostgreSQL of Debian's packages, else whatever is on PATH. */
function binDir(): string {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
		if (versions.length) return join(root, versions[0], 'bin');
	}
	return '';
}

const bin = (name: string) => (binDir() ? join(binDir(), name) : name);

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user, the binary exec'd in place so its PID is ours. */
function asDatabaseUser(command: string, args: string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [command, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]];
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

/** A PostgreSQL cluster of this test's own, in a fresh temp folder, on 127.0.0.1:`port` only. */
export async function startPostgres(port: number): Promise<Postgres> {
	const dir = mkdtempSync(join(tmpdir(), 'bookeeping-queue-pg-'));
	const ids = postgresUserIds();
	if (ids) chownSync(dir, ids.uid, ids.gid);
	const dataDir = join(dir, 'data');
	const [initdb, initArgs] = asDatabaseUser(bin('initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const init = await runCommand(initdb, initArgs, { cwd: dir });
	if (init.code !== 0) throw new Error(`initdb failed (exit code ${init.code}):\n${(init.stderr || init.stdout).slice(-2000)}`);

	const [postgres, args] = asDatabaseUser(bin('postgres'), ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off']);
	// SIGINT is PostgreSQL's "fast shutdown".
	const server = startOwnProcess('postgres', postgres, args, { stopSignal: 'SIGINT' });
	const psql = async (database: string, sql: string) =>
		await runCommand(bin('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], { cwd: dir });
	await waitUntil(server, 'accepting connections', async () => (await psql('postgres', 'select 1')).code === 0, 60_000);
	const created = await psql('postgres', 'create database n8n');
	if (created.code !== 0) throw new Error(`create database failed: ${created.stderr}`);
	return {
		process: server,
		port,
		database: 'n8n',
		user: 'postgres',
		query: async (sql) => {
			const result = await psql('n8n', sql);
			if (result.code !== 0) throw new Error(`psql: ${sql}: ${result.stderr}`);
			return result.stdout.trim();
		},
		stop: async () => {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
