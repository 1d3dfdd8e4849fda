import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths';
import { runCommandOrThrow } from './runCommand';

export interface PackedPackage {
	tarball: string;
	name: string;
	version: string;
}

/** `npm pack`: the tarball a user would download from the registry, files list and all. */
export async function packPackage(destination: string): Promise<PackedPackage> {
	mkdirSync(destination, { recursive: true });
	const stdout = await runCommandOrThrow('npm', ['pack', '--json', '--pack-destination', destination], { cwd: repoRoot });
	const [packed] = JSON.parse(stdout) as Array<{ filename: string; name: string; version: string }>;
	return { tarball: join(destination, packed.filename), name: packed.name, version: packed.version };
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` the way n8n 2.41's Community Nodes
 * installer does (CommunityPackagesService.downloadPackage): unpack it into
 * node_modules/<name>, drop its dev, peer and optional dependencies, `npm install` inside it
 * with scripts off, and record it in the folder's package.json. n8n then loads every
 * node_modules/n8n-nodes-* there through the package's `n8n` section on start.
 */
export async function installAsCommunityPackage(packed: PackedPackage, userFolder: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', packed.name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	await runCommandOrThrow('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1'], { cwd: nodesDir });

	const manifestPath = join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	await runCommandOrThrow(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDir },
	);

	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [packed.name]: packed.version } }, null, 2),
	);
	return packageDir;
}
