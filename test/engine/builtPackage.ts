import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

interface N8nSection {
	nodes: string[];
	credentials: string[];
}

function loadClasses<T>(files: string[]): T[] {
	return files.map((file) => {
		const path = join(packageRoot, file);
		if (!existsSync(path)) throw new Error(`${file} is listed in package.json but missing: run npm run build`);
		const exported = require(path) as Record<string, new () => T>;
		return Object.values(exported).map((Class) => new Class())[0];
	});
}

/** The node and credential classes listed in package.json's `n8n` section, from `dist/`, as n8n loads them. */
export function loadBuiltPackage(): { nodes: INodeType[]; credentials: ICredentialType[] } {
	const n8n = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).n8n as N8nSection;
	return {
		nodes: loadClasses<INodeType>(n8n.nodes),
		credentials: loadClasses<ICredentialType>(n8n.credentials),
	};
}

export const builtPackage = loadBuiltPackage();
export const bookeepingNode = builtPackage.nodes[0];
export const bookeepingApiCredential = builtPackage.credentials[0];
