import assert from 'node:assert/strict';

import { signInAsOwner, type InstanceOwner } from '../../scripts/localN8n/instanceOwner';
import type { N8nInstall } from '../../scripts/localN8n/n8nVersions';
import { startN8nServer } from '../../scripts/localN8n/n8nServer';
import { N8nRestClient } from '../../scripts/localN8n/n8nRestClient';
import { SANDBOX_CREDENTIAL } from '../../scripts/localN8n/sandboxCredential';
import type { Sandbox } from '../../sandbox/server';
import type { Report } from './report';
import { checkWebhookExample } from './webhookExample';
import { BOOKEEPING_NODE_TYPE, BOOKEEPING_TOOL_NODE_TYPE as TOOL_NODE_TYPE } from './workflows';

interface TypeDescription {
	name: string;
	outputs?: unknown;
	usableAsTool?: boolean;
	credentials?: Array<{ name: string }>;
	properties?: Array<{ name: string; typeOptions?: { password?: boolean } }>;
}

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

interface CredentialTestResult {
	status: string;
	message: string;
}

/** n8n's own log lines about loading the package, to explain why a type is missing. */
function loadingLog(output: string): string {
	const lines = output.split('\n').filter((line) => /bookeeping|failed to load|Skipping package/i.test(line));
	return lines.length ? `n8n said:\n${lines.slice(0, 15).join('\n')}` : 'n8n logged nothing about the package.';
}

export interface ServerCheckResult {
	/** Whether n8n loaded the node, so running workflows makes sense. */
	nodeLoaded: boolean;
	/** Everything the server printed, for the leak check. */
	output: string;
}

/**
 * Starts `n8n start` with the installed package and checks what the editor gets: the node, its
 * AI-tool variant and the credential type (/types/*.json), the credential's Test button
 * (n8n's credential tester against the sandbox), and the webhook example, published.
 */
export async function checkN8nServer(report: Report, install: N8nInstall, env: NodeJS.ProcessEnv, owner: InstanceOwner, sandbox: Sandbox, apiKey: string): Promise<ServerCheckResult> {
	const server = await startN8nServer({ ...env, ...owner.env });
	let nodeLoaded = false;
	try {
		const client = new N8nRestClient(server.url);
		await signInAsOwner(client, owner);
		const nodes = await client.get<TypeDescription[]>('/types/nodes.json');
		const credentialTypes = await client.get<TypeDescription[]>('/types/credentials.json');

		nodeLoaded = report.check(`n8n ${install.version} lists the node ${BOOKEEPING_NODE_TYPE}, with credential bookeepingApi and usableAsTool`, () => {
			const node = nodes.find((type) => type.name === BOOKEEPING_NODE_TYPE);
			assert.ok(node, `${BOOKEEPING_NODE_TYPE} is not among n8n's ${nodes.length} node types: the package did not load. Check package.json's "n8n" section and dist/. ${loadingLog(server.process.output())}`);
			assert.deepEqual(node.credentials?.map((credential) => credential.name), ['bookeepingApi']);
			assert.equal(node.usableAsTool, true);
		});
		report.check(`n8n lists the AI-tool variant ${TOOL_NODE_TYPE} (output ai_tool)`, () => {
			const tool = nodes.find((type) => type.name === TOOL_NODE_TYPE);
			assert.ok(tool, `${TOOL_NODE_TYPE} is not listed`);
			assert.deepEqual(tool.outputs, ['ai_tool']);
		});
		const credentialTypeLoaded = report.check('n8n lists the credential type bookeepingApi, its API Key a password field', () => {
			const credential = credentialTypes.find((type) => type.name === 'bookeepingApi');
			assert.ok(credential, "bookeepingApi is not among n8n's credential types");
			assert.equal(credential.properties?.find((property) => property.name === 'apiKey')?.typeOptions?.password, true);
		});

		const credentialPath = `/rest/credentials/${SANDBOX_CREDENTIAL.id}?includeData=true`;
		const stored = (await client.get<{ data: StoredCredential }>(credentialPath)).data;
		report.check('the imported credential, as the editor reads it, does not reveal the API key', () => {
			assert.equal(stored.type, 'bookeepingApi');
			const why = credentialTypeLoaded ? '' : " (n8n redacts only the fields a credential type marks as passwords, and it does not know bookeepingApi)";
			assert.ok(!JSON.stringify(stored).includes(apiKey), `the API key is in GET /rest/credentials/:id${why}`);
		});
		// Exactly what the credential's Test button sends: the stored data, the key still redacted.
		const test = async (data: Record<string, unknown>) =>
			(await client.post<{ data: CredentialTestResult }>('/rest/credentials/test', { credentials: { ...stored, data } })).data;
		await report.checkAsync('credential Test in n8n passes with the stored key (GET /v1/invoices on the sandbox)', async () => {
			const result = await test(stored.data);
			assert.equal(result.status, 'OK', result.message);
		});
		await report.checkAsync('credential Test in n8n passes with the key pasted with spaces and a line break around it', async () => {
			const result = await test({ ...stored.data, apiKey: `  ${apiKey}\n` });
			assert.equal(result.status, 'OK', result.message);
		});
		await report.checkAsync("credential Test in n8n fails with a wrong key, with the package's message (not n8n's generic one)", async () => {
			const result = await test({ ...stored.data, apiKey: 'sk_wrong_key' });
			assert.equal(result.status, 'Error');
			assert.match(result.message, /^The API key was refused\. Check the key, and that Region is your account's region/);
		});
		await report.checkAsync('credential Test in n8n fails for a Base URL that is not the API, saying so', async () => {
			const result = await test({ ...stored.data, baseUrl: `${sandbox.url}/not-the-api` });
			assert.equal(result.status, 'Error');
			assert.match(result.message, /did not answer with the invoice list/);
		});
		if (nodeLoaded) await checkWebhookExample(report, client, sandbox);
	} finally {
		await server.stop();
	}
	return { nodeLoaded, output: server.process.output() };
}
