import { publishDryRunProblems, tarballContentProblems, tarballSizeProblems, type PackResult } from './tarballChecks';

const shipped = [
	'LICENSE',
	'README.md',
	'index.js',
	'package.json',
	'dist/credentials/BooksApi.credentials.js',
	'dist/nodes/Books/Books.node.js',
	'dist/nodes/Books/Books.node.js.map',
	'dist/nodes/Books/Books.node.d.ts',
	'dist/nodes/Books/Books.node.json',
	'dist/nodes/Books/books.svg',
	'dist/nodes/Books/books.dark.svg',
].map((path) => ({ path, size: 100 }));

const pack: PackResult = {
	filename: 'n8n-nodes-books-1.0.0.tgz',
	integrity: 'sha512-checked',
	size: 100_000,
	unpackedSize: 400_000,
	entryCount: 280,
	files: shipped,
};

describe('release checks of the tarball', () => {
	it('accept package.json, README, LICENSE, index.js and the compiled nodes and credentials', () => {
		expect(tarballContentProblems(shipped)).toEqual([]);
	});

	it('name every file that should not ship, and a missing LICENSE', () => {
		const stray = ['test/onErrorModes.test.ts', 'dist/nodes/Books/Books.node.ts', 'dist/sandbox/server.js', '.cache/n8n/x.js'];
		expect(
			tarballContentProblems([...shipped.filter((file) => file.path !== 'LICENSE'), ...stray.map((path) => ({ path, size: 1 }))]),
		).toEqual([...stray.map((path) => `${path} should not ship`), 'LICENSE is missing']);
	});

	it('hold the size budget', () => {
		expect(tarballSizeProblems(pack)).toEqual([]);
		expect(tarballSizeProblems({ ...pack, size: 300_000, entryCount: 5000 })).toEqual([
			'packed 300000 bytes, budget 262144',
			'5000 files, budget 700',
		]);
	});

	it('accept a dry run whose only warning is not being logged in, sending the checked tarball', () => {
		const stderr = 'npm warn publish This command requires you to be logged in to the registry (dry-run)\nnpm notice Publishing (dry-run)\n';
		expect(publishDryRunProblems({ exitCode: 0, stderr, pack }, pack)).toEqual([]);
	});

	it('refuse a failed dry run, another warning, or another tarball', () => {
		expect(publishDryRunProblems({ exitCode: 1, stderr: 'npm error 403 Forbidden\n' }, pack)).toEqual([
			'exited 1: npm error 403 Forbidden',
		]);
		const stderr = 'npm warn publish npm auto-corrected some errors in your package.json when publishing.\n';
		expect(publishDryRunProblems({ exitCode: 0, stderr, pack: { ...pack, integrity: 'sha512-other' } }, pack)).toEqual([
			'npm said: npm warn publish npm auto-corrected some errors in your package.json when publishing.',
			'would send another tarball than the one checked',
		]);
	});
});
