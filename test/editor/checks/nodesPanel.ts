import assert from 'node:assert/strict';

import type { INodeTypeDescription } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import { byTestId, settle } from '../editorPage';
import { operationsOf } from '../packageNodes';
import type { EditorCheck } from './editorCheck';

/** What a new user types: the brand, the usual spelling, and what the node is for. */
export const SEARCH_TERMS = ['Bookeeping', 'bookkeeping', 'invoice', 'accounting'];

async function listedNames(page: Page): Promise<string[]> {
	return (await byTestId(page, 'node-creator-item-name').allInnerTexts()).map((name) => name.trim());
}

async function search(page: Page, term: string): Promise<string[]> {
	await byTestId(page, 'node-creator-search-bar').fill(term);
	await settle(page, 1_200);
	return await listedNames(page);
}

export async function openNodesPanel(page: Page): Promise<void> {
	await byTestId(page, 'node-creator-plus-button').click();
	await byTestId(page, 'node-creator-search-bar').waitFor();
}

/** The node's entry in the nodes panel: its actions, under "Actions (n)". */
export async function openNodeEntry(page: Page, node: INodeTypeDescription): Promise<string> {
	await search(page, node.displayName);
	await byTestId(page, 'node-creator-item-name').filter({ hasText: new RegExp(`^${node.displayName}$`) }).first().click();
	const category = byTestId(page, 'node-creator-category-item').filter({ hasText: /^Actions/ }).first();
	await category.waitFor();
	return (await category.innerText()).trim();
}

/** Picks an action in the node's entry: n8n adds the node and opens its panel, with the only credential selected. */
export async function addNodeByAction(page: Page, action: string): Promise<Locator> {
	await byTestId(page, 'node-creator-item-name').filter({ hasText: new RegExp(`^${action}$`) }).first().click();
	const ndv = byTestId(page, 'ndv');
	await byTestId(ndv, 'node-credentials-select').waitFor();
	return ndv;
}

/**
 * The nodes panel of a workflow that has a trigger ("What happens next?"): each search term
 * finds the node, and the node's entry lists one action per operation. Leaves the panel
 * showing those actions.
 */
export async function checkNodesPanel(check: EditorCheck, page: Page, node: INodeTypeDescription): Promise<boolean> {
	await openNodesPanel(page);
	for (const term of SEARCH_TERMS) {
		await check(`the nodes panel finds "${node.displayName}" when searching "${term}"`, async () => {
			const names = await search(page, term);
			assert.ok(names.includes(node.displayName), `listed: ${JSON.stringify(names.slice(0, 12))}`);
		});
	}
	const expected = operationsOf(node).map(({ operation }) => operation.action ?? operation.name);
	return await check(`the node's entry lists its ${expected.length} actions, one per operation`, async () => {
		const category = await openNodeEntry(page, node);
		const names = await listedNames(page);
		const missing = expected.filter((action) => !names.includes(action));
		assert.deepEqual(missing, [], `missing actions; listed: ${JSON.stringify(names)}`);
		assert.equal(category, `Actions (${expected.length})`);
	});
}
