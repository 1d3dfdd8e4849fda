import { join } from 'node:path';

import { cacheDir } from './paths';

/** The two ends of the supported range that the e2e runs on, newest first. */
export const N8N_VERSIONS = {
	/** 2.41.3 does not install from the registry reachable here (a dependency version is missing). */
	latest: '2.41.1',
	/** The newest 1.x, which n8n still patches. */
	lts: '1.123.81',
} as const;

export type N8nVersion = (typeof N8N_VERSIONS)[keyof typeof N8N_VERSIONS];

/** One n8n version installed into its own folder of .cache/, side by side with the others. */
export interface N8nInstall {
	version: N8nVersion;
	major: number;
	dir: string;
	binDir: string;
}

export function n8nInstall(version: N8nVersion): N8nInstall {
	const dir = join(cacheDir, `n8n-${version}`);
	return { version, major: Number(version.split('.')[0]), dir, binDir: join(dir, 'node_modules', '.bin') };
}

/**
 * The versions named by `--n8n=<version>[,<version>]` or the environment variable N8N_TEST_VERSIONS
 * (`latest`, `lts` or a version number); all of them when neither is given.
 */
export function selectedN8nVersions(args: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): N8nVersion[] {
	const named = args.find((arg) => arg.startsWith('--n8n='))?.slice('--n8n='.length) ?? env.N8N_TEST_VERSIONS;
	const all = Object.values(N8N_VERSIONS);
	if (!named?.trim() || named.trim() === 'all') return all;
	return named.split(',').map((name) => {
		const version = (N8N_VERSIONS as Record<string, N8nVersion>)[name.trim()] ?? all.find((candidate) => candidate === name.trim());
		if (!version) throw new Error(`Unknown n8n version "${name}": choose from ${[...Object.keys(N8N_VERSIONS), ...all].join(', ')}`);
		return version;
	});
}
