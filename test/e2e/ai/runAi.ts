import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { signInAsOwner, type InstanceOwner } from '../../../scripts/localN8n/instanceOwner';
import type { CommandResult } from '../../../scripts/localN8n/n8nProcess';
import { N8nRestClient } from '../../../scripts/localN8n/n8nRestClient';
import { startN8nServer } from '../../../scripts/localN8n/n8nServer';
import { addInvoiceBook } from '../../../sandbox/invoiceBook';
import { Sandbox } from '../../../sandbox/server';
import type { Report } from '../report';
import { loadExample, nodeOfType, type WorkflowFile } from '../workflows';
import { aiTable, type ToolCallRow } from './aiReport';
import { ASSISTANT_EXAMPLE, CHAT_TRIGGER_TYPE, MCP_EXAMPLE, assistantCopy, toolNodes, writeAiCredentialFile, type AssistantCopy, type KeyedCredential } from './aiWorkflows';
import { ASSISTANT_CASES, DRAFT_TO_PAY, LISTED_INVOICES, TOOL, type AiSandboxes, type AssistantCase, type AssistantCopyName, type CaseRun } from './assistantCases';
import { runMcpScenario } from './mcpScenario';
import { assertToolsAsDeclared } from './offeredTools';
import { ScriptedChatModel } from './scriptedChatModel';
import { errorTextIn } from './toolResults';

export interface AiSetup {
	report: Report;
	env: NodeJS.ProcessEnv;
	owner: InstanceOwner;
	/** Runs an n8n CLI command (its output is kept for the leak check). */
	n8n: (args: string[]) => Promise<CommandResult>;
	workspace: string;
	outputs: string[];
	/** The port the "Bookeeping sandbox" credential points at, and its key. */
	sandboxPort: number;
	apiKey: string;
	n8nMajor: number;
}

/** Keys of their own for the cases that use up a limit: the node's budget is per key and base URL, for the whole n8n process. */
const LIMIT_KEYS: AiSandboxes['keys'] = {
	minute: 'sk_e2e_minute_4d2a_MUST_NOT_APPEAR',
	day: 'sk_e2e_day_9b71_MUST_NOT_APPEAR',
	shortWindow: 'sk_e2e_short_61c8_MUST_NOT_APPEAR',
};
const MCP_TOKEN = 'mcp-e2e-token-5f3c';

type KeyedCase = keyof AiSandboxes['keys'];

function keyedCredentials(sandboxes: AiSandboxes): Record<KeyedCase, KeyedCredential> {
	const credential = (id: string, name: string, key: KeyedCase, sandbox: Sandbox) => ({ id, name, apiKey: sandboxes.keys[key], baseUrl: sandbox.baseUrl });
	return {
		minute: credential('BkE2eMinuteCred1', 'Bookeeping sandbox (write window full)', 'minute', sandboxes.limits),
		day: credential('BkE2eDayCred0001', "Bookeeping sandbox (day's writes used up)", 'day', sandboxes.limits),
		shortWindow: credential('BkE2eShortWindow', 'Bookeeping sandbox (4 s write window)', 'shortWindow', sandboxes.shortWindow),
	};
}

function withToolsContinuing(copy: AssistantCopy): AssistantCopy {
	copy.workflow.name += ', tools On Error = Continue (regular output)';
	for (const tool of toolNodes(copy.workflow)) tool.onError = 'continueRegularOutput';
	return copy;
}

function withStreamingChat(copy: AssistantCopy): AssistantCopy {
	copy.workflow.name += ', chat response mode Streaming';
	const trigger = nodeOfType(copy.workflow, CHAT_TRIGGER_TYPE);
	trigger.parameters = { ...trigger.parameters, options: { ...(trigger.parameters.options as object), responseMode: 'streaming' } };
	return copy;
}

/**
 * The copies the cases talk to. On n8n 1.x a tool whose On Error is left alone stops the whole
 * run at its first failure (2.x lets a tool continue by default), so there every copy's tools
 * are set to Continue (regular output), the setting that lets a 1.x agent read a failure.
 */
function assistantCopies(keyed: Record<KeyedCase, KeyedCredential>, n8nMajor: number): Record<AssistantCopyName, AssistantCopy> {
	const copies = {
		main: assistantCopy('E2eAiAgentMain', 'e2e-assistant-main'),
		minuteLimit: assistantCopy('E2eAiAgentMinute', 'e2e-assistant-minute', keyed.minute),
		minuteWait: assistantCopy('E2eAiAgentWait', 'e2e-assistant-wait', keyed.shortWindow),
		dayUsedUp: assistantCopy('E2eAiAgentDay', 'e2e-assistant-day', keyed.day),
		continueRegular: withToolsContinuing(assistantCopy('E2eAiAgentCont', 'e2e-assistant-continue')),
		streaming: withStreamingChat(assistantCopy('E2eAiAgentStream', 'e2e-assistant-stream')),
		asShipped: assistantCopy('E2eAiAgentShipped', 'e2e-assistant-shipped'),
	};
	if (n8nMajor < 2) for (const copy of [copies.main, copies.minuteLimit, copies.minuteWait, copies.dayUsedUp, copies.streaming]) withToolsContinuing(copy);
	return copies;
}

/** 2.x publishes the stored version; 1.x activates the workflow. Both through the editor's REST API. */
async function activate(client: N8nRestClient, id: string): Promise<void> {
	const stored = await client.get<{ data: { versionId: string } }>(`/rest/workflows/${id}`);
	await client.post(`/rest/workflows/${id}/activate`, { versionId: stored.data.versionId });
}

/** Posts one chat message to a public Chat Trigger, as the embedded chat widget does; a 404 while n8n registers the webhook is retried. */
async function sendChatMessage(n8nUrl: string, chatPath: string, sessionId: string, chatInput: string): Promise<{ status: number; text: string }> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const response = await fetch(`${n8nUrl}/webhook/${chatPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'sendMessage', sessionId, chatInput }),
		});
		const text = await response.text();
		if (response.status !== 404 || Date.now() > deadline) return { status: response.status, text };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function importAll(setup: AiSetup, model: ScriptedChatModel, keyed: Record<KeyedCase, KeyedCredential>, copies: AssistantCopy[]): Promise<void> {
	const credentialFile = join(setup.workspace, 'ai-credentials.json');
	writeAiCredentialFile(credentialFile, model.baseUrl, MCP_TOKEN, Object.values(keyed));
	const credentials = await setup.n8n(['import:credentials', `--input=${credentialFile}`]);
	rmSync(credentialFile);
	const workflowFile = join(setup.workspace, 'ai-workflows.json');
	writeFileSync(workflowFile, JSON.stringify(copies.map((copy) => copy.workflow), null, 2));
	const workflows = await setup.n8n(['import:workflow', `--input=${workflowFile}`]);
	setup.report.check(`import:credentials (OpenAI → the scripted model, the MCP token, ${Object.keys(keyed).length} keyed Bookeeping credentials) and ${copies.length} copies of the assistant with a public chat`, () => {
		assert.equal(credentials.code, 0, credentials.output.slice(-2000));
		assert.match(credentials.output, new RegExp(`Successfully imported ${2 + Object.keys(keyed).length} credentials`));
		assert.equal(workflows.code, 0, workflows.output.slice(-2000));
		assert.match(workflows.output, new RegExp(`Successfully imported ${copies.length} workflows`));
	});
}

async function runCase(
	setup: AiSetup,
	n8nUrl: string,
	model: ScriptedChatModel,
	sandboxes: AiSandboxes,
	copy: AssistantCopy,
	testCase: AssistantCase,
	replies: Array<{ label: string; reply: CaseRun['reply'] }>,
): Promise<ToolCallRow[]> {
	const { report } = setup;
	report.section(`AI Agent: ${testCase.title}`);
	testCase.prepare?.(sandboxes);
	model.script(testCase.message, testCase.script);
	const sandbox = sandboxes[testCase.sandbox];
	const before = sandbox.requests.length;
	const reply = await sendChatMessage(n8nUrl, copy.chatPath, `e2e-${testCase.label}`, testCase.message);
	replies.push({ label: testCase.label, reply });
	const results = model.resultsFor(testCase.message);
	const run = { reply, results, modelRequests: model.requestsFor(testCase.message), requests: sandbox.requests.slice(before) };
	const ran = testCase.runFails
		? report.check('the run fails at the tool: the chat gets HTTP 500, the model no tool result', () => {
				assert.equal(reply.status, 500, reply.text.slice(0, 1000));
				assert.equal(results.length, 0, results.map((result) => result.content).join('\n'));
			})
		: report.check(`the chat message runs the agent: HTTP 200, ${results.length} tool result(s) reached the model`, () => {
				assert.equal(reply.status, 200, reply.text.slice(0, 1000));
				assert.ok(results.length > 0, `no tool result reached the model; model problems: ${model.problems.join('; ') || 'none'}`);
				assert.doesNotMatch(reply.text, /SCRIPT STOPPED/, reply.text);
			});
	for (const [name, assertion] of testCase.checks(run, sandboxes)) report.check(`  ${name}`, assertion);
	if (!ran) report.note(`n8n answered: ${reply.text.slice(0, 500)}`);
	return results.map((result) => ({ path: 'agent', label: testCase.label, tool: result.name, content: result.content, durationMs: result.durationMs }));
}

/**
 * The two AI examples in a real n8n: the assistant (Chat Trigger → AI Agent with the OpenAI Chat
 * Model pointed at a scripted OpenAI-compatible server → six Bookeeping tools) through each case,
 * and the MCP server through the official MCP SDK client. Prints the table of what the model got.
 */
export async function runAiScenarios(setup: AiSetup): Promise<void> {
	const { report } = setup;
	const started = Date.now();
	report.section('AI: the assistant and MCP examples, with a scripted OpenAI-compatible model on loopback');
	const model = await new ScriptedChatModel().start();
	const main = await new Sandbox({ port: setup.sandboxPort, apiKeys: [setup.apiKey] }).start();
	const limits = await new Sandbox({
		apiKeys: Object.values(LIMIT_KEYS),
		writeLimits: { perWindow: 1, perDay: 1500 },
		windowMs: 90_000,
		windowMode: 'firstRequest',
	}).start();
	const shortWindow = await new Sandbox({ apiKeys: [LIMIT_KEYS.shortWindow], writeLimits: { perWindow: 1, perDay: 1500 }, windowMs: 4_000, windowMode: 'firstRequest' }).start();
	const sandboxes: AiSandboxes = { main, limits, shortWindow, keys: LIMIT_KEYS };
	const rows: ToolCallRow[] = [];
	const replies: Array<{ label: string; reply: { status: number; text: string } }> = [];
	let agentConflictText: string | undefined;
	try {
		addInvoiceBook(main.store, LISTED_INVOICES);
		const keyed = keyedCredentials(sandboxes);
		const copies = assistantCopies(keyed, setup.n8nMajor);
		if (setup.n8nMajor < 2) report.note('n8n 1.x stops the run at a failing tool unless its On Error is a Continue mode: the copies set Continue (regular output) on every tool');
		await importAll(setup, model, keyed, Object.values(copies));

		const server = await startN8nServer({ ...setup.env, ...setup.owner.env });
		try {
			const client = new N8nRestClient(server.url);
			await signInAsOwner(client, setup.owner);
			const mcpExample = loadExample(MCP_EXAMPLE);
			const active = await report.checkAsync('the MCP example as shipped and the assistant copies are published', async () => {
				for (const id of [mcpExample.id, ...Object.values(copies).map((copy) => copy.workflow.id)]) await activate(client, id);
			});
			if (!active) return;
			const cases = ASSISTANT_CASES.filter((testCase) => (testCase.onlyOnMajor ?? setup.n8nMajor) === setup.n8nMajor);
			for (const testCase of cases) rows.push(...(await runCase(setup, server.url, model, sandboxes, copies[testCase.copy], testCase, replies)));

			report.section('AI Agent: what the model was offered and read');
			report.check('every request offered the six tools exactly as the example declares them (name, written description, one described argument per $fromAI)', () => {
				assert.ok(model.requests.length > 0, 'the model got no request');
				const example = loadExample(ASSISTANT_EXAMPLE);
				for (const request of model.requests) {
					const offered = (request.body.tools ?? []).map((tool) => ({ name: tool.function.name, description: tool.function.description, schema: tool.function.parameters as never }));
					assertToolsAsDeclared(offered, example);
				}
			});
			const streamed = model.requests.filter((request) => request.body.stream).length;
			report.note(`the agent called the model ${model.requests.length} times (${streamed} streamed), with ${model.toolResults.length} tool results`);
			report.check("no tool result carries an API key, or the agent's input (chatInput, sessionId)", () => {
				for (const result of model.toolResults) {
					for (const secret of [setup.apiKey, ...Object.values(LIMIT_KEYS), '"chatInput"', '"sessionId"']) assert.ok(!result.content.includes(secret), `${result.name}: ${result.content.slice(0, 300)}`);
				}
			});
			const conflict = model.toolResults.find((result) => result.name === TOOL.paid && result.arguments.invoiceId === DRAFT_TO_PAY);
			agentConflictText = conflict && errorTextIn(conflict.content);

			report.section('MCP Server Trigger: the MCP example driven by the MCP TypeScript SDK client');
			report.check('the MCP example has the same six tools as the assistant, parameter for parameter', () => {
				const byName = (workflow: WorkflowFile) => Object.fromEntries(toolNodes(workflow).map((node) => [node.name, { parameters: node.parameters, credentials: node.credentials }]));
				assert.deepEqual(byName(mcpExample), byName(loadExample(ASSISTANT_EXAMPLE)));
			});
			rows.push(...(await runMcpScenario({ report, n8nUrl: server.url, token: MCP_TOKEN, sandbox: main, example: mcpExample, agentConflictText })));
		} finally {
			await server.stop();
			setup.outputs.push(server.process.output());
		}
	} finally {
		await Promise.all([model.stop(), main.stop(), limits.stop(), shortWindow.stop()]);
	}
	// Every result in full, beside n8n's user folder, to look into a failure.
	writeFileSync(join(setup.workspace, 'ai-tool-results.json'), JSON.stringify({ toolResults: rows, chatReplies: replies }, null, 2));
	report.section('AI: what each tool call gave the model');
	console.log(aiTable(rows, Date.now() - started).replace(/^/gm, '    '));
}
