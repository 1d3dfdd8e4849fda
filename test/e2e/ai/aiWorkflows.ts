import { writeFileSync } from 'node:fs';
import type { INode } from 'n8n-workflow';

import { SANDBOX_CREDENTIAL } from '../../../scripts/localN8n/sandboxCredential';
import { BOOKEEPING_TOOL_NODE_TYPE, loadExample, nodeOfType, type WorkflowFile } from '../workflows';

export const ASSISTANT_EXAMPLE = 'bookeeping-assistant-ai-agent.json';
export const MCP_EXAMPLE = 'bookeeping-mcp-server.json';

export const CHAT_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.chatTrigger';
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';
export const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
export const OPENAI_MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';

/** A Bookeeping credential of its own, for scenarios that use up a rate limit (the node's budget is per key and base URL). */
export interface KeyedCredential {
	id: string;
	name: string;
	apiKey: string;
	baseUrl: string;
}

/** A runnable copy of the assistant example: its chat made public on a webhook of its own. */
export interface AssistantCopy {
	workflow: WorkflowFile;
	/** `/webhook/<this>` is where chat messages are posted. */
	chatPath: string;
}

export function toolNodes(workflow: WorkflowFile): INode[] {
	return workflow.nodes.filter((node) => node.type === BOOKEEPING_TOOL_NODE_TYPE);
}

/**
 * The assistant example with only what a test needs changed: the Chat Trigger is made public
 * (Embedded Chat, so its webhook answers without the editor), on a webhook id of its own, and,
 * when given, every tool uses another Bookeeping credential. Agent, model and tools stay as shipped.
 */
export function assistantCopy(id: string, webhookId: string, credential?: { id: string; name: string }): AssistantCopy {
	const example = loadExample(ASSISTANT_EXAMPLE);
	const copy = JSON.parse(JSON.stringify(example)) as WorkflowFile;
	copy.id = id;
	copy.name = `${example.name} (e2e: public chat${credential ? `, ${credential.name}` : ''})`;
	const trigger = nodeOfType(copy, CHAT_TRIGGER_TYPE);
	trigger.webhookId = webhookId;
	trigger.parameters = { ...trigger.parameters, public: true, mode: 'webhook', authentication: 'none' };
	if (credential) for (const tool of toolNodes(copy)) tool.credentials = { bookeepingApi: credential };
	return { workflow: copy, chatPath: `${webhookId}/chat` };
}

/** The credentials the AI examples refer to, pointed at the scripted model, plus keyed Bookeeping ones. */
export function writeAiCredentialFile(path: string, modelBaseUrl: string, mcpToken: string, keyed: KeyedCredential[]): void {
	const assistant = loadExample(ASSISTANT_EXAMPLE);
	const mcp = loadExample(MCP_EXAMPLE);
	const openAi = nodeOfType(assistant, OPENAI_MODEL_TYPE).credentials!.openAiApi;
	const bearer = nodeOfType(mcp, MCP_TRIGGER_TYPE).credentials!.httpBearerAuth;
	const credentials = [
		{ id: openAi.id, name: openAi.name, type: 'openAiApi', data: { apiKey: 'sk-scripted-model', url: modelBaseUrl } },
		{ id: bearer.id, name: bearer.name, type: 'httpBearerAuth', data: { token: mcpToken } },
		...keyed.map((credential) => ({
			id: credential.id,
			name: credential.name,
			type: SANDBOX_CREDENTIAL.type,
			data: { apiKey: credential.apiKey, region: 'custom', baseUrl: credential.baseUrl },
		})),
	];
	writeFileSync(path, JSON.stringify(credentials, null, 2));
}
