/** What the tarball `npm pack` makes must hold, and how big it may be. */

export interface PackedFile {
	path: string;
	size: number;
}

export interface PackResult {
	filename: string;
	integrity: string;
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: PackedFile[];
}

// About 2.5 times the 0.2.0 package (about 110 kB packed, 440 kB unpacked, 281 files): room to grow,
// while a stray folder (node_modules, .cache, the sandbox, the tests) blows through it.
export const TARBALL_BUDGET = { packedBytes: 256 * 1024, unpackedBytes: 1024 * 1024, files: 700 };

const TOP_LEVEL_FILES = new Set(['package.json', 'README.md', 'LICENSE', 'index.js']);

// What tsc and the gulp asset step put in dist/: compiled JavaScript with its declarations and
// source maps, the icons, and each node's codex file.
const DIST_FILE = /^dist\/(nodes|credentials)\/[\w./-]+?(\.js|\.js\.map|\.d\.ts|\.svg|\.png|\.node\.json)$/;

export function tarballContentProblems(files: readonly PackedFile[]): string[] {
	const problems: string[] = [];
	for (const { path } of files) {
		if (!TOP_LEVEL_FILES.has(path) && !DIST_FILE.test(path)) problems.push(`${path} should not ship`);
	}
	for (const required of ['package.json', 'README.md', 'LICENSE']) {
		if (!files.some((file) => file.path === required)) problems.push(`${required} is missing`);
	}
	return problems;
}

export function tarballSizeProblems(pack: PackResult, budget = TARBALL_BUDGET): string[] {
	const problems: string[] = [];
	if (pack.size > budget.packedBytes) problems.push(`packed ${pack.size} bytes, budget ${budget.packedBytes}`);
	if (pack.unpackedSize > budget.unpackedBytes) problems.push(`unpacked ${pack.unpackedSize} bytes, budget ${budget.unpackedBytes}`);
	if (pack.entryCount > budget.files) problems.push(`${pack.entryCount} files, budget ${budget.files}`);
	return problems;
}

export interface DryRunResult {
	exitCode: number;
	stderr: string;
	pack?: PackResult;
}

/**
 * `npm publish --dry-run <tarball>` goes through npm's publish path without sending: it reads the
 * manifest, checks the version against the registry and lists what it would send. Not being
 * logged in is expected here (the real publish authenticates with GitHub's OIDC token); any
 * other warning, e.g. npm correcting package.json, is a finding.
 */
export function publishDryRunProblems(dryRun: DryRunResult, packed: PackResult): string[] {
	if (dryRun.exitCode !== 0) return [`exited ${dryRun.exitCode}: ${dryRun.stderr.trim()}`];
	const problems = dryRun.stderr
		.split('\n')
		.filter((line) => /^npm (warn|error)/i.test(line) && !/requires you to be logged in/.test(line))
		.map((line) => `npm said: ${line}`);
	if (!dryRun.pack) problems.push('printed no package summary');
	else if (dryRun.pack.integrity !== packed.integrity) problems.push('would send another tarball than the one checked');
	return problems;
}
