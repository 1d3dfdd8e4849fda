import assert from 'node:assert/strict';

import type { INodeProperties } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import type { Sandbox } from '../../../sandbox/server';
import { byTestId, readUntil, settle } from '../editorPage';
import type { EditorCheck } from './editorCheck';

async function listedItems(page: Page): Promise<string[]> {
	return (await byTestId(page, 'rlc-item').allInnerTexts()).map((text) => text.trim());
}

const sameList = (expected: string[]) => (names: string[]) => JSON.stringify(names) === JSON.stringify(expected);

/** How many records the sandbox holds at the path the list was read from (the API's `count`). */
async function recordCount(sandbox: Sandbox, path: string, apiKey: string): Promise<number> {
	const response = await fetch(`${sandbox.url}${path}?page=1&limit=1`, { headers: { authorization: `Bearer ${apiKey}` } });
	const body = (await response.json()) as { data?: { count?: number } };
	assert.equal(typeof body.data?.count, 'number', `GET ${path} answered without a count`);
	return body.data?.count as number;
}

/** The word of a listed name that the fewest names contain: typing it should narrow the list. */
function narrowingWord(names: string[]): string {
	const words = [...new Set(names.flatMap((name) => name.split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3))];
	const matches = (word: string) => names.filter((name) => name.toLowerCase().includes(word.toLowerCase())).length;
	return words.sort((a, b) => matches(a) - matches(b))[0] ?? '';
}

/**
 * A resource locator's From List mode: opening it lists every record the sandbox has for it,
 * and typing a word of one name leaves exactly the names that contain it.
 */
export async function checkResourceLocator(check: EditorCheck, page: Page, ndv: Locator, locator: INodeProperties, sandbox: Sandbox, apiKey: string): Promise<void> {
	let names: string[] = [];
	const opened = await check(`"${locator.displayName}" From List lists the sandbox's records`, async () => {
		const before = sandbox.requests.length;
		await byTestId(byTestId(ndv, `resource-locator-${locator.name}`), 'rlc-input').click();
		await byTestId(page, 'rlc-item').first().waitFor();
		await settle(page, 1_000);
		names = await listedItems(page);
		const read = sandbox.requests.slice(before).find((request) => request.method === 'GET');
		assert.ok(read, 'the list was shown without a request to the sandbox');
		const total = await recordCount(sandbox, read.path, apiKey);
		assert.ok(total > 0, `the sandbox has no records at ${read.path}`);
		assert.equal(names.length, total, `listed ${JSON.stringify(names)}; the sandbox has ${total} at ${read.path}`);
	});
	if (opened) {
		const word = narrowingWord(names);
		const expected = names.filter((name) => name.toLowerCase().includes(word.toLowerCase()));
		await check(`"${locator.displayName}" From List filtered by typing "${word}" shows ${expected.join(', ')}`, async () => {
			await byTestId(page, 'rlc-search').fill(word);
			// A typed search is sent to the API after a pause; the list shows placeholders meanwhile.
			assert.deepEqual(await readUntil(async () => await listedItems(page), sameList(expected)), expected);
		});
	}
	await page.keyboard.press('Escape');
	await settle(page);
}
