import type { INodeTypeDescription } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import type { Sandbox } from '../../../sandbox/server';
import { fillApiKey, fillCustomBaseUrl, loadCredentialType, openNewCredential, saveAndTest } from '../checks/credentialDialog';
import { edgeItemCount, executeWorkflow, showOutputJson } from '../checks/exampleRun';
import { addNodeByAction, openNodeEntry, openNodesPanel } from '../checks/nodesPanel';
import { byTestId, closeToasts, openNode, openWorkflow, settle } from '../editorPage';
import { fieldAsShown, type PictureFacts } from './readmePictures';

/*
 * Each scene brings the editor to what one README picture shows, then reads back from the page
 * what a reader will see in it, for the picture script to compare with the caption.
 */

interface ShownField {
	label: string;
	mode?: string;
	inView: boolean;
}

/** What the code run in the page uses of its elements (this project compiles without the DOM types). */
interface PageElement {
	innerText: string;
	offsetParent: unknown;
	getBoundingClientRect(): { top: number; bottom: number };
	querySelector(selector: string): { value: string } | null;
	querySelectorAll(selector: string): Iterable<PageElement>;
}

/** The panel's fields, each with its resource locator mode, and whether it lies inside the visible part of the panel. */
async function shownFields(ndv: Locator): Promise<ShownField[]> {
	return await byTestId(ndv, 'node-parameters').evaluate((element) => {
		const root = element as unknown as PageElement;
		const area = root.getBoundingClientRect();
		const labels = [...root.querySelectorAll('[data-test-id="input-label"]')].filter((label) => label.offsetParent !== null);
		return labels.map((label) => {
			const top = label.getBoundingClientRect().top;
			return {
				label: label.innerText.split('\n')[0].replace(/\s*\*$/, '').trim(),
				mode: label.querySelector('[data-test-id="rlc-mode-selector"] input')?.value,
				inView: top >= area.top && top + 16 <= area.bottom,
			};
		});
	});
}

async function inputValue(ndv: Locator, parameter: string): Promise<string> {
	return await byTestId(ndv, `parameter-input-${parameter}`).locator('input').first().inputValue();
}

/** A workflow with only a Manual Trigger: the nodes panel → the node → the action; its panel, as n8n opens it. */
export async function showActionPanel(page: Page, serverUrl: string, workflowId: string, node: INodeTypeDescription, action: string): Promise<PictureFacts> {
	await openWorkflow(page, serverUrl, workflowId);
	await openNodesPanel(page);
	await openNodeEntry(page, node);
	const ndv = await addNodeByAction(page, action);
	await settle(page, 1_000);
	const fields = (await shownFields(ndv)).filter((field) => !['Credential', 'Resource', 'Operation'].includes(field.label));
	return {
		panel: (await byTestId(ndv, 'node-title-container').innerText()).trim(),
		resource: await inputValue(ndv, 'resource'),
		operation: await inputValue(ndv, 'operation'),
		fields: fields.map((field) => (field.inView ? fieldAsShown(field.label, field.mode) : `${field.label} (out of view)`)).join(', '),
	};
}

/** From the open node panel: a new credential for the sandbox, saved and tested. */
export async function showTestedCredential(page: Page, ndv: Locator, baseUrl: string, apiKey: string): Promise<PictureFacts> {
	await openNewCredential(page, ndv);
	await fillCustomBaseUrl(page, loadCredentialType(), baseUrl);
	await fillApiKey(page, apiKey);
	const result = await saveAndTest(page, ndv);
	await closeToasts(page);
	const modal = page.locator('.el-dialog').filter({ visible: true }).filter({ has: page.locator('[data-test-id="credential-edit-dialog"]') });
	// The heading: the credential's name, its type, the Save button.
	const heading = (await modal.locator('.el-dialog__header').innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
	return {
		dialog: heading[1] ?? '',
		test: result === 'success' ? 'Connection tested successfully' : "Couldn't connect with these settings",
	};
}

export interface BatchRun {
	serverUrl: string;
	workflowId: string;
	node: string;
	successTarget: string;
	errorTarget: string;
}

/** The batch example after "Execute workflow": the canvas with its item counts. */
export async function showBatchRun(page: Page, run: BatchRun): Promise<PictureFacts> {
	await openWorkflow(page, run.serverUrl, run.workflowId);
	await executeWorkflow(page);
	await closeToasts(page);
	return {
		workflow: (await byTestId(page, 'workflow-name-input').innerText()).trim(),
		[`${run.node} → Success`]: `${await edgeItemCount(page, run.node, run.successTarget)} items`,
		[`${run.node} → Error`]: `${await edgeItemCount(page, run.node, run.errorTarget)} items`,
	};
}

function firstMatch(text: string, pattern: RegExp): string | undefined {
	return pattern.exec(text)?.[1];
}

/**
 * After the batch run: the node's panel on its Error output, as JSON. The viewer renders only
 * its first screens, so each item is read from its "customer" field (the first field the
 * viewer shows that no error object has) up to the next item's.
 */
export async function showErrorOutput(page: Page, node: string, sandbox: Sandbox): Promise<PictureFacts> {
	const ndv = await openNode(page, node);
	const text = (await showOutputJson(page, 1)).replace(/\u00a0/g, ' ');
	const [conflict, refused, next] = text.split(/"customer":\s*/).slice(1);
	const customerOf = (item = '') => firstMatch(item, /^"([^"]*)"/) ?? '(not shown)';
	const rejected = firstMatch(refused ?? '', /"rejectedValue":\s*"([^"]*)"/) ?? '(no rejectedValue)';
	const requests = sandbox.requests.filter((request) => request.path.includes(rejected)).length;
	return {
		panel: (await byTestId(ndv, 'node-title-container').innerText()).trim(),
		output: (await byTestId(byTestId(ndv, 'output-panel'), 'tab-1').innerText()).trim(),
		'first item': `${customerOf(conflict)}: error.statusCode ${firstMatch(conflict ?? '', /"statusCode":\s*(\d+)/) ?? '(none)'}${/is not a draft/.test(conflict ?? '') ? ', not a draft' : ''}`,
		'second item':
			next === undefined
				? `${customerOf(refused)}: cut off`
				: `${customerOf(refused)}: ${rejected} refused, ${/"statusCode"/.test(refused) ? 'with error.statusCode' : 'no error.statusCode'}, ${requests ? `${requests} requests sent` : 'no request sent'}`,
	};
}
