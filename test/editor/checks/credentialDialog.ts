import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import { repoRoot } from '../../../scripts/localN8n/paths';
import { byTestId, openDropdownNames, pickOption, readUntil, settle } from '../editorPage';
import type { EditorCheck } from './editorCheck';

/** n8n adds this field to every credential that authenticates requests. */
const N8N_CREDENTIAL_FIELDS = ['Allowed HTTP Request Domains'];

export function loadCredentialType(): ICredentialType {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
	const exported = require(join(repoRoot, manifest.n8n.credentials[0])) as Record<string, new () => ICredentialType>;
	return new (Object.values(exported)[0])();
}

function dialog(page: Page): Locator {
	return byTestId(page, 'credential-edit-dialog');
}

function regionOptions(credential: ICredentialType): Array<{ name: string; value: string }> {
	const region = credential.properties.find((property) => property.name === 'region') as INodeProperties;
	return (region.options as INodePropertyOptions[]).map((option) => ({ name: option.name, value: String(option.value) }));
}

async function fieldLabels(page: Page): Promise<string[]> {
	const fields = await byTestId(dialog(page), 'credential-connection-parameter').allInnerTexts();
	return fields.map((text) => text.split('\n')[0].replace(/\s*\*$/, '').trim()).filter((label) => !N8N_CREDENTIAL_FIELDS.includes(label));
}

function expectedLabels(credential: ICredentialType, values: Record<string, unknown>): string[] {
	// A notice is shown in the dialog's list of fields, its text in place of a label.
	const shown = credential.properties.filter((property) => NodeHelpers.displayParameter(values as never, property, null, null));
	return shown.map((property) => property.displayName);
}

function unauthorizedMessage(credential: ICredentialType): string {
	const rule = credential.test?.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === 401);
	return rule?.type === 'responseCode' ? rule.properties.message : '';
}

async function testResult(page: Page): Promise<'success' | 'error'> {
	const result = byTestId(dialog(page), 'node-credentials-config-container').getByText(/Connection tested successfully|Couldn.t connect with these settings/);
	await result.first().waitFor({ timeout: 30_000 });
	return /successfully/.test(await result.first().innerText()) ? 'success' : 'error';
}

/** "Create new credential" in the node panel's Credential list. */
export async function openNewCredential(page: Page, ndv: Locator): Promise<void> {
	await byTestId(ndv, 'node-credentials-select').click();
	await byTestId(page, 'node-credentials-select-item-new').click();
	await dialog(page).waitFor();
	// Until the Credential list has closed, its entries are the visible dropdown items.
	await byTestId(page, 'node-credentials-select-item-new').waitFor({ state: 'hidden', timeout: 5_000 });
}

/** Region "Custom Base URL" with this Base URL. */
export async function fillCustomBaseUrl(page: Page, credential: ICredentialType, baseUrl: string): Promise<void> {
	const custom = regionOptions(credential).find((option) => option.value === 'custom');
	if (custom) await pickOption(page, byTestId(dialog(page), 'parameter-input-region'), custom.name);
	await byTestId(dialog(page), 'parameter-input-baseUrl').locator('input').fill(baseUrl);
}

export async function fillApiKey(page: Page, apiKey: string): Promise<void> {
	await byTestId(dialog(page), 'parameter-input-apiKey').locator('input').fill(apiKey);
}

async function save(page: Page): Promise<void> {
	await byTestId(page, 'credential-save-button').click();
	await settle(page, 1_500);
}

/**
 * Saves a credential whose test should pass. n8n tests it after saving, and a passing test
 * closes the dialog; reopened from the node panel, it shows the result.
 */
export async function saveAndTest(page: Page, ndv: Locator): Promise<'success' | 'error'> {
	await save(page);
	const closed = await readUntil(async () => (await dialog(page).count()) === 0, (isClosed) => isClosed);
	if (closed) {
		await byTestId(ndv, 'credential-edit-button').click();
		await dialog(page).waitFor();
	}
	return await testResult(page);
}

/**
 * A new credential from the node panel: the regions listed, Base URL only for Custom, where to
 * get a key readable without hovering, and Test red for a wrong key, green for the sandbox's.
 * Leaves the dialog open on the saved, tested credential.
 */
export async function checkCredentialDialog(check: EditorCheck, page: Page, ndv: Locator, sandboxBaseUrl: string, apiKey: string): Promise<boolean> {
	const credential = loadCredentialType();
	const regions = regionOptions(credential);

	const opened = await check(`"Create new credential" opens the ${credential.displayName} dialog, Region listing ${regions.map((option) => option.name).join(', ')}`, async () => {
		await openNewCredential(page, ndv);
		await byTestId(dialog(page), 'parameter-input-region').click();
		assert.deepEqual(await openDropdownNames(page), regions.map((option) => option.name));
		await page.keyboard.press('Escape');
	});
	if (!opened) return false;
	for (const option of regions) {
		const expected = expectedLabels(credential, { region: option.value });
		await check(`Region "${option.name}" shows ${expected.join(', ')}`, async () => {
			await pickOption(page, byTestId(dialog(page), 'parameter-input-region'), option.name);
			await settle(page);
			assert.deepEqual(await fieldLabels(page), expected);
		});
	}
	const apiKeyField = credential.properties.find((property) => property.name === 'apiKey');
	await check('where to get an API key is readable in the dialog without hovering', async () => {
		const where = (apiKeyField?.description ?? '').split(' under ')[1] ?? 'Settings';
		const text = await dialog(page).innerText();
		assert.ok(text.includes(where), `"${where}" is only in the API Key tooltip`);
	});
	await fillCustomBaseUrl(page, credential, sandboxBaseUrl);
	await check('Test turns red for a wrong key, with the credential\'s message under "More details"', async () => {
		await fillApiKey(page, 'sk_wrong_key_for_the_editor_test');
		await save(page);
		assert.equal(await testResult(page), 'error');
		await dialog(page).getByText('More details').click();
		await settle(page);
		assert.ok((await dialog(page).innerText()).includes(unauthorizedMessage(credential)), 'the 401 message is not shown');
	});
	return await check('Test turns green for the sandbox key ("Connection tested successfully")', async () => {
		await fillApiKey(page, apiKey);
		assert.equal(await saveAndTest(page, ndv), 'success');
	});
}

/** Escape closes an open dropdown first, then the dialog. */
export async function closeCredentialDialog(page: Page): Promise<void> {
	for (let presses = 0; presses < 3 && (await dialog(page).count()) > 0; presses++) {
		await page.keyboard.press('Escape');
		await dialog(page).waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
	}
}
