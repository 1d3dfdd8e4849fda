import assert from 'node:assert/strict';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { ensureChromium } from '../../scripts/localN8n/chromium';
import { stopAllN8n } from '../../scripts/localN8n/n8nProcess';
import { repoRoot } from '../../scripts/localN8n/paths';
import { ensureToolchain } from '../../scripts/localN8n/toolchain';
import { openBrowser, screenshot, signIn, type EditorBrowser } from './browser';
import { checkCredentialDialog, closeCredentialDialog } from './checks/credentialDialog';
import { checkExampleRun } from './checks/exampleRun';
import { checkNodesPanel } from './checks/nodesPanel';
import { checkParameterPanel } from './checks/parameterPanel';
import { checkResourceLocator } from './checks/resourceLocator';
import { checkTriggerPanel } from './checks/triggerPanel';
import { EDITOR_API_KEY, editorN8n, editorWorkspace, startEditorInstance, type EditorInstance } from './editorInstance';
import { byTestId, closeNode, openWorkflow } from './editorPage';
import { EditorReport } from './editorReport';
import { isTrigger, loadPackageNodes, operationsOf } from './packageNodes';

/** The pictures README shows. */
const IMAGES = {
	canvas: join(repoRoot, 'docs', 'images', 'editor-canvas-success-and-error.png'),
	createPanel: join(repoRoot, 'docs', 'images', 'editor-create-invoice-panel.png'),
	credential: join(repoRoot, 'docs', 'images', 'editor-credential-dialog.png'),
	errorOutput: join(repoRoot, 'docs', 'images', 'editor-error-output.png'),
};

const started = Date.now();
function elapsed(): string {
	return `${Math.round((Date.now() - started) / 1000)} s`;
}

async function closeToasts(page: Page): Promise<void> {
	for (const close of await page.locator('.el-notification__closeBtn').filter({ visible: true }).all()) await close.click().catch(() => undefined);
	await page.waitForTimeout(300);
}

async function checkNodeAddedByHand(report: EditorReport, page: Page, instance: EditorInstance): Promise<void> {
	const nodes = loadPackageNodes();
	const node = nodes.find((description) => !isTrigger(description));
	assert.ok(node, 'the package has no action node');
	const { check } = report;

	report.section(`The nodes panel (a workflow with only a Manual Trigger)`);
	await openWorkflow(page, instance.server.url, instance.workflows.scratch.id);
	if (!(await checkNodesPanel(check, page, node))) return;

	report.section('The parameter panel, for every resource and operation in dist/');
	const first = operationsOf(node)[0].operation;
	const ndvOpened = await check(`choosing "${first.action}" adds the node and opens its panel with the sandbox credential`, async () => {
		await byTestId(page, 'node-creator-item-name').filter({ hasText: new RegExp(`^${first.action}$`) }).first().click();
		await byTestId(byTestId(page, 'ndv'), 'node-credentials-select').waitFor();
	});
	if (!ndvOpened) return;
	const ndv = byTestId(page, 'ndv');
	await checkParameterPanel(check, page, ndv, node, {
		onCreatePanel: async () => await screenshot(page, IMAGES.createPanel),
		onResourceLocator: async (locator) => await checkResourceLocator(check, page, ndv, locator, instance.sandbox, EDITOR_API_KEY),
	});

	report.section('The credential dialog');
	if (await checkCredentialDialog(check, page, ndv, instance.sandbox.baseUrl, EDITOR_API_KEY)) await screenshot(page, IMAGES.credential);
	await closeCredentialDialog(page);
	await closeNode(page);

	report.section('The Bookeeping Trigger');
	const trigger = nodes.find(isTrigger);
	if (trigger) {
		await checkTriggerPanel(check, page, trigger);
		await closeNode(page);
	} else {
		report.note('skipped: the package has no trigger node (package.json "n8n.nodes" lists none)');
	}
}

async function editorTest(report: EditorReport): Promise<void> {
	report.section(`Node 24, n8n ${editorN8n.version} (in .cache/) and Debian's chromium`);
	await ensureToolchain(editorN8n);
	const chromium = await ensureChromium();
	report.note(`${chromium.installed ? 'chromium installed with apt' : 'chromium already installed'} (${elapsed()})`);

	const instance = await startEditorInstance((line) => report.note(`${line} (${elapsed()})`));
	let browser: EditorBrowser | undefined;
	try {
		browser = await openBrowser();
		const { page } = browser;
		report.watch(page);
		await signIn(page, instance.server.url, instance.owner.email, instance.owner.password);
		report.note(`signed in through the sign-in form as ${instance.owner.email} (${elapsed()})`);

		await checkNodeAddedByHand(report, page, instance);

		report.section('An example, executed in the editor (a copy of "delete a batch of draft invoices")');
		await openWorkflow(page, instance.server.url, instance.workflows.batchCopy.id);
		await checkExampleRun(report.check, page, instance.workflows, {
			canvas: async () => {
				await closeToasts(page);
				await screenshot(page, IMAGES.canvas);
			},
			errorOutput: async () => await screenshot(page, IMAGES.errorOutput),
		});
	} finally {
		await browser?.close();
		await instance.stop();
	}
	report.section('Secrets');
	await report.check("the API key is not in n8n's output", async () => {
		assert.ok(!instance.server.process.output().includes(EDITOR_API_KEY));
	});
}

/** `npm run test:editor`: what a user sees of the package in n8n's editor, in headless Chromium. */
async function main(): Promise<void> {
	const report = new EditorReport();
	process.once('SIGINT', () => void stopAllN8n().then(() => process.exit(130)));
	try {
		await editorTest(report);
	} catch (error) {
		await report.fail('the editor test could not go on', error instanceof Error ? error.message : String(error));
	} finally {
		await stopAllN8n();
	}
	console.log(`\nWorkspace (n8n user folder, n8n.log): ${editorWorkspace}`);
	console.log(`Pictures: ${join(repoRoot, 'docs', 'images')}`);
	console.log(`Took ${elapsed()}`);
	console.log(report.summary());
	process.exitCode = report.ok ? 0 : 1;
}

void main();
