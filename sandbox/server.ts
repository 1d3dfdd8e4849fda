import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Fault } from './faults';
import { RateLimiter, type Limits, type WindowMode } from './rateLimiter';
import { directoryRoutes } from './routes/directory';
import { OBJECT_ID, badRequest, fail, type Reply, type Route } from './routes/http';
import { invoiceRoutes } from './routes/invoices';
import { transactionRoutes } from './routes/transactions';
import { seedDirectory } from './seed';
import { SandboxStore, newObjectId, type ApiRecord, type InvoiceStatus } from './store';

export { newObjectId, type InvoiceStatus };
export type Invoice = ApiRecord;

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
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
	/** The clock records are stamped with; tests move it. */
	now?: () => number;
	/** How long after its due date a sent invoice reads as OVERDUE, its updatedAt unchanged (default 0). */
	overdueLagMs?: number;
	/** Whether to add the seed customers, categories and accounts (default true). */
	seed?: boolean;
}

export const BASE_PATH = '/public-api';

/** Answers the request being handled. */
type Send = (status: number, body: unknown, headers?: Record<string, string>, contentType?: string) => void;

/** A route that fits but for an id that is not an object id: the API answers 400. */
interface BadId {
	operationType: Route['operationType'];
}

interface MatchedRoute {
	route: Route;
	id?: string;
}

function matchRoute(routes: Route[], method: string, path: string): MatchedRoute | BadId | undefined {
	const parts = path.split('/');
	for (const route of routes) {
		if (route.method !== method) continue;
		const pattern = route.pattern.split('/');
		if (pattern.length !== parts.length) continue;
		let id: string | undefined;
		const fits = pattern.every((segment, index) => {
			if (segment === ':id') {
				id = decodeURIComponent(parts[index]);
				return true;
			}
			return segment === parts[index];
		});
		if (!fits) continue;
		if (id !== undefined && !OBJECT_ID.test(id)) return { operationType: route.operationType };
		return { route, id };
	}
	return undefined;
}

/** An in-memory stand-in for the Bookeeping.ai public API, on 127.0.0.1. */
export class Sandbox {
	readonly store: SandboxStore;
	readonly requests: RecordedRequest[] = [];
	readonly limiter: RateLimiter;
	private readonly routes: Route[];
	private readonly faults = new Map<string, Fault>();
	private readonly nextFaults: Fault[] = [];
	private readonly apiKeys: Set<string>;
	private readonly sockets = new Set<Socket>();
	private readonly server: Server;
	url = '';

	constructor(private readonly options: SandboxOptions = {}) {
		this.apiKeys = new Set(options.apiKeys ?? ['sk_sandbox_demo']);
		this.store = new SandboxStore(options.now, options.overdueLagMs);
		if (options.seed ?? true) seedDirectory(this.store);
		this.routes = [...invoiceRoutes(this.store), ...directoryRoutes(this.store), ...transactionRoutes(this.store)];
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

	get invoices(): Map<string, ApiRecord> {
		return this.store.invoices;
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

	/** Adds an invoice of Acme Corp in the given status; returns its id. */
	addInvoice(status: InvoiceStatus = 'DRAFT', id = newObjectId(), fields: Record<string, unknown> = {}): string {
		const store = this.store;
		const day = 86_400_000;
		const issued = store.now() - 10 * day;
		const amount = 100 + store.invoices.size;
		store.insert(
			store.invoices,
			{
				status,
				invoiceId: store.nextInvoiceNumber(),
				amount,
				currency: 'USD',
				discount: null,
				calculated: { grandTotal: amount, tax: 0, discount: 0, subTotal: amount },
				invoiceDate: new Date(issued).toISOString(),
				dueDate: new Date(status === 'OVERDUE' ? issued + 5 * day : issued + 40 * day).toISOString(),
				lineItems: [{ name: 'Consulting', quantity: 1, price: amount }],
				note: '',
				attachments: [],
				purchaseOrderId: null,
				counterParty: [...store.counterparties.values()][0] ?? null,
				...fields,
			},
			id,
		);
		return id;
	}

	/** Makes every request that names this id misbehave as described; a faulted request is not counted by the limiter. */
	setFault(id: string, fault: Fault): void {
		this.faults.set(id.toLowerCase(), fault);
	}

	/** Makes the next requests, whatever they name, misbehave as described, one fault each. */
	failNext(...faults: Fault[]): void {
		this.nextFaults.push(...faults);
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
			body: undefined,
			authorization: req.headers.authorization,
			status: 0,
			at: Date.now(),
		};
		this.requests.push(record);
		const send: Send = (status, body, headers = {}, contentType = 'application/json') => {
			record.status = status;
			const payload = typeof body === 'string' ? body : JSON.stringify(body);
			// The API's own clock, as HTTP's Date header: the one the records are stamped with.
			res.writeHead(status, { 'content-type': contentType, date: new Date(this.store.now()).toUTCString(), ...headers });
			res.end(payload);
		};
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = {};
			if (text.trim() !== '') {
				try {
					body = JSON.parse(text);
				} catch {
					return send(400, { error: 'BadRequestError', message: 'The body is not valid JSON' });
				}
			}
			record.body = body;
			this.route(req.method ?? 'GET', url, req.headers.authorization, body, send, res);
		});
	}

	private route(method: string, url: URL, authorization: string | undefined, body: unknown, send: Send, res: ServerResponse): void {
		const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : '';
		const matched = matchRoute(this.routes, method, path);
		if (!matched) return send(404, { error: 'NotFoundError', message: `Cannot ${method} ${url.pathname}` });

		const key = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
		if (!key || !this.apiKeys.has(key)) {
			return send(401, { error: 'UnauthorizedError', message: 'Invalid or missing API key' });
		}
		const id = 'route' in matched ? matched.id : undefined;
		const fault = this.nextFaults.shift() ?? (id ? this.faults.get(id.toLowerCase()) : undefined);
		const proceed = () => this.answer(matched, key, url, body, send, path);
		if (fault) return this.misbehave(fault, res, send, proceed);
		proceed();
	}

	private answer(matched: MatchedRoute | BadId, key: string, url: URL, body: unknown, send: Send, path: string): void {
		const type = 'route' in matched ? matched.route.operationType : matched.operationType;
		const decision = this.limiter.take(key, type);
		if (!decision.allowed) {
			const headers = { ...decision.headers };
			if (this.options.sendRetryAfter ?? true) headers['retry-after'] = String(decision.retryAfterSeconds);
			return send(429, {
				error: 'TooManyRequestsError',
				message: `Rate limit exceeded: ${decision.limit === 'day' ? 'daily' : 'minutely'} limit reached`,
			}, headers);
		}
		let reply: Reply;
		if (!('route' in matched)) reply = badRequest('id must be a valid object id');
		else if (typeof body !== 'object' || body === null || Array.isArray(body)) reply = badRequest('The body must be a JSON object');
		else {
			try {
				reply = matched.route.handle({ method: matched.route.method, path, query: url.searchParams, body: body as Record<string, unknown>, id: matched.id });
			} catch (error) {
				reply = fail(500, 'InternalServerError', (error as Error).message);
			}
		}
		send(reply.status, reply.body, decision.headers);
	}

	private misbehave(fault: Fault, res: ServerResponse, send: Send, proceed: () => void): void {
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
