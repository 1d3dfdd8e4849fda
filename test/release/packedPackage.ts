/** The package as npm packs it, publishes it (dry run) and n8n loads it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

import type { DryRunResult, PackResult } from './tarballChecks';

export function packTarball(root: string, destination: string): PackResult & { path: string } {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: root, encoding: 'utf8' }),
	) as PackResult[];
	return { ...pack, path: join(destination, pack.filename) };
}

/** `npm publish --dry-run` of the tarball file, run outside the repository as the publish job is. */
export function publishDryRun(tarball: string, cwd: string): DryRunResult {
	const run = spawnSync('npm', ['publish', '--dry-run', '--json', tarball], { cwd, encoding: 'utf8' });
	let pack: PackResult | undefined;
	try {
		// npm 11 keys the summary by package name; npm 10 prints it bare.
		const parsed = JSON.parse(run.stdout) as PackResult | Record<string, PackResult>;
		pack = 'integrity' in parsed ? (parsed as PackResult) : Object.values(parsed)[0];
	} catch {
		pack = undefined;
	}
	return { exitCode: run.status ?? 1, stderr: run.stderr, pack };
}

/**
 * Unpacks the tarball to `directory`/package. Put it inside the repository (under .build/) so that
 * the compiled files resolve n8n-workflow from the repository's node_modules, as they resolve it
 * from n8n's own when installed.
 */
export function unpackTarball(tarball: string, directory: string): string {
	rmSync(directory, { recursive: true, force: true });
	mkdirSync(directory, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', directory]);
	return join(directory, 'package');
}

/** What n8n's loader makes of an installed package: its node and credential types. */
export async function loadAsN8n(packageDir: string): Promise<PackageDirectoryLoader> {
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	return loader;
}
