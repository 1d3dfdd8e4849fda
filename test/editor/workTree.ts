import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

import { repoRoot } from '../../scripts/localN8n/paths';

function git(args: string[]): Buffer {
	return execFileSync('git', args, { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 });
}

/**
 * The work tree's state as git sees it: which files are changed or new, and what the changes to
 * tracked files are. Undefined outside a git checkout.
 */
export function workTreeState(): { status: string; diff: string } | undefined {
	try {
		return {
			status: git(['status', '--porcelain=v1', '--untracked-files=all']).toString(),
			diff: createHash('sha256').update(git(['diff', 'HEAD', '--binary'])).digest('hex'),
		};
	} catch {
		return undefined;
	}
}
