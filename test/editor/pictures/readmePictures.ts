import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { EXAMPLE_FILES } from '../../../scripts/localN8n/exampleWorkflows';
import { repoRoot } from '../../../scripts/localN8n/paths';
import { BATCH_IDS } from '../../e2e/scenarios/batchDelete';
import { BOOKEEPING_NODE_TYPE, loadExample, nodeOfType } from '../../e2e/workflows';
import { loadCredentialType } from '../checks/credentialDialog';
import { isTrigger, loadPackageNodes, operationsOf, shownProperties } from '../packageNodes';

/** The one command that takes every picture README shows. */
export const PICTURES_COMMAND = 'npm run docs:images';
export const picturesDir = join(repoRoot, 'docs', 'images');

/** What a picture shows, as the picture script reads it off the page; recorded in the PNG. */
export type PictureFacts = Record<string, string>;

export interface ReadmePicture {
	/** File name in docs/images/. */
	file: string;
	/** Its caption in README (the image's alt text). */
	caption: string;
	/** What the page must show before the picture is saved. */
	shows: PictureFacts;
}

export interface ReadmePictures {
	createPanel: ReadmePicture;
	credential: ReadmePicture;
	canvas: ReadmePicture;
	errorOutput: ReadmePicture;
}

/** The invoice Create operation, whose panel README shows. */
export const CREATE_PANEL = { resource: 'invoice', operation: 'create' };

/**
 * The batch example executed on the sandbox the editor instance seeds (batchDeleteScenario):
 * two drafts deleted; Globex's sent invoice (409), Umbrella's malformed id and the quota (429)
 * on the Error output, in that order.
 */
const BATCH_RUN = { success: 2, error: 3, conflict: { customer: 'Globex', statusCode: 409 }, malformed: { customer: 'Umbrella', invoiceId: BATCH_IDS.umbrella } };

/** The pictures README.md shows from docs/images/, with their captions, in order. */
export function picturesInReadme(readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')): Array<{ file: string; caption: string }> {
	return [...readme.matchAll(/!\[([^\]]*)\]\(docs\/images\/([^)\s]+)\)/g)].map(([, caption, file]) => ({ file, caption }));
}

export function actionNode(): INodeTypeDescription {
	const node = loadPackageNodes().find((description) => !isTrigger(description));
	if (!node) throw new Error('the package has no action node');
	return node;
}

function listOf(names: string[]): string {
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

function defaultModeName(field: INodeProperties): string | undefined {
	const mode = (field.default as { mode?: string } | undefined)?.mode;
	return field.modes?.find((candidate) => candidate.name === mode)?.displayName;
}

/** A field as the panel shows it: its label, and a resource locator's mode. */
export function fieldAsShown(label: string, mode?: string): string {
	// The editor shows a mode's name in its own words ("From list" for "From List").
	return mode ? `${label} (${mode.toLowerCase()})` : label;
}

/** The fields the panel shows below Resource and Operation, by n8n's display rules. */
export function createPanelFields(node: INodeTypeDescription): INodeProperties[] {
	return shownProperties(node, CREATE_PANEL).filter((property) => property.type !== 'notice' && !Object.keys(CREATE_PANEL).includes(property.name));
}

function createPanel(node: INodeTypeDescription): ReadmePicture {
	const found = operationsOf(node).find(({ resource, operation }) => resource.value === CREATE_PANEL.resource && operation.value === CREATE_PANEL.operation);
	if (!found) throw new Error(`the node has no ${CREATE_PANEL.resource} ${CREATE_PANEL.operation} operation`);
	const fields = createPanelFields(node);
	const action = found.operation.action ?? found.operation.name;
	const worded = fields.map((field) => (field.type === 'resourceLocator' && defaultModeName(field) === 'From List' ? `${field.displayName} from a list` : field.displayName));
	return {
		file: 'editor-create-invoice-panel.png',
		caption: `The ${action} panel: ${listOf(worded)}`,
		shows: {
			panel: action,
			resource: found.resource.name,
			operation: found.operation.name,
			fields: fields.map((field) => fieldAsShown(field.displayName, defaultModeName(field))).join(', '),
		},
	};
}

export function readmePictures(): ReadmePictures {
	const credential = loadCredentialType();
	const batch = loadExample(EXAMPLE_FILES.batchDelete);
	const batchNode = nodeOfType(batch, BOOKEEPING_NODE_TYPE).name;
	return {
		createPanel: createPanel(actionNode()),
		credential: {
			file: 'editor-credential-dialog.png',
			caption: `The ${credential.displayName} credential with a tested connection`,
			shows: { dialog: credential.displayName, test: 'Connection tested successfully' },
		},
		canvas: {
			file: 'editor-canvas-success-and-error.png',
			caption: `The batch example after a run: ${BATCH_RUN.success} items on Success, ${BATCH_RUN.error} on Error`,
			shows: { workflow: batch.name, [`${batchNode} → Success`]: `${BATCH_RUN.success} items`, [`${batchNode} → Error`]: `${BATCH_RUN.error} items` },
		},
		errorOutput: {
			file: 'editor-error-output.png',
			caption: 'The Error output: a 409 for an invoice that is not a draft, and an id refused before any request',
			shows: {
				panel: batchNode,
				output: `Error Branch (${BATCH_RUN.error} items)`,
				'first item': `${BATCH_RUN.conflict.customer}: error.statusCode ${BATCH_RUN.conflict.statusCode}, not a draft`,
				'second item': `${BATCH_RUN.malformed.customer}: ${BATCH_RUN.malformed.invoiceId} refused, no error.statusCode, no request sent`,
			},
		},
	};
}
