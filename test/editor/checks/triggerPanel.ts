import assert from 'node:assert/strict';

import type { INodeTypeDescription } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { byTestId, optionNames, settle } from '../editorPage';
import type { EditorCheck } from './editorCheck';

/**
 * The trigger node added from the nodes panel: its Event list is the description's, and
 * "Fetch Test Event" against the sandbox returns a record.
 */
export async function checkTriggerPanel(check: EditorCheck, page: Page, trigger: INodeTypeDescription): Promise<void> {
	const events = (trigger.properties.find((property) => property.name === 'event')?.options ?? []).map((option) => option.name);
	const added = await check(`the nodes panel adds "${trigger.displayName}", its Event list showing ${events.join(', ')}`, async () => {
		await byTestId(page, 'node-creator-plus-button').click();
		await byTestId(page, 'node-creator-search-bar').fill(trigger.displayName);
		await settle(page, 1_200);
		await byTestId(page, 'node-creator-item-name').filter({ hasText: new RegExp(`^${trigger.displayName}$`) }).first().click();
		await settle(page, 1_000);
		if ((await byTestId(page, 'ndv').count()) === 0) {
			// An app's entry opens its list of triggers and actions first.
			await byTestId(page, 'node-creator-category-item').filter({ hasText: /^Triggers/ }).first().waitFor();
			await byTestId(page, 'node-creator-item-name').first().click();
		}
		const ndv = byTestId(page, 'ndv');
		await ndv.waitFor();
		assert.deepEqual(await optionNames(page, byTestId(ndv, 'parameter-input-event')), events);
	});
	if (!added) return;
	await check('"Fetch Test Event" returns a record from the sandbox', async () => {
		const ndv = byTestId(page, 'ndv');
		await byTestId(ndv, 'node-execute-button').click();
		const output = byTestId(ndv, 'output-panel');
		await byTestId(output, 'node-run-status-success').waitFor({ timeout: 60_000 });
		const text = await output.innerText();
		assert.match(text, /[1-9]\d* items?/, text.slice(0, 800));
	});
}
