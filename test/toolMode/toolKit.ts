import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox, SandboxOptions } from '../../sandbox/server';
import { sandboxCredential, startSandbox } from '../engine/fixtures';
import { runBookeeping, type OnError } from '../engine/runWorkflow';

/** What an AI Agent hands a tool: its own input item (the chat, webhook headers) merged with the arguments. */
export const AGENT_ITEM = {
	sessionId: 'chat-4711',
	action: 'sendMessage',
	chatInput: 'Please delete invoice INV-1001',
	headers: { cookie: 'n8n-auth=secret-session', authorization: 'Bearer user-token' },
	toolCallId: 'call_1',
};

/** Runs one operation as n8n runs the node for an AI agent (the `bookeepingTool` type). */
export async function runTool(
	sandbox: Sandbox,
	parameters: Record<string, unknown>,
	options: { onError?: OnError; item?: IDataObject; apiKey?: string } = {},
) {
	const before = sandbox.requests.length;
	const result = await runBookeeping({
		items: [options.item ?? AGENT_ITEM],
		parameters: parameters as INodeParameters,
		credential: options.apiKey ? { ...sandboxCredential(sandbox), apiKey: options.apiKey } : sandboxCredential(sandbox),
		onError: options.onError,
		asTool: true,
	});
	return { ...result, requests: sandbox.requests.slice(before) };
}

export async function startToolSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox(options);
}

/** What a model must never read in a message meant for it. */
export function expectStandsAlone(message: string): void {
	expect(message).not.toMatch(/\bitem \d/i);
	expect(message).not.toMatch(/ > /);
	expect(message).not.toMatch(/Options|Settings|expression/);
	expect(message).toMatch(/ Next: .+/);
}
