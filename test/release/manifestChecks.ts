/**
 * What n8n asks of a community package's package.json (its submission standards and verification
 * guidelines), checked on the package.json that ships. Each function returns what is wrong, in
 * words a maintainer can act on; an empty list means the item is met.
 */

export interface Manifest {
	name?: string;
	version?: string;
	keywords?: string[];
	license?: string;
	homepage?: string;
	repository?: { type?: string; url?: string } | string;
	bugs?: { url?: string } | string;
	scripts?: Record<string, string>;
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: unknown;
	bundledDependencies?: unknown;
	peerDependencies?: Record<string, string>;
	n8n?: { n8nNodesApiVersion?: number; nodes?: string[]; credentials?: string[] };
}

const COMMUNITY_KEYWORD = 'n8n-community-node-package';

// The scripts n8n's rule no-forbidden-lifecycle-scripts bans: they would run on every n8n that
// installs the package.
const FORBIDDEN_LIFECYCLE_SCRIPTS = ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'postprepare'];

export function packageNameProblems(manifest: Manifest): string[] {
	const problems: string[] = [];
	if (!/^(@[a-z0-9][\w.-]*\/)?n8n-nodes-[a-z0-9][\w.-]*$/.test(manifest.name ?? '')) {
		problems.push(`name "${manifest.name}" must be n8n-nodes-<name> or @<scope>/n8n-nodes-<name>`);
	}
	if (!manifest.keywords?.includes(COMMUNITY_KEYWORD)) problems.push(`keywords must include ${COMMUNITY_KEYWORD}`);
	return problems;
}

export function dependencyProblems(manifest: Manifest): string[] {
	const problems: string[] = [];
	for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'] as const) {
		const value = manifest[field];
		const names = Array.isArray(value) ? value : Object.keys(value ?? {});
		if (names.length) problems.push(`${field} must be empty (no runtime dependencies), has ${names.join(', ')}`);
	}
	const peers = manifest.peerDependencies ?? {};
	if (Object.keys(peers).join() !== 'n8n-workflow' || peers['n8n-workflow'] !== '*') {
		problems.push(`peerDependencies must be exactly { "n8n-workflow": "*" }, is ${JSON.stringify(peers)}`);
	}
	const scripts = FORBIDDEN_LIFECYCLE_SCRIPTS.filter((script) => manifest.scripts?.[script] !== undefined);
	if (scripts.length) problems.push(`install lifecycle scripts must not exist: ${scripts.join(', ')}`);
	return problems;
}

export function licenseProblems(manifest: Manifest, licenseText: string | undefined): string[] {
	const problems: string[] = [];
	if (manifest.license !== 'MIT') problems.push(`license must be MIT, is ${JSON.stringify(manifest.license)}`);
	if (licenseText === undefined) problems.push('LICENSE must ship in the package');
	else if (!/^MIT License\b/.test(licenseText.trim()) || !licenseText.includes('Permission is hereby granted, free of charge')) {
		problems.push('LICENSE must hold the MIT license text');
	}
	return problems;
}

function urlOf(field: { url?: string } | string | undefined): string {
	return (typeof field === 'string' ? field : field?.url) ?? '';
}

/**
 * n8n checks that the npm package's repository is the public GitHub repository it was built from,
 * and npm refuses a provenance publish whose repository.url is not the publishing repository.
 */
export function repositoryProblems(manifest: Manifest): string[] {
	const match = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)\.git$/.exec(urlOf(manifest.repository));
	if (!match) return [`repository.url must be git+https://github.com/<owner>/<repo>.git, is "${urlOf(manifest.repository)}"`];
	const repository = `https://github.com/${match[1]}/${match[2]}`;
	const problems: string[] = [];
	if (!manifest.homepage?.startsWith(repository)) problems.push(`homepage must be in ${repository}, is "${manifest.homepage}"`);
	if (!urlOf(manifest.bugs).startsWith(repository)) problems.push(`bugs.url must be in ${repository}, is "${urlOf(manifest.bugs)}"`);
	return problems;
}

/** Every node and credential the `n8n` section lists ships, each node with its codex file. */
export function n8nSectionProblems(manifest: Manifest, shippedFiles: ReadonlySet<string>): string[] {
	const section = manifest.n8n;
	if (!section) return ['the n8n section is missing'];
	const problems: string[] = [];
	if (section.n8nNodesApiVersion !== 1) problems.push(`n8n.n8nNodesApiVersion must be 1, is ${section.n8nNodesApiVersion}`);
	for (const kind of ['nodes', 'credentials'] as const) {
		const listed = section[kind] ?? [];
		if (!listed.length) problems.push(`n8n.${kind} lists nothing`);
		for (const file of listed) {
			if (!file.startsWith('dist/')) problems.push(`n8n.${kind} entry ${file} is not in dist/`);
			if (!shippedFiles.has(file)) problems.push(`n8n.${kind} entry ${file} is not in the package`);
		}
	}
	for (const node of section.nodes ?? []) {
		const codex = node.replace(/\.js$/, '.json');
		if (!shippedFiles.has(codex)) problems.push(`${node} has no codex file ${codex} beside it`);
	}
	return problems;
}

/** The version being released is the lock file's and has its CHANGELOG entry. */
export function versionProblems(manifest: Manifest, lockVersion: string | undefined, changelog: string): string[] {
	const problems: string[] = [];
	const version = manifest.version ?? '';
	if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`version "${version}" must be X.Y.Z`);
	if (lockVersion !== version) problems.push(`package-lock.json says ${lockVersion}, package.json ${version}`);
	const escaped = version.replace(/\./g, '\\.');
	if (!new RegExp(`^## \\[${escaped}\\]`, 'm').test(changelog)) problems.push(`CHANGELOG.md has no "## [${version}]" section`);
	return problems;
}
