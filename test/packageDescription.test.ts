import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { loadBuiltPackage, packageRoot } from './engine/builtPackage';

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));

describe('package as n8n loads it', () => {
	let node: INodeType;
	let credential: ICredentialType;
	beforeAll(async () => {
		({ node, credential } = await loadBuiltPackage());
	});

	it('is a community package with no runtime dependencies and no install scripts', () => {
		expect(manifest.name).toBe('n8n-nodes-bookeeping');
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.dependencies ?? {}).toEqual({});
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
			expect(manifest.scripts[script]).toBeUndefined();
		}
	});

	it('is declarative: request defaults and routing, no execute()', () => {
		expect(node.execute).toBeUndefined();
		expect(node.description.requestDefaults?.baseURL).toContain('$credentials.region');
		expect(node.description.name).toBe('bookeeping');
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials).toEqual([{ name: 'bookeepingApi', required: true }]);
		expect(node.description.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'invoiceId', 'requestOptions']),
		);
	});

	it('has distinct light and dark icons shipped in dist and a Finance & Accounting codex', () => {
		// The loader turns `icon: { light: 'file:…', dark: 'file:…' }` into URLs of files in dist/.
		const iconUrl = node.description.iconUrl as { light: string; dark: string };
		const fileOf = (url: string) => join(packageRoot, url.replace(`icons/${manifest.name}/`, ''));
		const light = readFileSync(fileOf(iconUrl.light), 'utf8');
		const dark = readFileSync(fileOf(iconUrl.dark), 'utf8');
		expect(light).toContain('<svg');
		expect(dark).toContain('<svg');
		expect(light).not.toEqual(dark);
		expect(node.description.codex?.categories).toEqual(['Finance & Accounting']);
	});

	it('credential: password API key, region options, base URL only for custom, Bearer auth', () => {
		const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(Object.keys(fields)).toEqual(['setupNotice', 'apiKey', 'region', 'baseUrl']);
		expect(fields.setupNotice.type).toBe('notice');
		expect(fields.apiKey.typeOptions?.password).toBe(true);
		expect(fields.apiKey.required).toBe(true);
		expect(fields.region.default).toBe('us');
		expect((fields.region.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(['ca', 'custom', 'eu', 'us']);
		expect(fields.baseUrl.displayOptions).toEqual({ show: { region: ['custom'] } });
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{ String($credentials.apiKey || "").trim() }}' } },
		});
	});
});
