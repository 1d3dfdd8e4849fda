import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { repoRoot } from '../../scripts/localN8n/paths';

/** The node types the package declares in package.json's `n8n` section, loaded from dist/ as n8n loads them. */
export function loadPackageNodes(): INodeTypeDescription[] {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.map((file) => {
		const exported = require(join(repoRoot, file)) as Record<string, new () => INodeType>;
		const [NodeClass] = Object.values(exported);
		return new NodeClass().description;
	});
}

export function isTrigger(description: INodeTypeDescription): boolean {
	return description.group.includes('trigger') || description.polling === true || description.inputs.length === 0;
}

export interface Operation {
	resource: INodePropertyOptions & { value: string };
	operation: INodePropertyOptions & { value: string };
}

function optionsOf(property: INodeProperties | undefined): Array<INodePropertyOptions & { value: string }> {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) => ({ ...option, value: String(option.value) }));
}

export function resourceOptions(description: INodeTypeDescription): Array<INodePropertyOptions & { value: string }> {
	return optionsOf(description.properties.find((property) => property.name === 'resource'));
}

/** The Operation property shown for a resource. */
export function operationOptions(description: INodeTypeDescription, resource: string): Array<INodePropertyOptions & { value: string }> {
	return optionsOf(description.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource)));
}

export function operationsOf(description: INodeTypeDescription): Operation[] {
	return resourceOptions(description).flatMap((resource) => operationOptions(description, resource.value).map((operation) => ({ resource, operation })));
}

const NODE_VERSION = { typeVersion: 1 };

/**
 * The top-level properties n8n shows for these parameter values, by n8n's own display rules
 * (defaults filled in first, as the editor does for a new node).
 */
export function shownProperties(description: INodeTypeDescription, values: Record<string, unknown>): INodeProperties[] {
	const withDefaults = NodeHelpers.getNodeParameters(description.properties, values as never, true, false, NODE_VERSION, description) ?? {};
	const merged = { ...withDefaults, ...values };
	return description.properties.filter((property) => NodeHelpers.displayParameter(merged as never, property, NODE_VERSION, description, merged as never));
}

/** Boolean properties that decide whether another property is shown (e.g. Return All → Limit). */
export function switchingBooleans(description: INodeTypeDescription, shown: INodeProperties[]): INodeProperties[] {
	const referenced = new Set(
		description.properties.flatMap((property) => [
			...Object.keys(property.displayOptions?.show ?? {}),
			...Object.keys(property.displayOptions?.hide ?? {}),
		]),
	);
	return shown.filter((property) => property.type === 'boolean' && referenced.has(property.name));
}

export function resourceLocators(shown: INodeProperties[]): INodeProperties[] {
	return shown.filter((property) => property.type === 'resourceLocator');
}

export function searchMethodOf(locator: INodeProperties): string | undefined {
	const list = locator.modes?.find((mode) => mode.type === 'list');
	return list?.typeOptions?.searchListMethod;
}
