import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { SEED_IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import type { Report } from '../report';
import { nodeOfType, type WorkflowFile } from '../workflows';
import type { ToolCallRow } from './aiReport';
import { MCP_TRIGGER_TYPE } from './aiWorkflows';
import { callsOf, DRAFT_TO_PAY, TOOL } from './assistantCases';
import { assertToolsAsDeclared } from './offeredTools';
import { assertSelfStandingFailure, recordIn } from './toolResults';

export interface McpSetup {
	report: Report;
	n8nUrl: string;
	token: string;
	sandbox: Sandbox;
	example: WorkflowFile;
	/** The 409 the agent got from Mark invoice paid on DRAFT_TO_PAY, if that case ran: the MCP client must get the same text. */
	agentConflictText: string | undefined;
}

interface CallOutcome {
	isError: boolean;
	text: string;
}

/** The part of an error text from `start` on, up to n8n's "Details" block, if any. */
function messageFrom(text: string, start: string): string {
	const at = text.indexOf(start);
	assert.ok(at >= 0, `"${start}" is not in: ${text}`);
	return text.slice(at).split('\n\n')[0];
}

/**
 * The MCP example as shipped, published, driven by the official MCP TypeScript SDK client over
 * Streamable HTTP with the trigger's bearer token: it lists the tools and calls them; a 409 comes
 * back as `isError` with the same self-standing message the agent gets.
 */
export async function runMcpScenario(setup: McpSetup): Promise<ToolCallRow[]> {
	const { report, sandbox } = setup;
	const path = String(nodeOfType(setup.example, MCP_TRIGGER_TYPE).parameters.path);
	const url = new URL(`${setup.n8nUrl}/mcp/${path}`);
	const rows: ToolCallRow[] = [];

	await report.checkAsync(`POST /mcp/${path} without the bearer token is refused (401 or 403)`, async () => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'e2e', version: '1' } } }),
		});
		assert.ok([401, 403].includes(response.status), `HTTP ${response.status} ${await response.text()}`);
	});

	const client = new Client({ name: 'bookeeping-e2e', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${setup.token}` } } });
	const call = async (label: string, name: string, args: Record<string, unknown>): Promise<CallOutcome> => {
		const started = Date.now();
		const result = await client.callTool({ name, arguments: args });
		const content = (result.content as Array<{ type: string; text?: string }>) ?? [];
		const text = content.map((part) => part.text ?? '').join('\n');
		rows.push({ path: 'MCP', label, tool: name, content: text, durationMs: Date.now() - started });
		return { isError: result.isError === true, text };
	};

	let tools: Awaited<ReturnType<Client['listTools']>>['tools'] = [];
	const connected = await report.checkAsync('the SDK client connects over Streamable HTTP with the bearer token and lists the tools', async () => {
		await client.connect(transport);
		tools = (await client.listTools()).tools;
	});
	if (!connected) return rows;
	report.check('  the tools are the six of the example, named, described and with arguments as it declares them', () => {
		assertToolsAsDeclared(tools.map((tool) => ({ name: tool.name, description: tool.description, schema: tool.inputSchema as never })), setup.example);
	});
	try {
		const before = sandbox.requests.length;
		let invoiceId = '';
		await report.checkAsync('Find customer, Create invoice, Send invoice: compact results, the invoice SENT', async () => {
			const found = await call('MCP success', TOOL.find, { name: 'Globex' });
			assert.equal(found.isError, false, found.text);
			assert.match(found.text, new RegExp(SEED_IDS.globex));
			const created = await call('MCP success', TOOL.create, {
				customerId: SEED_IDS.globex,
				invoiceDate: new Date().toISOString().slice(0, 10),
				dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
				currency: 'USD',
				lineItems: JSON.stringify([{ name: 'Audit', quantity: 1, price: 300 }]),
			});
			assert.equal(created.isError, false, created.text);
			invoiceId = String(recordIn(created.text)._id);
			const sent = await call('MCP success', TOOL.send, { invoiceId });
			assert.equal(sent.isError, false, sent.text);
			assert.equal(recordIn(sent.text).status, 'SENT');
		});
		await report.checkAsync('Send invoice again: isError, "409 Conflict: …", refused, nothing changed, with the next step', async () => {
			const again = await call('MCP 409', TOOL.send, { invoiceId });
			assert.equal(again.isError, true, again.text);
			assertSelfStandingFailure(messageFrom(again.text, '409 Conflict'), '409 Conflict', 'refused');
		});
		if (setup.agentConflictText) {
			const agentText = setup.agentConflictText;
			await report.checkAsync('Mark invoice paid on the invoice of the agent\'s 409: isError with the very message the agent got', async () => {
				// Paid by the agent's recovery since: refused again, with the same words (they name the id, not the status).
				const refused = await call('MCP 409 (agent\'s)', TOOL.paid, { invoiceId: DRAFT_TO_PAY, paymentReference: '' });
				assert.equal(refused.isError, true, refused.text);
				assert.equal(messageFrom(refused.text, '409 Conflict'), agentText);
			});
		}
		report.check('sandbox: the search, one create, two sends (200, 409), one mark-as-paid (409)', () => {
			const calls = callsOf(sandbox.requests.slice(before));
			assert.deepEqual(calls.slice(0, 4), ['GET /v1/counterparties 200', 'POST /v1/invoices 200', 'POST /v1/invoices/:id/send 200', 'POST /v1/invoices/:id/send 409']);
			if (setup.agentConflictText) assert.deepEqual(calls.slice(4), ['POST /v1/invoices/:id/mark-as-paid 409']);
		});
	} finally {
		await client.close().catch(() => undefined);
	}
	return rows;
}
