import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import { byTestId, openNode, settle } from '../editorPage';
import type { EditorWorkflows } from '../editorWorkflows';
import type { EditorCheck } from './editorCheck';

function itemCount(label: string): number {
	const match = /(\d+) items?/.exec(label);
	return match ? Number(match[1]) : 0;
}

/** The item count the canvas shows on the connection from one node to another. */
export async function edgeItemCount(page: Page, source: string, target: string): Promise<number> {
	const label = page.locator(`[data-test-id="edge-label"][data-source-node-name="${source}"][data-target-node-name="${target}"]`);
	return itemCount((await label.innerText()).trim());
}

/** "Execute workflow", as a user clicks it, until the editor reports the run finished. */
export async function executeWorkflow(page: Page): Promise<void> {
	await byTestId(page, 'execute-workflow-button').click();
	await page.getByText('Workflow executed successfully').first().waitFor({ timeout: 120_000 });
}

/** The JSON view of one branch of the open node panel's output. */
export async function showOutputJson(page: Page, branch: number): Promise<string> {
	const output = byTestId(page, 'output-panel');
	await byTestId(output, `tab-${branch}`).click();
	await byTestId(output, 'radio-button-json').click();
	await settle(page, 800);
	return await byTestId(output, 'ndv-data-container').innerText();
}

/**
 * "Execute workflow" on the copy of the batch example: the canvas counts items on the node's
 * Success and Error outputs, and the node panel's output shows both branches, the Error
 * branch carrying each failure's message and status code.
 */
export async function checkExampleRun(check: EditorCheck, page: Page, workflows: EditorWorkflows): Promise<void> {
	const { name, successTarget, errorTarget } = workflows.batchNode;
	let counts = { success: 0, error: 0 };
	const ran = await check(`"Execute workflow": the canvas shows items on "${name}"'s Success and Error outputs`, async () => {
		await executeWorkflow(page);
		counts = { success: await edgeItemCount(page, name, successTarget), error: await edgeItemCount(page, name, errorTarget) };
		assert.ok(counts.success > 0 && counts.error > 0, `Success: ${counts.success} items, Error: ${counts.error} items`);
	});
	if (!ran) return;
	await check(`the node's output panel: "Success Branch (${counts.success} items)" and "Error Branch (${counts.error} items)"`, async () => {
		const ndv = await openNode(page, name);
		const output = byTestId(ndv, 'output-panel');
		assert.equal((await byTestId(output, 'tab-0').innerText()).trim(), `Success Branch (${counts.success} items)`);
		assert.equal((await byTestId(output, 'tab-1').innerText()).trim(), `Error Branch (${counts.error} items)`);
	});
	await check('the Error branch shows each failed item with its message and error.statusCode', async () => {
		const text = await showOutputJson(page, 1);
		const messages = text.match(/"message"/g) ?? [];
		assert.equal(messages.length >= counts.error, true, `${messages.length} messages for ${counts.error} items:\n${text.slice(0, 1500)}`);
		assert.match(text, /"statusCode"/);
	});
}
