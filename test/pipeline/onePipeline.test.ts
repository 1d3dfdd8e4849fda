import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { loadBuiltPackage } from '../engine/builtPackage';

type Described = INodeProperties | INodePropertyOptions;

function* everyProperty(properties: readonly Described[], path: string): Generator<[string, Described]> {
	for (const property of properties) {
		const here = `${path}/${'name' in property ? property.name : ''}`;
		yield [here, property];
		const nested = (property as INodeProperties).options ?? (property as { values?: Described[] }).values;
		if (Array.isArray(nested)) yield* everyProperty(nested as Described[], here);
	}
}

describe('Every request goes through the one request executor', () => {
	it('is declared once for the node, and no field or operation replaces it or pages on its own', async () => {
		const { node } = await loadBuiltPackage();
		const description = node.description;

		expect(typeof description.requestOperations?.pagination).toBe('function');
		const offenders: string[] = [];
		for (const [path, property] of everyProperty(description.properties, '')) {
			const routing = (property as { routing?: { operations?: unknown; send?: { paginate?: unknown } } }).routing;
			if (!routing) continue;
			if (routing.operations !== undefined) offenders.push(`${path} sets routing.operations`);
			const isResourceOption = path.startsWith('/resource/');
			if (routing.send?.paginate !== undefined && !isResourceOption) offenders.push(`${path} sets send.paginate`);
		}
		expect(offenders).toEqual([]);
		const resource = description.properties.find((property) => property.name === 'resource')!;
		for (const option of resource.options as INodePropertyOptions[]) {
			expect(option.routing).toMatchObject({ send: { paginate: true }, request: { ignoreHttpStatusErrors: true } });
		}
	});
});
