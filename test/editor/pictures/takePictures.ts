import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLE_FILES } from '../../../scripts/localN8n/exampleWorkflows';
import { cacheDir } from '../../../scripts/localN8n/paths';
import { loadExample } from '../../e2e/workflows';
import { screenshot } from '../browser';
import { closeCredentialDialog } from '../checks/credentialDialog';
import { EDITOR_API_KEY } from '../editorInstance';
import { byTestId, closeNode } from '../editorPage';
import { EditorReport } from '../editorReport';
import { inSignedInEditor, runEditorCommand } from '../editorSession';
import { showActionPanel, showBatchRun, showErrorOutput, showTestedCredential } from './pictureScenes';
import { actionNode, picturesDir, picturesInReadme, readmePictures, type PictureFacts, type ReadmePicture } from './readmePictures';
import { withDescription } from './pngDescription';

/** Its own n8n user folder and log, apart from the editor test's. */
const workspace = join(cacheDir, 'editor-pictures');

/**
 * `npm run docs:images`: takes each picture README shows, in n8n's editor in headless Chromium.
 * Before saving one, it checks that the page shows what the caption says; the PNG records what
 * was checked, for the unit test that compares each picture with its caption.
 */
async function takePictures(report: EditorReport): Promise<void> {
	const pictures = readmePictures();
	const readme = picturesInReadme();
	await inSignedInEditor(report, workspace, (line) => report.note(line), async (page, instance) => {
		const take = async (picture: ReadmePicture, show: () => Promise<PictureFacts>): Promise<boolean> => {
			const taken = await report.check(`${picture.file} shows ${JSON.stringify(picture.shows)}`, async () => {
				const shows = await show();
				assert.deepEqual(shows, picture.shows, 'the page does not show what the caption says');
				writeFileSync(join(picturesDir, picture.file), withDescription(await screenshot(page), JSON.stringify(shows)));
			});
			await report.check(`README's caption: "${picture.caption}"`, async () => {
				const caption = readme.find((shown) => shown.file === picture.file)?.caption;
				assert.equal(caption, picture.caption, `README.md should show docs/images/${picture.file} as ![${picture.caption}](docs/images/${picture.file})`);
			});
			return taken;
		};

		const { batchNode, scratch } = instance.workflows;
		report.section('Pictures');
		const panelShown = await take(pictures.createPanel, async () => await showActionPanel(page, instance.server.url, scratch.id, actionNode(), pictures.createPanel.shows.panel));
		if (panelShown) {
			await take(pictures.credential, async () => await showTestedCredential(page, byTestId(page, 'ndv'), instance.sandbox.baseUrl, EDITOR_API_KEY));
			await closeCredentialDialog(page);
			await closeNode(page);
		} else {
			report.note(`${pictures.credential.file} not taken: its dialog opens from the Create panel`);
		}
		const batch = { serverUrl: instance.server.url, workflowId: loadExample(EXAMPLE_FILES.batchDelete).id, node: batchNode.name, successTarget: batchNode.successTarget, errorTarget: batchNode.errorTarget };
		if (await take(pictures.canvas, async () => await showBatchRun(page, batch))) {
			await take(pictures.errorOutput, async () => await showErrorOutput(page, batchNode.name, instance.sandbox));
		} else {
			report.note(`${pictures.errorOutput.file} not taken: it shows the run's output`);
		}
	});
}

const report = new EditorReport('pictures', join(workspace, 'failures'));
void runEditorCommand(report, 'the pictures could not be taken', async () => await takePictures(report), () => [
	`\nPictures: ${picturesDir} (n8n's log: ${join(workspace, 'n8n.log')})`,
]);
