import type { Page } from 'playwright-core';

import { ensureChromium } from '../../scripts/localN8n/chromium';
import { stopAllN8n } from '../../scripts/localN8n/n8nProcess';
import { ensureToolchain } from '../../scripts/localN8n/toolchain';
import { openBrowser, signIn, type EditorBrowser } from './browser';
import { editorN8n, startEditorInstance, type EditorInstance } from './editorInstance';
import type { EditorReport } from './editorReport';

/**
 * n8n from .cache/ and Debian's chromium (installed when missing), a fresh editor instance in
 * `workspace`, and a page signed in through n8n's sign-in form. The browser and the instance
 * are stopped once `use` is done, whatever happened; the stopped instance is returned.
 */
export async function inSignedInEditor(
	report: EditorReport,
	workspace: string,
	log: (line: string) => void,
	use: (page: Page, instance: EditorInstance) => Promise<void>,
): Promise<EditorInstance> {
	await ensureToolchain(editorN8n);
	const chromium = await ensureChromium();
	log(chromium.installed ? 'chromium installed with apt' : 'chromium already installed');
	const instance = await startEditorInstance(log, workspace);
	let browser: EditorBrowser | undefined;
	try {
		browser = await openBrowser();
		report.watch(browser.page);
		await signIn(browser.page, instance.server.url, instance.owner.email, instance.owner.password);
		log(`signed in through the sign-in form as ${instance.owner.email}`);
		await use(browser.page, instance);
	} finally {
		await browser?.close();
		await instance.stop();
	}
	return instance;
}

/**
 * Runs a command built on the editor to its end: an error that stops it is reported as a failed
 * check, n8n is stopped (on Ctrl-C too), then `closing` lines and the summary are printed and
 * the exit code set.
 */
export async function runEditorCommand(report: EditorReport, stopped: string, run: () => Promise<void>, closing: () => string[]): Promise<void> {
	process.once('SIGINT', () => void stopAllN8n().then(() => process.exit(130)));
	try {
		await run();
	} catch (error) {
		await report.fail(stopped, error instanceof Error ? error.message : String(error));
	} finally {
		await stopAllN8n();
	}
	for (const line of closing()) console.log(line);
	console.log(report.summary());
	process.exitCode = report.ok ? 0 : 1;
}
