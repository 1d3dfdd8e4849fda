import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packageRoot } from '../engine/builtPackage';
import {
	dependencyProblems,
	licenseProblems,
	n8nSectionProblems,
	packageNameProblems,
	repositoryProblems,
	versionProblems,
	type Manifest,
} from './manifestChecks';

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as Manifest;
const license = readFileSync(join(packageRoot, 'LICENSE'), 'utf8');
const shipped = new Set([
	...(manifest.n8n?.nodes ?? []),
	...(manifest.n8n?.credentials ?? []),
	...(manifest.n8n?.nodes ?? []).map((node) => node.replace(/\.js$/, '.json')),
]);

describe('release checks of package.json', () => {
	it('find nothing wrong with this package.json and LICENSE', () => {
		expect([
			...packageNameProblems(manifest),
			...dependencyProblems(manifest),
			...licenseProblems(manifest, license),
			...repositoryProblems(manifest),
			...n8nSectionProblems(manifest, shipped),
		]).toEqual([]);
	});

	it('refuse a name outside n8n-nodes-* and a missing community keyword', () => {
		expect(packageNameProblems({ name: 'bookeeping-n8n', keywords: ['n8n'] })).toEqual([
			'name "bookeeping-n8n" must be n8n-nodes-<name> or @<scope>/n8n-nodes-<name>',
			'keywords must include n8n-community-node-package',
		]);
		expect(packageNameProblems({ name: '@acme/n8n-nodes-books', keywords: ['n8n-community-node-package'] })).toEqual([]);
	});

	it('refuse runtime dependencies, other peers and install scripts', () => {
		expect(
			dependencyProblems({
				...manifest,
				dependencies: { axios: '1.0.0' },
				peerDependencies: { 'n8n-workflow': '^2.0.0' },
				scripts: { ...manifest.scripts, postinstall: 'node setup.js' },
			}),
		).toEqual([
			'dependencies must be empty (no runtime dependencies), has axios',
			'peerDependencies must be exactly { "n8n-workflow": "*" }, is {"n8n-workflow":"^2.0.0"}',
			'install lifecycle scripts must not exist: postinstall',
		]);
	});

	it('refuse another license, a missing LICENSE and a LICENSE that is not MIT', () => {
		expect(licenseProblems({ license: 'ISC' }, license)).toEqual(['license must be MIT, is "ISC"']);
		expect(licenseProblems(manifest, undefined)).toEqual(['LICENSE must ship in the package']);
		expect(licenseProblems(manifest, 'Apache License\nVersion 2.0')).toEqual(['LICENSE must hold the MIT license text']);
	});

	it('refuse a repository that is not on GitHub, and a homepage of another repository', () => {
		expect(repositoryProblems({ repository: { url: 'https://example.com/books.git' } })).toHaveLength(1);
		expect(
			repositoryProblems({
				repository: { url: 'git+https://github.com/acme/n8n-nodes-books.git' },
				homepage: 'https://github.com/other/n8n-nodes-books#readme',
				bugs: { url: 'https://github.com/acme/n8n-nodes-books/issues' },
			}),
		).toEqual(['homepage must be in https://github.com/acme/n8n-nodes-books, is "https://github.com/other/n8n-nodes-books#readme"']);
	});

	it('refuse listed nodes or credentials that do not ship, and a node without its codex', () => {
		const node = 'dist/nodes/Books/Books.node.js';
		expect(n8nSectionProblems({ n8n: { n8nNodesApiVersion: 1, nodes: [node], credentials: [] } }, new Set([node]))).toEqual([
			'n8n.credentials lists nothing',
			`${node} has no codex file dist/nodes/Books/Books.node.json beside it`,
		]);
		expect(n8nSectionProblems(manifest, new Set())).toContain(`n8n.nodes entry ${manifest.n8n?.nodes?.[0]} is not in the package`);
	});

	it('refuse a version the lock file or the changelog does not have', () => {
		expect(versionProblems({ version: '0.3.0' }, '0.3.0', '## [0.3.0]\n')).toEqual([]);
		expect(versionProblems({ version: '0.3.0' }, '0.2.0', '## [Unreleased]\n')).toEqual([
			'package-lock.json says 0.2.0, package.json 0.3.0',
			'CHANGELOG.md has no "## [0.3.0]" section',
		]);
	});
});
