import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packageRoot } from '../engine/builtPackage';
import { publishWorkflowProblems } from './publishWorkflowChecks';
import { actionlintProblems } from './workflowLint';

const publishYml = readFileSync(join(packageRoot, '.github', 'workflows', 'publish.yml'), 'utf8');

/** publish.yml with one text replaced; fails the test when the text is not there. */
function editedPublishYml(from: string | RegExp, to: string): string {
	const edited = publishYml.replace(from, to);
	expect(edited).not.toEqual(publishYml);
	return edited;
}

describe('release checks of .github/workflows/publish.yml', () => {
	it('find nothing wrong with publish.yml: actionlint and the publishing rules', async () => {
		expect(await actionlintProblems(publishYml, 'publish.yml')).toEqual([]);
		expect(publishWorkflowProblems(publishYml)).toEqual([]);
	});

	it('actionlint reports a misspelled key, a permission value and an unknown context property', async () => {
		const broken = editedPublishYml('id-token: write #', 'id-token: writ #').replace('tags:', 'tagz:').replace('GITHUB_REF_NAME', '${{ github.ref_nam }}');
		const problems = await actionlintProblems(broken, 'publish.yml');
		expect(problems.join('\n')).toMatch(/unexpected key "tagz"/);
		expect(problems.join('\n')).toMatch(/"writ" is invalid for permission of scope "id-token"/);
		expect(problems.join('\n')).toMatch(/property "ref_nam" is not defined/);
	});

	it('refuse publishing with an npm token instead of OIDC, and without id-token: write', () => {
		const withToken = editedPublishYml(
			'run: npm publish release/*.tgz --provenance --access public',
			'run: npm publish release/*.tgz --provenance --access public\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
		);
		expect(publishWorkflowProblems(withToken)).toEqual(['must not use an npm token: trusted publishing authenticates with the OIDC token']);
		expect(publishWorkflowProblems(editedPublishYml(/\n\s+id-token: write[^\n]*/, ''))).toEqual([
			'job publish must have permissions id-token: write (OIDC for trusted publishing and provenance)',
		]);
	});

	it('refuse a publish without provenance, on a Node or npm too old for trusted publishing', () => {
		const old = editedPublishYml('--provenance ', '')
			.replace('node-version: 24', 'node-version: 22.12')
			.replace(/\n\s+- name: npm 11\.5\.1 or newer\n\s+run: \|\n\s+npm install --global npm@\^11\.5\.1\n\s+npm --version/, '');
		expect(publishWorkflowProblems(old)).toEqual([
			'npm publish must pass --provenance',
			'job publish must set up Node 22.14.0 or newer with actions/setup-node, sets 22.12',
			'job publish must install npm 11.5.1 or newer before publishing (npm install --global npm@^11.5.1)',
		]);
	});

	it('refuse a publish that does not wait for the tests, or runs on a branch', () => {
		expect(publishWorkflowProblems(editedPublishYml('    needs: verify\n', ''))).toEqual([
			'"npm ci" must run in a job that publish needs',
			'"npm run lint" must run in a job that publish needs',
			'"npm run build" must run in a job that publish needs',
			'"npm test" must run in a job that publish needs',
			'"npm run check:release" must run in a job that publish needs',
			'a job that publish needs must check that the tag is package.json\'s version',
		]);
		expect(publishWorkflowProblems(editedPublishYml('  push:\n', '  push:\n    branches: [main]\n'))).toEqual([
			'must run only when a version tag is pushed (on: push: tags: [v*])',
		]);
	});
});
