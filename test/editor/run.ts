import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import { checkCredentialDialog, closeCredentialDialog } from './checks/credentialDialog';
import { checkExampleRun } from './checks/exampleRun';
import { addNodeByAction, checkNodesPanel } from './checks/nodesPanel';
import { checkParameterPanel } from './checks/parameterPanel';
import { checkResourceLocator } from './checks/resourceLocator';
import { checkTriggerPanel } from './checks/triggerPanel';
import { EDITOR_API_KEY, editorN8n, editorWorkspace, type EditorInstance } from './editorInstance';
import { byTestId, closeNode, openWorkflow } from './editorPage';
import { EditorReport } from './editorReport';
import { inSignedInEditor, runEditorCommand } from './editorSession';
import { isTrigger, loadPackageNodes, operationsOf } from './packageNodes';
import { workTreeState } from './workTree';

const started = Date.now();
function elapsed(): string {
	return `${Math.round((Date.now() - started) / 1000)} s`;
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
		await addNodeByAction(page, first.action ?? first.name);
	});
	if (!ndvOpened) return;
	const ndv = byTestId(page, 'ndv');
	await checkParameterPanel(check, page, ndv, node, {
		onResourceLocator: async (locator) => await checkResourceLocator(check, page, ndv, locator, instance.sandbox, EDITOR_API_KEY),
	});

	report.section('The credential dialog');
	await checkCredentialDialog(check, page, ndv, instance.sandbox.baseUrl, EDITOR_API_KEY);
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
	const workTreeBefore = workTreeState();
	report.section(`Node 24, n8n ${editorN8n.version} (in .cache/) and Debian's chromium`);
	const instance = await inSignedInEditor(report, editorWorkspace, (line) => report.note(`${line} (${elapsed()})`), async (page, running) => {
		await checkNodeAddedByHand(report, page, running);

		report.section('An example, executed in the editor (a copy of "delete a batch of draft invoices")');
		await openWorkflow(page, running.server.url, running.workflows.batchCopy.id);
		await checkExampleRun(report.check, page, running.workflows);
	});
	report.section('Secrets');
	await report.check("the API key is not in n8n's output", async () => {
		assert.ok(!instance.server.process.output().includes(EDITOR_API_KEY));
	});
	report.section('The work tree');
	if (!workTreeBefore) return report.note('skipped: not a git checkout');
	// README's pictures are taken by `npm run docs:images`, never by this test.
	await report.check('the run left the work tree as it found it: no tracked file rewritten, no file added', async () => {
		assert.deepEqual(workTreeState(), workTreeBefore);
	});
}

/** `npm run test:editor`: what a user sees of the package in n8n's editor, in headless Chromium. */
const report = new EditorReport();
void runEditorCommand(report, 'the editor test could not go on', async () => await editorTest(report), () => [
	`\nWorkspace (n8n user folder, n8n.log): ${editorWorkspace}`,
	`Took ${elapsed()}`,
]);
