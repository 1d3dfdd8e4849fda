import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { installAsCommunityPackage, packPackage } from '../../scripts/localN8n/communityPackage';
import { readAllExampleWorkflows } from '../../scripts/localN8n/exampleWorkflows';
import { freePorts } from '../../scripts/localN8n/freePort';
import { instanceOwner, type InstanceOwner } from '../../scripts/localN8n/instanceOwner';
import { N8N_VERSIONS, n8nInstall } from '../../scripts/localN8n/n8nVersions';
import { n8nEnv, runN8n } from '../../scripts/localN8n/n8nProcess';
import { startN8nServer, type N8nServer } from '../../scripts/localN8n/n8nServer';
import { cacheDir } from '../../scripts/localN8n/paths';
import { writeSandboxCredentialFile } from '../../scripts/localN8n/sandboxCredential';
import { Sandbox } from '../../sandbox/server';
import { batchDeleteScenario } from '../e2e/scenarios/batchDelete';
import type { WorkflowFile } from '../e2e/workflows';
import { editorWorkflows, type EditorWorkflows } from './editorWorkflows';

/** Distinctive, so a leak into the page or n8n's output is easy to find. */
export const EDITOR_API_KEY = 'sk_editor_5d2e8b7a91c4f036_MUST_NOT_APPEAR';
/** Left in place after a run (n8n user folder, log) to look into failures. */
export const editorWorkspace = join(cacheDir, 'editor');

export interface EditorInstance {
	server: N8nServer;
	sandbox: Sandbox;
	owner: InstanceOwner;
	workflows: EditorWorkflows;
	stop(): Promise<void>;
}

async function importOrThrow(env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
	const result = await runN8n(env, args);
	if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.output.slice(-3000)}`);
}

/** The editor is checked on the newest supported n8n. */
export const editorN8n = n8nInstall(N8N_VERSIONS.latest);

/**
 * A fresh workspace every run: the packed package installed into a new n8n user folder, the
 * sandbox credential and the example workflows imported, a new sandbox seeded as the batch
 * example's end-to-end run seeds it (3 writes a day, so its run ends on both outputs), and
 * `n8n start` with an owner account from the environment.
 */
export async function startEditorInstance(log: (line: string) => void, workspace = editorWorkspace): Promise<EditorInstance> {
	rmSync(workspace, { recursive: true, force: true });
	mkdirSync(workspace, { recursive: true });
	const userFolder = join(workspace, 'n8n-user');
	const packed = await packPackage(workspace);
	await installAsCommunityPackage(packed, userFolder);
	log(`${packed.name}@${packed.version} packed and installed into ${userFolder}/.n8n/nodes`);

	const [sandboxPort, n8nPort, brokerPort] = await freePorts(3);
	const batch = batchDeleteScenario();
	const sandbox = await new Sandbox({ port: sandboxPort, apiKeys: [EDITOR_API_KEY], ...batch.sandboxOptions }).start();
	batch.seed(sandbox);
	const env = n8nEnv({
		install: editorN8n,
		userFolder,
		encryptionKey: 'bookeeping-editor-only',
		port: n8nPort,
		brokerPort,
		extra: { N8N_VERIFIED_PACKAGES_ENABLED: 'false', N8N_DISABLED_MODULES: 'mcp-registry' },
	});
	try {
		const credentialFile = join(workspace, 'credentials.json');
		writeSandboxCredentialFile(credentialFile, EDITOR_API_KEY, sandbox.baseUrl);
		try {
			await importOrThrow(env, ['import:credentials', `--input=${credentialFile}`]);
		} finally {
			rmSync(credentialFile, { force: true });
		}
		const examples = readAllExampleWorkflows<WorkflowFile>();
		// The editor autosaves: the test edits only these copies, never the examples as shipped.
		const workflows = editorWorkflows(examples);
		const workflowFile = join(workspace, 'workflows.json');
		writeFileSync(workflowFile, JSON.stringify([...examples, workflows.scratch, workflows.batchCopy]));
		await importOrThrow(env, ['import:workflow', `--input=${workflowFile}`]);
		log(`sandbox on ${sandbox.baseUrl}; credential, ${examples.length} examples and 2 working copies imported`);

		const owner = instanceOwner(editorN8n, 'editor@bookeeping.local', 'Editor-Passw0rd');
		const server = await startN8nServer({ ...env, ...owner.env });
		log(`n8n listening on ${server.url}`);
		return {
			server,
			sandbox,
			owner,
			workflows,
			stop: async () => {
				await server.stop();
				writeFileSync(join(workspace, 'n8n.log'), server.process.output());
				await sandbox.stop();
			},
		};
	} catch (error) {
		await sandbox.stop();
		throw error;
	}
}
