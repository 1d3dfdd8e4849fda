/**
 * `npm run check:release`: everything about a release that can be checked without publishing.
 * The workflow files pass actionlint and publish.yml publishes as n8n and npm require; the tarball
 * `npm pack` makes holds only what should ship, within its size budget, and goes through
 * `npm publish --dry-run`; and the automated items of docs/verification.md hold for that tarball
 * as n8n's loader reads it. Prints each check and a closing "release: N passed, N failed".
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICredentialType, INodeTypeDescription } from 'n8n-workflow';

import { packageRoot } from '../engine/builtPackage';
import { Report } from '../e2e/report';
import { englishProblems, iconProblems, placeholderProblems, resourceLocatorProblems, type IconUrl } from './descriptionChecks';
import { nonEnglishFindings, proseOf, textsOf } from './englishText';
import {
	dependencyProblems,
	licenseProblems,
	n8nSectionProblems,
	packageNameProblems,
	repositoryProblems,
	versionProblems,
	type Manifest,
} from './manifestChecks';
import { loadAsN8n, packTarball, publishDryRun, unpackTarball } from './packedPackage';
import { publishWorkflowProblems } from './publishWorkflowChecks';
import { publishDryRunProblems, tarballContentProblems, tarballSizeProblems, TARBALL_BUDGET } from './tarballChecks';
import { actionlintProblems } from './workflowLint';

const WORKFLOWS = join(packageRoot, '.github', 'workflows');

// A workflow with three mistakes actionlint must report: proof that the linter runs at all.
const BROKEN_WORKFLOW = `on:
  push:
    tagz: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.ref_nam }}
`;

function expectNone(problems: string[]): void {
	if (problems.length) throw new Error(problems.map((problem) => `- ${problem}`).join('\n'));
}

function readIfThere(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

function read(path: string): string {
	return readFileSync(path, 'utf8');
}

async function checkWorkflows(report: Report): Promise<void> {
	report.section('GitHub Actions workflows');
	await report.checkAsync('actionlint runs: it reports the mistakes of a broken workflow', async () => {
		const found = await actionlintProblems(BROKEN_WORKFLOW, 'broken.yml');
		if (found.length < 2) throw new Error(`reported ${found.length}: ${found.join('; ')}`);
	});
	for (const file of readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)).sort()) {
		const path = join(WORKFLOWS, file);
		await report.checkAsync(`${file} passes actionlint`, async () => expectNone(await actionlintProblems(read(path), path)));
	}
	report.check('publish.yml publishes from a v* tag after the checks, with trusted publishing and provenance', () =>
		expectNone(publishWorkflowProblems(read(join(WORKFLOWS, 'publish.yml')))),
	);
}

function describeFor(label: string, description: unknown, iconUrl: IconUrl, packageDir: string, report: Report): void {
	report.check(`${label}: light and dark SVG icons, shipped and distinct`, () =>
		expectNone(iconProblems(iconUrl, (path) => readIfThere(join(packageDir, path)))),
	);
	report.check(`${label}: every text in English`, () => expectNone(englishProblems(description)));
}

async function checkLoadedPackage(report: Report, packageDir: string): Promise<void> {
	let loaded: Awaited<ReturnType<typeof loadAsN8n>> | undefined;
	await report.checkAsync('n8n-core loads every node and credential the n8n section lists', async () => {
		loaded = await loadAsN8n(packageDir);
		const manifest = JSON.parse(read(join(packageDir, 'package.json'))) as Manifest;
		const nodes = Object.values(loaded.nodeTypes).map((entry) => entry.sourcePath).sort();
		const credentials = Object.values(loaded.credentialTypes).map((entry) => entry.sourcePath).sort();
		expectNone([
			...(nodes.join() === [...(manifest.n8n?.nodes ?? [])].sort().join() ? [] : [`loaded nodes ${nodes.join(', ')}`]),
			...(credentials.join() === [...(manifest.n8n?.credentials ?? [])].sort().join() ? [] : [`loaded credentials ${credentials.join(', ')}`]),
		]);
	});
	if (!loaded) return;
	for (const { type } of Object.values(loaded.nodeTypes)) {
		const description = type.description as INodeTypeDescription;
		describeFor(`node ${description.displayName}`, description, description.iconUrl as IconUrl, packageDir, report);
		report.check(`node ${description.displayName}: resource locators open on From List`, () =>
			expectNone(resourceLocatorProblems(description.properties)),
		);
		report.check(`node ${description.displayName}: placeholders give an example ("e.g. …")`, () =>
			expectNone(placeholderProblems(description.properties)),
		);
	}
	for (const { type } of Object.values(loaded.credentialTypes)) {
		const credential = type as ICredentialType;
		describeFor(`credential ${credential.displayName}`, credential, credential.iconUrl as IconUrl, packageDir, report);
	}
}

function checkDocumentationLanguage(report: Report, packageDir: string): void {
	report.check('shipped JavaScript (labels, descriptions, error messages) in English', () => {
		const dist = join(packageDir, 'dist');
		const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
		expectNone(files.flatMap((file) => nonEnglishFindings(read(join(dist, file))).map((finding) => `dist/${file}: ${finding}`)));
	});
	report.check('README, CHANGELOG, docs and example workflows in English', () => {
		const markdown = [join(packageDir, 'README.md'), join(packageRoot, 'CHANGELOG.md')];
		for (const file of readdirSync(join(packageRoot, 'docs')).filter((name) => name.endsWith('.md'))) markdown.push(join(packageRoot, 'docs', file));
		const examples = readdirSync(join(packageRoot, 'examples')).filter((name) => name.endsWith('.json'));
		expectNone([
			...markdown.flatMap((path) => nonEnglishFindings(proseOf(read(path))).map((finding) => `${path}: ${finding}`)),
			...examples.flatMap((file) =>
				textsOf(JSON.parse(read(join(packageRoot, 'examples', file)))).flatMap(({ path, text }) =>
					nonEnglishFindings(text).map((finding) => `examples/${file} ${path}: ${finding}`),
				),
			),
		]);
	});
}

async function main(): Promise<void> {
	const report = new Report();
	const workDir = mkdtempSync(join(tmpdir(), 'bookeeping-release-'));
	const unpackDir = join(packageRoot, '.build', 'release');
	try {
		await checkWorkflows(report);

		report.section('The tarball npm pack makes');
		const packed = packTarball(packageRoot, workDir);
		report.note(`${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
		report.check('holds only package.json, README.md, LICENSE, index.js and dist/ nodes and credentials', () =>
			expectNone(tarballContentProblems(packed.files)),
		);
		report.check(
			`within budget (${TARBALL_BUDGET.packedBytes} bytes packed, ${TARBALL_BUDGET.unpackedBytes} unpacked, ${TARBALL_BUDGET.files} files)`,
			() => expectNone(tarballSizeProblems(packed)),
		);
		report.check('npm publish --dry-run of the tarball passes, without warnings, and would send that tarball', () =>
			expectNone(publishDryRunProblems(publishDryRun(packed.path, workDir), packed)),
		);

		report.section('n8n verification checklist (docs/verification.md), on the unpacked tarball');
		const packageDir = unpackTarball(packed.path, unpackDir);
		const manifest = JSON.parse(read(join(packageDir, 'package.json'))) as Manifest;
		const shipped = new Set(packed.files.map((file) => file.path));
		report.check('package name n8n-nodes-… and keyword n8n-community-node-package', () => expectNone(packageNameProblems(manifest)));
		report.check('no runtime dependencies, n8n-workflow as the only peer, no install scripts', () =>
			expectNone(dependencyProblems(manifest)),
		);
		report.check('MIT license, LICENSE shipped', () => expectNone(licenseProblems(manifest, readIfThere(join(packageDir, 'LICENSE')))));
		report.check('repository, homepage and bugs point at one GitHub repository', () => expectNone(repositoryProblems(manifest)));
		report.check('n8n section: API version 1, every node and credential shipped, each node with its codex', () =>
			expectNone(n8nSectionProblems(manifest, shipped)),
		);
		report.check('version matches package-lock.json and has its CHANGELOG section', () =>
			expectNone(
				versionProblems(
					manifest,
					(JSON.parse(read(join(packageRoot, 'package-lock.json'))) as { version?: string }).version,
					read(join(packageRoot, 'CHANGELOG.md')),
				),
			),
		);
		await checkLoadedPackage(report, packageDir);
		checkDocumentationLanguage(report, packageDir);
	} finally {
		rmSync(workDir, { recursive: true, force: true });
		rmSync(unpackDir, { recursive: true, force: true });
	}
	console.log(`\n${report.summary().replace(/^e2e/, 'release')}`);
	process.exitCode = report.ok ? 0 : 1;
}

void main();
