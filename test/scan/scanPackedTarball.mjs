// `npm run scan`: the static analysis of n8n's community package scanner, offline.
// The scanner's download and provenance steps need the registry and GitHub; its two lint legs
// run here: the sources, and the compiled JavaScript of the tarball `npm pack` makes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { SOURCE_FILE_PATTERNS, analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'bookeeping-scan-'));

try {
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: root, encoding: 'utf8' }),
	);
	execFileSync('tar', ['-xzf', join(workDir, filename), '-C', workDir]);
	const packageDir = join(workDir, 'package');

	const legs = [
		['sources', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		[`tarball ${filename}`, await analyzePackage(packageDir, ['**/*.js', 'package.json'])],
	];
	let failed = 0;
	for (const [name, result] of legs) {
		console.log(`${result.passed ? 'passed' : 'FAILED'}: scanner rules on the ${name}${result.message ? ` (${result.message})` : ''}`);
		if (result.details) console.log(result.details);
		if (!result.passed) failed++;
	}
	console.log(`scan: ${legs.length - failed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
