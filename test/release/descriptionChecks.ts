/**
 * n8n's verification and UX guidelines that can be read off the node and credential descriptions
 * as n8n loads them: themed icons, English copy, resource locators opening on From List, and
 * placeholders that give an example.
 */
import type { INodeProperties } from 'n8n-workflow';

import { nonEnglishFindings, textsOf } from './englishText';

export type IconUrl = string | { light?: string; dark?: string } | undefined;

/**
 * Light and dark SVG icons that ship and differ. `readShipped` gets the icon's path inside the
 * package (n8n's loader turns `file:x.svg` into `icons/<package>/<path>`) and returns the file
 * or undefined.
 */
export function iconProblems(iconUrl: IconUrl, readShipped: (path: string) => string | undefined): string[] {
	if (!iconUrl || typeof iconUrl === 'string') return ['needs a light and a dark icon: icon: { light: "file:….svg", dark: "file:….dark.svg" }'];
	const problems: string[] = [];
	const svgs: Record<string, string | undefined> = {};
	for (const theme of ['light', 'dark'] as const) {
		const url = iconUrl[theme];
		const path = url?.replace(/^icons\/(@[^/]+\/)?[^/]+\//, '');
		svgs[theme] = path ? readShipped(path) : undefined;
		if (!path || !path.endsWith('.svg')) problems.push(`the ${theme} icon must be an SVG file, is ${url}`);
		else if (svgs[theme] === undefined) problems.push(`the ${theme} icon ${path} is not in the package`);
		else if (!/<svg[\s>]/.test(svgs[theme] as string)) problems.push(`the ${theme} icon ${path} is not an SVG`);
	}
	if (svgs.light !== undefined && svgs.light === svgs.dark) problems.push('the light and dark icons are the same file content');
	return problems;
}

export function englishProblems(description: unknown): string[] {
	return textsOf(description).flatMap(({ path, text }) =>
		nonEnglishFindings(text).map((finding) => `${path}: ${finding} in "${text.slice(0, 80)}"`),
	);
}

/** Every parameter, also those inside collections and fixed collections, with its path. */
function parametersOf(properties: readonly INodeProperties[], path = ''): Array<[string, INodeProperties]> {
	return properties.flatMap((property) => {
		const here = path ? `${path}.${property.name}` : property.name;
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return parametersOf(option.values, `${here}.${option.name}`);
			if ('type' in option) return parametersOf([option as INodeProperties], here);
			return [];
		});
		return [[here, property] as [string, INodeProperties], ...nested];
	});
}

export function resourceLocatorProblems(properties: readonly INodeProperties[]): string[] {
	return parametersOf(properties)
		.filter(([, property]) => property.type === 'resourceLocator' && property.modes?.some((mode) => mode.name === 'list'))
		.filter(([, property]) => (property.default as { mode?: string } | undefined)?.mode !== 'list')
		.map(([path]) => `${path} must open on From List (default mode "list")`);
}

// eslint-plugin-n8n-nodes-base (node-param-placeholder-missing-email) asks for exactly this one.
const EMAIL_PLACEHOLDER = 'name@email.com';

/** Placeholders of text and number fields start with "e.g.", as the UX guidelines' examples do. */
export function placeholderProblems(properties: readonly INodeProperties[]): string[] {
	return parametersOf(properties)
		.filter(([, property]) => ['string', 'number'].includes(property.type) && property.placeholder)
		.filter(([, property]) => !property.placeholder?.startsWith('e.g. ') && property.placeholder !== EMAIL_PLACEHOLDER)
		.map(([path, property]) => `${path} placeholder "${property.placeholder}" must start with "e.g. "`);
}
