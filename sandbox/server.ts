import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Fault } from './faults';
import { RateLimiter, type Limits, type OperationType, type WindowMode } from './rateLimiter';

export type InvoiceStatus = 'DRAFT' | 'SENT' | 'OVERDUE' | 'PAID' | 'CANCELLED';

export interface Invoice {
	id: string;
	invoiceId: string;
	status: InvoiceStatus;
	currency: string;
	total: number;
	createdAt: string;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	authorization: string | undefined;
	status: number;
	at: number;
}

export interface SandboxOptions {
	port?: number;
	apiKeys?: string[];
	/** Length of the "minute" window; shorten it so tests run fast. */
	windowMs?: number;
	/** How the per-minute window runs (not documented by Bookeeping.ai); default `clock`. */
	windowMode?: WindowMode;
	dayMs?: number;
	writeLimits?: Limits;
	readLimits?: Limits;
	/** Whether 429 answers carry Retry-After (the live API does not document it). */
	sendRetryAfter?: boolean;
}

export const BASE_PATH = '/public-api';

/** Answers the request being handled. */
type Send = (status: number, body: unknown, headers?: Record<string, string>, contentType?: string) => void;
const ID_PATTERN = /^[0-9A-Fa-f]{24}$/;

export function newObjectId(): string {
	return randomBytes(12).toString('hex');
}

/** An in-memory stand-in for the Bookeeping.ai public API, on 127.0.0.1. */
export class Sandbox {
	readonly invoices = new Map<string, Invoice>();
	readonly requests: RecordedRequest[] = [];
	readonly limiter: RateLimiter;
	private readonly faults = new Map<string, Fault>();
	private readonly apiKeys: Set<string>;
	private readonly sockets = new Set<Socket>();
	private readonly server: Server;
	private invoiceNumber = 1000;
	url = '';

	constructor(private readonly options: SandboxOptions = {}) {
		this.apiKeys = new Set(options.apiKeys ?? ['sk_sandbox_demo']);
		this.limiter = new RateLimiter(
			{
				read: options.readLimits ?? { perWindow: 100, perDay: 6000 },
				write: options.writeLimits ?? { perWindow: 25, perDay: 1500 },
			},
			options.windowMs ?? 60_000,
			options.dayMs ?? 86_400_000,
			options.windowMode ?? 'clock',
		);
		this.server = createServer((req, res) => this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** The base URL a `custom` credential points at. */
	get baseUrl(): string {
		return `${this.url}${BASE_PATH}`;
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 0, '127.0.0.1', resolve);
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	addInvoice(status: InvoiceStatus = 'DRAFT', id = newObjectId()): string {
		this.invoices.set(id.toLowerCase(), {
			id,
			invoiceId: `INV-${this.invoiceNumber++}`,
			status,
			currency: 'USD',
			total: 100 + this.invoices.size,
			createdAt: new Date().toISOString(),
		});
		return id;
	}

	/** Makes every request that names this id misbehave as described. */
	setFault(id: string, fault: Fault): void {
		this.faults.set(id.toLowerCase(), fault);
	}

	requestsTo(method: string, pathPrefix = ''): RecordedRequest[] {
		return this.requests.filter(
			(request) => request.method === method && request.path.startsWith(BASE_PATH + pathPrefix),
		);
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			authorization: req.headers.authorization,
			status: 0,
			at: Date.now(),
		};
		this.requests.push(record);
		const send: Send = (status, body, headers = {}, contentType = 'application/json') => {
			record.status = status;
			const payload = typeof body === 'string' ? body : JSON.stringify(body);
			res.writeHead(status, { 'content-type': contentType, ...headers });
			res.end(payload);
		};
		req.resume();
		req.on('end', () => this.route(req.method ?? 'GET', url, req.headers.authorization, send, res));
	}

	private route(
		method: string,
		url: URL,
		authorization: string | undefined,
		send: Send,
		res: ServerResponse,
	): void {
		const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : undefined;
		const isList = method === 'GET' && path === '/v1/invoices';
		const invoiceMatch = path?.match(/^\/v1\/invoices\/([^/]*)$/);
		if (!isList && !(method === 'DELETE' && invoiceMatch)) {
			return send(404, { error: 'NotFoundError', message: `Cannot ${method} ${url.pathname}` });
		}

		const key = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
		if (!key || !this.apiKeys.has(key)) {
			return send(401, { error: 'UnauthorizedError', message: 'Invalid or missing API key' });
		}

		const type: OperationType = isList ? 'read' : 'write';
		const decision = this.limiter.take(key, type);
		if (!decision.allowed) {
			const headers = { ...decision.headers };
			if (this.options.sendRetryAfter ?? true) headers['retry-after'] = String(decision.retryAfterSeconds);
			return send(429, {
				error: 'TooManyRequestsError',
				message: `Rate limit exceeded: ${decision.limit === 'day' ? 'daily' : 'minutely'} limit reached`,
			}, headers);
		}

		if (isList) return this.list(url, send, decision.headers);

		const id = decodeURIComponent(invoiceMatch![1]);
		if (!ID_PATTERN.test(id)) {
			return send(400, { error: 'BadRequestError', message: 'id must be a valid object id' }, decision.headers);
		}
		const fault = this.faults.get(id.toLowerCase());
		if (fault) return this.misbehave(fault, res, send, () => this.deleteInvoice(id, send, decision.headers));
		return this.deleteInvoice(id, send, decision.headers);
	}

	private list(url: URL, send: Send, headers: Record<string, string>): void {
		const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
		const limit = Math.min(250, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
		const all = [...this.invoices.values()];
		const invoices = all.slice((page - 1) * limit, page * limit);
		send(200, { message: 'Invoices fetched successfully', metaData: { warnings: [] }, data: { invoices, count: all.length } }, headers);
	}

	private deleteInvoice(id: string, send: Send, headers: Record<string, string>): void {
		const invoice = this.invoices.get(id.toLowerCase());
		if (!invoice) return send(404, { error: 'NotFoundError', message: 'Invoice not found' }, headers);
		if (invoice.status !== 'DRAFT') {
			return send(409, { error: 'ConflictError', message: 'Only invoices in draft status can be deleted' }, headers);
		}
		this.invoices.delete(id.toLowerCase());
		send(200, { message: 'Invoice deleted successfully', metaData: { warnings: [] }, data: {} }, headers);
	}

	private misbehave(
		fault: Fault,
		res: ServerResponse,
		send: Send,
		proceed: () => void,
	): void {
		switch (fault.kind) {
			case 'reset':
				res.socket?.destroy();
				return;
			case 'hang':
				return;
			case 'slow':
				setTimeout(proceed, fault.delayMs).unref();
				return;
			case 'status':
				return send(fault.status, fault.body ?? '', fault.headers, fault.contentType);
		}
	}
}
