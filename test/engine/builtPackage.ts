import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const PACKAGE_NAME = 'n8n-nodes-bookeeping';

function findPackageRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
		if (dirname(dir) === dir) throw new Error(`${PACKAGE_NAME} not found above ${start}`);
	}
}

export const packageRoot = findPackageRoot(__dirname);

export interface BuiltPackage {
	node: INodeType;
	trigger: INodeType;
	credential: ICredentialType;
	loader: PackageDirectoryLoader;
}

let loaded: Promise<BuiltPackage> | undefined;

/**
 * The package as n8n loads a community package: n8n-core's PackageDirectoryLoader reads the
 * `n8n` section of package.json and loads the compiled files from dist/ (run `npm run build`).
 */
export async function loadBuiltPackage(): Promise<BuiltPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(packageRoot);
		await loader.loadAll();
		const node = loader.nodeTypes.bookeeping?.type as INodeType | undefined;
		const trigger = loader.nodeTypes.bookeepingTrigger?.type as INodeType | undefined;
		const [credential] = Object.values(loader.credentialTypes).map((entry) => entry.type);
		if (!node || !trigger || !credential) throw new Error('dist/ is missing a node or the credential: run npm run build');
		return { node, trigger, credential, loader };
	})();
	return await loaded;
}
