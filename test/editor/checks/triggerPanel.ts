import assert from 'node:assert/strict';

import type { INodeTypeDescription } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { byTestId, optionNames, readUntil, settle } from '../editorPage';
import type { EditorCheck } from './editorCheck';

async function listedNames(page: Page): Promise<string[]> {
	return (await byTestId(page, 'node-creator-item-name').allInnerTexts()).map((name) => name.trim());
}

/**
 * The trigger as the nodes panel offers it: n8n lists a package's trigger and action node as one
 * app ("Bookeeping"), with one "On <event>" entry per Event option under Triggers. Picking the
 * first adds the trigger; its Event list is the description's, and "Fetch Test Event" against
 * the sandbox returns a record.
 */
export async function checkTriggerPanel(check: EditorCheck, page: Page, trigger: INodeTypeDescription): Promise<void> {
	const events = (trigger.properties.find((property) => property.name === 'event')?.options ?? []).map((option) => option.name);
	const appName = trigger.displayName.replace(/ Trigger$/, '');
	const listed = await check(`the nodes panel lists "${trigger.displayName}" under "${appName}" → Triggers (${events.length}), one entry per event`, async () => {
		await byTestId(page, 'node-creator-plus-button').click();
		await byTestId(page, 'node-creator-search-bar').fill(trigger.displayName);
		await settle(page, 1_200);
		await byTestId(page, 'node-creator-item-name').filter({ hasText: new RegExp(`^(${appName}|${trigger.displayName})$`) }).first().click();
		const category = byTestId(page, 'node-creator-category-item').filter({ hasText: /^Triggers/ }).first();
		assert.equal((await category.innerText()).trim(), `Triggers (${events.length})`);
		const before = (await listedNames(page)).length;
		await category.click();
		const names = await readUntil(async () => await listedNames(page), (current) => current.length >= before + events.length, 5_000);
		const missing = events.filter((event) => !names.some((name) => name.toLowerCase() === `on ${event.toLowerCase()}`));
		assert.deepEqual(missing, [], `listed: ${JSON.stringify(names)}`);
	});
	if (!listed) return;
	const added = await check(`"On ${events[0].toLowerCase()}" adds the trigger, its Event list showing ${events.join(', ')}`, async () => {
		await byTestId(page, 'node-creator-item-name').filter({ hasText: new RegExp(`^On ${events[0]}$`, 'i') }).first().click();
		const ndv = byTestId(page, 'ndv');
		await ndv.waitFor();
		assert.deepEqual(await optionNames(page, byTestId(ndv, 'parameter-input-event')), events);
	});
	if (!added) return;
	await check('"Fetch Test Event" returns a record from the sandbox', async () => {
		const ndv = byTestId(page, 'ndv');
		const button = byTestId(ndv, 'node-execute-button');
		assert.equal((await button.innerText()).trim(), 'Fetch Test Event');
		await button.click();
		const output = byTestId(ndv, 'output-panel');
		await byTestId(output, 'node-run-status-success').waitFor({ timeout: 60_000 });
		const count = (await byTestId(output, 'run-data-item-count').innerText()).trim();
		assert.match(count, /^[1-9]\d* items?$/);
	});
}
