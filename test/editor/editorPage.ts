import type { Locator, Page } from 'playwright-core';

/** A page load of the editor takes 10–30 s on a busy 2-core machine. */
const PAGE_LOAD_MS = 120_000;

export function byTestId(scope: Page | Locator, id: string): Locator {
	return scope.locator(`[data-test-id="${id}"]`).filter({ visible: true });
}

export async function openWorkflow(page: Page, url: string, workflowId: string): Promise<void> {
	await page.goto(`${url}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: PAGE_LOAD_MS });
	await byTestId(page, 'canvas-node').first().waitFor({ timeout: PAGE_LOAD_MS });
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

export async function openNode(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = byTestId(page, 'ndv');
	await ndv.waitFor();
	return ndv;
}

/** Closes the node panel with its close button (Escape can open "Add option" instead). */
export async function closeNode(page: Page): Promise<void> {
	const close = byTestId(page, 'ndv-close-button');
	if (await close.count()) await close.first().click();
	await page.locator('[data-test-id="ndv"]').filter({ visible: true }).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** Closes the notifications in the corner ("Workflow executed successfully", "Credential saved"). */
export async function closeToasts(page: Page): Promise<void> {
	for (const close of await page.locator('.el-notification__closeBtn').filter({ visible: true }).all()) await close.click().catch(() => undefined);
	await page.waitForTimeout(300);
}

/** The first lines of the visible dropdown entries (their names, without descriptions). */
export async function openDropdownNames(page: Page): Promise<string[]> {
	const items = page.locator('.el-select-dropdown__item').filter({ visible: true });
	await items.first().waitFor();
	return (await items.allInnerTexts()).map((text) => text.split('\n')[0].trim());
}

/** Opens an options parameter and picks the entry with this name. */
export async function pickOption(page: Page, input: Locator, name: string): Promise<void> {
	await input.click();
	await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ has: page.getByText(name, { exact: true }) }).first().click();
	await page.locator('.el-select-dropdown__item').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

export async function optionNames(page: Page, input: Locator): Promise<string[]> {
	await input.click();
	const names = await openDropdownNames(page);
	await page.keyboard.press('Escape');
	return names;
}

/** The labels of the parameters a panel shows, in order, without the Fixed/Expression toggle. */
export async function visibleLabels(scope: Locator): Promise<string[]> {
	const labels = scope.locator('[data-test-id="input-label"]').filter({ visible: true });
	return (await labels.allInnerTexts()).map((text) => text.split('\n')[0].replace(/\s*\*$/, '').trim()).filter(Boolean);
}

export async function settle(page: Page, ms = 400): Promise<void> {
	await page.waitForTimeout(ms);
}

/**
 * Polls `read` until `isDone` holds for its value (lists load, tests run in the background)
 * and returns the last value read, done or not, for the assertion to report.
 */
export async function readUntil<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (isDone(value) || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
