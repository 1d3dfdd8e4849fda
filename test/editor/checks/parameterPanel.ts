import assert from 'node:assert/strict';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import { byTestId, optionNames, pickOption, settle, visibleLabels } from '../editorPage';
import { operationOptions, resourceLocators, resourceOptions, searchMethodOf, shownProperties, switchingBooleans } from '../packageNodes';
import type { EditorCheck } from './editorCheck';

/** n8n adds this entry to the Operation list of every node with a credential. */
const N8N_OPERATION = 'Custom API Call';

export interface ParameterPanelHooks {
	/** Called once per resource locator search method, while an operation showing it is selected. */
	onResourceLocator(locator: INodeProperties, ndv: Locator): Promise<void>;
}

function labelsOf(properties: INodeProperties[]): string[] {
	return properties.filter((property) => property.type !== 'notice').map((property) => property.displayName);
}

async function shownLabels(ndv: Locator): Promise<string[]> {
	return (await visibleLabels(byTestId(ndv, 'node-parameters'))).filter((label) => label !== 'Credential');
}

async function assertShows(ndv: Locator, expected: INodeProperties[]): Promise<void> {
	assert.deepEqual(await shownLabels(ndv), labelsOf(expected));
	const text = await byTestId(ndv, 'node-parameters').innerText();
	for (const notice of expected.filter((property) => property.type === 'notice')) {
		assert.ok(text.includes(notice.displayName.replace(/<[^>]+>/g, '').slice(0, 60)), `notice not shown: ${notice.displayName}`);
	}
}

/** Flips a boolean that other fields depend on, checks the panel follows, and flips it back. */
async function checkSwitch(page: Page, ndv: Locator, node: INodeTypeDescription, values: Record<string, unknown>, flag: INodeProperties): Promise<void> {
	const toggle = byTestId(ndv, `parameter-input-${flag.name}`).locator('.el-switch, [role="switch"]').first();
	await toggle.click();
	await settle(page);
	try {
		await assertShows(ndv, shownProperties(node, { ...values, [flag.name]: !flag.default }));
	} finally {
		await toggle.click();
		await settle(page);
	}
	await assertShows(ndv, shownProperties(node, values));
}

/**
 * For every resource and operation of the node (from its description in dist/), the panel
 * lists the operations, then shows exactly the fields n8n's display rules give for them.
 */
export async function checkParameterPanel(check: EditorCheck, page: Page, ndv: Locator, node: INodeTypeDescription, hooks: ParameterPanelHooks): Promise<void> {
	const searched = new Set<string>();
	for (const resource of resourceOptions(node)) {
		const operations = operationOptions(node, resource.value);
		const resourceInput = byTestId(ndv, 'parameter-input-resource');
		await check(`${resource.name}: the Operation list shows ${operations.map((operation) => operation.name).join(', ')}`, async () => {
			await pickOption(page, resourceInput, resource.name);
			const listed = await optionNames(page, byTestId(ndv, 'parameter-input-operation'));
			assert.deepEqual(listed.filter((name) => name !== N8N_OPERATION), operations.map((operation) => operation.name));
		});
		for (const operation of operations) {
			const values = { resource: resource.value, operation: operation.value };
			const expected = shownProperties(node, values);
			const selected = await check(`${resource.name} → ${operation.name}: the panel shows ${labelsOf(expected).join(', ')}`, async () => {
				await pickOption(page, byTestId(ndv, 'parameter-input-operation'), operation.name);
				await settle(page);
				await assertShows(ndv, expected);
			});
			if (!selected) continue;
			for (const flag of switchingBooleans(node, expected)) {
				const after = labelsOf(shownProperties(node, { ...values, [flag.name]: !flag.default }));
				await check(`${resource.name} → ${operation.name}: turning "${flag.displayName}" ${flag.default ? 'off' : 'on'} shows ${after.join(', ')}`, async () => {
					await checkSwitch(page, ndv, node, values, flag);
				});
			}
			for (const locator of resourceLocators(expected)) {
				const method = searchMethodOf(locator);
				if (!method || searched.has(method)) continue;
				searched.add(method);
				await hooks.onResourceLocator(locator, ndv);
			}
		}
	}
}
