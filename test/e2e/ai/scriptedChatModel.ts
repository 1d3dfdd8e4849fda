import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One tool call the scripted model makes. */
export interface ScriptedToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** What the scripted model answers next: tool calls, or its final message. */
export type ModelTurn = { toolCalls: ScriptedToolCall[] } | { text: string };

/** A tool's result as the model received it, in a later request. */
export interface ToolResultSeen {
	/** The user message of the conversation it belongs to. */
	userMessage: string;
	toolCallId: string;
	name: string;
	arguments: Record<string, unknown>;
	content: string;
	/** From the answer that asked for the call to the request that brought its result. */
	durationMs: number;
}

/** What the model has seen of one conversation so far. */
export interface Conversation {
	userMessage: string;
	/** The results of the tool calls made since the user's message, oldest first. */
	results: ToolResultSeen[];
}

/** Decides the next turn of one conversation from what the model has seen so far. */
export type Script = (conversation: Conversation) => ModelTurn;

export interface ToolOffered {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

interface ChatMessage {
	role: string;
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequestBody {
	model?: string;
	messages: ChatMessage[];
	tools?: ToolOffered[];
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
}

export interface RecordedChatRequest {
	path: string;
	body: ChatRequestBody;
	receivedAt: number;
}

function textOf(content: ChatMessage['content']): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

/**
 * An OpenAI-compatible chat server for tests, on 127.0.0.1: `POST …/chat/completions` answers
 * with the turn the conversation's script gives (tool calls, then a final message), as JSON or
 * as server-sent events when the request streams. No model, no network. It records every request
 * body, and every tool result with the time the tool took as the model saw it.
 */
export class ScriptedChatModel {
	readonly requests: RecordedChatRequest[] = [];
	readonly toolResults: ToolResultSeen[] = [];
	/** Problems met while answering (no script, a bad request), so a test can show them. */
	readonly problems: string[] = [];
	private readonly scripts = new Map<string, Script>();
	/** When each tool call was handed out, by its id. */
	private readonly askedAt = new Map<string, { at: number; name: string; arguments: Record<string, unknown> }>();
	private readonly sockets = new Set<Socket>();
	private readonly server: Server;
	private nextId = 1;
	url = '';

	constructor() {
		this.server = createServer((req, res) => this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** The base URL an OpenAI credential points at. */
	get baseUrl(): string {
		return `${this.url}/v1`;
	}

	/** The script that answers every conversation whose (last) user message is `userMessage`. */
	script(userMessage: string, script: Script): void {
		this.scripts.set(userMessage, script);
	}

	async start(port = 0): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', resolve);
		});
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The requests of one conversation, in arrival order. */
	requestsFor(userMessage: string): RecordedChatRequest[] {
		return this.requests.filter((request) => this.conversationOf(request.body, request.receivedAt, false).userMessage === userMessage);
	}

	resultsFor(userMessage: string): ToolResultSeen[] {
		return this.toolResults.filter((result) => result.userMessage === userMessage);
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const path = new URL(req.url ?? '/', 'http://model').pathname;
			if (req.method === 'GET' && path.endsWith('/models')) {
				return this.json(res, 200, { object: 'list', data: [{ id: 'scripted-model', object: 'model', owned_by: 'test' }] });
			}
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
				return this.json(res, 404, { error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' } });
			}
			let body: ChatRequestBody;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody;
			} catch {
				this.problems.push(`${path}: a body that is not JSON`);
				return this.json(res, 400, { error: { message: 'The body is not JSON', type: 'invalid_request_error' } });
			}
			const receivedAt = Date.now();
			this.requests.push({ path, body, receivedAt });
			const conversation = this.conversationOf(body, receivedAt, true);
			const script = this.scripts.get(conversation.userMessage);
			if (!script) {
				this.problems.push(`no script for the user message ${JSON.stringify(conversation.userMessage)}`);
				return this.json(res, 400, { error: { message: 'No script for this conversation', type: 'invalid_request_error' } });
			}
			let turn: ModelTurn;
			try {
				turn = script(conversation);
			} catch (error) {
				// A script that cannot go on says why, as the model's last words.
				turn = { text: `SCRIPT STOPPED: ${(error as Error).message}` };
				this.problems.push(`${conversation.userMessage}: ${(error as Error).message}`);
			}
			this.answer(res, body, turn);
		});
	}

	/** Reads the conversation a request carries; `record` adds tool results seen for the first time. */
	private conversationOf(body: ChatRequestBody, receivedAt: number, record: boolean): Conversation {
		const messages = body.messages ?? [];
		const lastUser = messages.map((message) => message.role).lastIndexOf('user');
		const userMessage = lastUser < 0 ? '' : textOf(messages[lastUser].content);
		const results: ToolResultSeen[] = [];
		for (const message of messages.slice(lastUser + 1)) {
			if (message.role !== 'tool' || !message.tool_call_id) continue;
			const id = message.tool_call_id;
			const known = this.toolResults.find((result) => result.toolCallId === id);
			if (known) {
				results.push(known);
				continue;
			}
			const asked = this.askedAt.get(id);
			const result: ToolResultSeen = {
				userMessage,
				toolCallId: id,
				name: asked?.name ?? '',
				arguments: asked?.arguments ?? {},
				content: textOf(message.content),
				durationMs: asked ? receivedAt - asked.at : Number.NaN,
			};
			if (record) this.toolResults.push(result);
			results.push(result);
		}
		return { userMessage, results };
	}

	private answer(res: ServerResponse, body: ChatRequestBody, turn: ModelTurn): void {
		const id = `chatcmpl-scripted-${this.nextId++}`;
		const created = Math.floor(Date.now() / 1000);
		const model = body.model ?? 'scripted-model';
		const toolCalls =
			'toolCalls' in turn
				? turn.toolCalls.map((call) => {
						const callId = `call_${this.nextId++}`;
						this.askedAt.set(callId, { at: Date.now(), name: call.name, arguments: call.arguments });
						return { id: callId, type: 'function' as const, function: { name: call.name, arguments: JSON.stringify(call.arguments) } };
					})
				: undefined;
		const content = 'text' in turn ? turn.text : null;
		const finishReason = toolCalls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
		if (!body.stream) {
			return this.json(res, 200, {
				id,
				object: 'chat.completion',
				created,
				model,
				choices: [{ index: 0, message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, finish_reason: finishReason, logprobs: null }],
				usage,
			});
		}
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
		const chunk = (delta: Record<string, unknown>, finish: string | null) =>
			res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`);
		chunk({ role: 'assistant', content: toolCalls ? null : '' }, null);
		if (toolCalls) toolCalls.forEach((call, index) => chunk({ tool_calls: [{ index, ...call }] }, null));
		else chunk({ content }, null);
		chunk({}, finishReason);
		if (body.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
		res.end('data: [DONE]\n\n');
	}

	private json(res: ServerResponse, status: number, body: unknown): void {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	}
}
