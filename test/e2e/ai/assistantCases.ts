import assert from 'node:assert/strict';
import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS } from '../../../sandbox/seed';
import type { RecordedRequest, Sandbox } from '../../../sandbox/server';
import type { ModelTurn, RecordedChatRequest, Script, ToolResultSeen } from './scriptedChatModel';
import { assertSelfStandingFailure, errorTextIn, nextStepOf, recordIn, recordsIn } from './toolResults';

/** The tools of the examples as the model knows them: n8n names a tool after its node. */
export const TOOL = {
	find: 'Find_customer',
	create: 'Create_invoice',
	send: 'Send_invoice',
	list: 'List_invoices',
	cancel: 'Cancel_invoice',
	paid: 'Mark_invoice_paid',
} as const;

/** Which runnable copy of the assistant a case talks to (see aiWorkflows.ts). */
export type AssistantCopyName = 'main' | 'minuteLimit' | 'minuteWait' | 'dayUsedUp' | 'continueRegular' | 'streaming' | 'asShipped';

export interface AiSandboxes {
	/** Where the "Bookeeping sandbox" credential points: every case but the rate-limit ones. */
	main: Sandbox;
	/** Where two keyed credentials point: a sandbox whose write window is one request per 90 s. */
	limits: Sandbox;
	/** A sandbox whose write window is one request per 4 s. */
	shortWindow: Sandbox;
	keys: { minute: string; day: string; shortWindow: string };
}

/** What one chat message left behind. */
export interface CaseRun {
	reply: { status: number; text: string };
	results: ToolResultSeen[];
	/** The requests the model received for this chat message. */
	modelRequests: RecordedChatRequest[];
	/** The requests the case's sandbox received while the chat message ran. */
	requests: RecordedRequest[];
}

export interface AssistantCase {
	/** A short name for the report table. */
	label: string;
	title: string;
	copy: AssistantCopyName;
	/** Run only on this major version of n8n. */
	onlyOnMajor?: number;
	/** The run is expected to fail before the model reads any tool result. */
	runFails?: boolean;
	message: string;
	prepare?(sandboxes: AiSandboxes): void;
	/** Which sandbox the case's tools reach. */
	sandbox: 'main' | 'limits' | 'shortWindow';
	script: Script;
	checks(run: CaseRun, sandboxes: AiSandboxes): Array<[string, () => void]>;
}

const DAY = 86_400_000;
const isoDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const call = (name: string, args: Record<string, unknown>): ModelTurn => ({ toolCalls: [{ name, arguments: args }] });
const say = (text: string): ModelTurn => ({ text });

/** A script that makes one tool call per turn: step N answers once N tool results came back. */
function sequence(...steps: Array<(results: ToolResultSeen[]) => ModelTurn>): Script {
	return ({ results }) => {
		const step = steps[results.length];
		if (!step) throw new Error(`the script has no step after ${results.length} tool results`);
		return step(results);
	};
}

/** `METHOD /path status` of each request, ids replaced by `:id`, in arrival order. */
export function callsOf(requests: RecordedRequest[]): string[] {
	return requests.map((request) => `${request.method} ${request.path.replace('/public-api', '').replace(/[0-9a-f]{24}/gi, ':id')} ${request.status}`);
}

export const DRAFT_TO_PAY = '65f1c0ffee0123456789a409';
const UNKNOWN_INVOICE = '65f1c0ffee0123456789a404';
/** Invoices seeded for the large list: more than a tool call returns. */
export const LISTED_INVOICES = 300;

const createArgs = (customerId: string, days: number, lines: unknown[]) => ({
	customerId,
	invoiceDate: isoDate(),
	dueDate: isoDate(days),
	currency: 'USD',
	lineItems: JSON.stringify(lines),
});

const success: AssistantCase = {
	label: 'success',
	title: 'find the customer, create an invoice, send it',
	copy: 'main',
	sandbox: 'main',
	message: 'Invoice Acme Corp for 2 hours of consulting at 150 USD, due in 30 days, and send it.',
	script: sequence(
		() => call(TOOL.find, { name: 'Acme' }),
		([found]) => {
			const acme = recordsIn(found.content).find((record) => /acme/i.test(String(record.accountName ?? record.name ?? '')));
			if (!acme) throw new Error(`no Acme among the customers found: ${found.content}`);
			return call(TOOL.create, createArgs(String(acme._id), 30, [{ name: 'Consulting', quantity: 2, price: 150 }]));
		},
		([, created]) => call(TOOL.send, { invoiceId: String(recordIn(created.content)._id) }),
		([, , sent]) => say(`Invoice ${String(recordIn(sent.content).invoiceId)} for Acme Corp (300 USD) is created and sent.`),
	),
	checks: (run, { main }) => [
		['Find customer gives the model Acme Corp with its _id', () => {
			const [found] = run.results;
			assert.ok(recordsIn(found.content).some((record) => record._id === SEED_IDS.acme), found.content);
		}],
		['Create invoice gives the model the compact draft (no nested counterparty), Send invoice the same invoice SENT', () => {
			const created = recordIn(run.results[1].content);
			const sent = recordIn(run.results[2].content);
			assert.equal(created.status, 'DRAFT');
			assert.equal(sent.status, 'SENT');
			assert.equal(sent._id, created._id);
			assert.equal(created.amount, 300);
			for (const record of [created, sent]) assert.equal(typeof record.counterParty, 'undefined', `a nested counterparty: ${JSON.stringify(record)}`);
			assert.ok(run.results[2].content.length < 500, `Send invoice's result is ${run.results[2].content.length} characters`);
		}],
		['sandbox: the search, one create, one send; the invoice is SENT', () => {
			assert.deepEqual(callsOf(run.requests), ['GET /v1/counterparties 200', 'POST /v1/invoices 200', 'POST /v1/invoices/:id/send 200']);
			assert.equal(run.requests[0].query.query, 'Acme');
			const id = String(recordIn(run.results[1].content)._id);
			assert.equal(main.invoices.get(id)?.status, 'SENT');
		}],
		['the chat answers with the model\'s last message', () => {
			assert.equal(run.reply.status, 200);
			assert.match(run.reply.text, /is created and sent/);
		}],
	],
};

const conflictThenRecovery: AssistantCase = {
	label: '409, then the recovery it suggests',
	title: 'mark a draft paid (409), send it as the message says, mark it paid',
	copy: 'main',
	sandbox: 'main',
	message: `Invoice ${DRAFT_TO_PAY} has been paid, please mark it as paid.`,
	prepare: ({ main }) => void main.addInvoice('DRAFT', DRAFT_TO_PAY),
	script: sequence(
		() => call(TOOL.paid, { invoiceId: DRAFT_TO_PAY, paymentReference: '' }),
		([refused]) => {
			const next = nextStepOf(errorTextIn(refused.content));
			if (!/Send an invoice/i.test(next)) throw new Error(`the 409 does not say to send a draft first: ${next}`);
			return call(TOOL.send, { invoiceId: DRAFT_TO_PAY });
		},
		() => call(TOOL.paid, { invoiceId: DRAFT_TO_PAY, paymentReference: 'PAY-2026-0042' }),
		() => say('It was still a draft: I sent it, then marked it as paid.'),
	),
	checks: (run, { main }) => [
		['the model gets "409 Conflict: …", refused, nothing changed, with the next step', () => {
			assertSelfStandingFailure(errorTextIn(run.results[0].content), '409 Conflict', 'refused');
		}],
		['following it (Send invoice, then Mark invoice paid again) works: the last result is the invoice PAID', () => {
			assert.deepEqual(run.results.map((result) => result.name), [TOOL.paid, TOOL.send, TOOL.paid]);
			assert.equal(recordIn(run.results[2].content).status, 'PAID');
		}],
		['sandbox: mark-as-paid 409, send 200, mark-as-paid 200; the invoice is PAID', () => {
			assert.deepEqual(callsOf(run.requests), ['POST /v1/invoices/:id/mark-as-paid 409', 'POST /v1/invoices/:id/send 200', 'POST /v1/invoices/:id/mark-as-paid 200']);
			assert.equal(main.invoices.get(DRAFT_TO_PAY)?.status, 'PAID');
		}],
	],
};

const invalidId: AssistantCase = {
	label: 'invalid id',
	title: 'send "INV-0042" (an invoice number where the _id belongs)',
	copy: 'main',
	sandbox: 'main',
	message: 'Send invoice INV-0042 to the customer.',
	script: sequence(
		() => call(TOOL.send, { invoiceId: 'INV-0042' }),
		() => say('I need the invoice id, not its number.'),
	),
	checks: (run) => [
		['the model gets "Refused before sending: …", no request sent, and how to find the _id', () => {
			const text = errorTextIn(run.results[0].content);
			assertSelfStandingFailure(text, 'Refused before sending', 'notSent');
			assert.match(text, /INV-0042/);
			assert.match(nextStepOf(text), /Get Many invoices/i);
		}],
		['sandbox: no request', () => assert.deepEqual(callsOf(run.requests), [])],
	],
};

const unknownId: AssistantCase = {
	label: 'unknown id (404)',
	title: 'send an invoice id nobody has',
	copy: 'main',
	sandbox: 'main',
	message: `Send invoice ${UNKNOWN_INVOICE}.`,
	script: sequence(
		() => call(TOOL.send, { invoiceId: UNKNOWN_INVOICE }),
		() => say('There is no such invoice.'),
	),
	checks: (run) => [
		['the model gets "404 Not Found: …", refused, nothing changed, with the next step', () => {
			const text = errorTextIn(run.results[0].content);
			assertSelfStandingFailure(text, '404 Not Found', 'refused');
			assert.match(text, new RegExp(UNKNOWN_INVOICE));
		}],
		['sandbox: one send, answered 404', () => assert.deepEqual(callsOf(run.requests), ['POST /v1/invoices/:id/send 404'])],
	],
};

const unknownIdContinue: AssistantCase = {
	...unknownId,
	label: 'unknown id, On Error = Continue (regular output)',
	title: 'the same 404 with every tool set to Continue (regular output)',
	copy: 'continueRegular',
	message: `Send invoice ${UNKNOWN_INVOICE} (tools set to continue).`,
	checks: (run) => [
		['the model gets only { message, error: { statusCode: 404, … } }: none of the agent\'s input (chatInput, sessionId, headers)', () => {
			const record = recordIn(run.results[0].content);
			assert.deepEqual(Object.keys(record).sort(), ['error', 'message']);
			assert.equal((record.error as IDataObject).statusCode, 404);
			assertSelfStandingFailure(String(record.message), '404 Not Found', 'refused');
			for (const leaked of ['chatInput', 'sessionId', 'headers', 'action']) {
				assert.ok(!run.results[0].content.includes(`"${leaked}"`), `the result carries ${leaked}: ${run.results[0].content}`);
			}
		}],
		['sandbox: one send, answered 404', () => assert.deepEqual(callsOf(run.requests), ['POST /v1/invoices/:id/send 404'])],
	],
};

const toolsAsShippedOn1x: AssistantCase = {
	...invalidId,
	label: 'invalid id, On Error as shipped (n8n 1.x)',
	title: 'n8n 1.x: the same invalid id with the tools On Error left as shipped',
	copy: 'asShipped',
	onlyOnMajor: 1,
	runFails: true,
	message: 'Send invoice INV-0042 (tools as shipped).',
	checks: (run) => [['sandbox: no request', () => assert.deepEqual(callsOf(run.requests), [])]],
};

const streamedChat: AssistantCase = {
	...unknownId,
	label: 'unknown id, streamed chat',
	title: 'the same 404 in a chat that streams its answer (Chat Trigger response mode Streaming)',
	copy: 'streaming',
	message: `Send invoice ${UNKNOWN_INVOICE} (streamed chat).`,
	checks: (run, sandboxes) => [
		...unknownId.checks(run, sandboxes),
		['the agent asked the model for streamed answers, and the chat got the last one in its stream', () => {
			assert.ok(run.modelRequests.length > 0 && run.modelRequests.every((request) => request.body.stream === true), 'a request did not stream');
			assert.match(run.reply.text, /There is no such invoice\./);
		}],
	],
};

const minuteLimit: AssistantCase = {
	label: 'per-minute 429',
	title: 'create an invoice while the write window is full for another 90 s (past the 60 s Max Wait)',
	copy: 'minuteLimit',
	sandbox: 'limits',
	message: `Create a draft invoice for customer ${SEED_IDS.globex}: one audit at 300 USD, due in 14 days.`,
	// Another client of the key used the window's one write just now.
	prepare: ({ limits, keys }) => void limits.limiter.take(keys.minute, 'write'),
	script: sequence(
		() => call(TOOL.create, createArgs(SEED_IDS.globex, 14, [{ name: 'Audit', quantity: 1, price: 300 }])),
		() => say('Bookeeping.ai is busy; I will try again in a minute and a half.'),
	),
	checks: (run) => [
		['the model gets "429 Too Many Requests: …" at once (not after 60 s), ending "Next: retry in N s." with N past 60', () => {
			const text = errorTextIn(run.results[0].content);
			assertSelfStandingFailure(text, '429 Too Many Requests', 'refused');
			const seconds = Number(/Next: retry in (\d+) s\b/.exec(text)?.[1]);
			assert.ok(seconds > 60 && seconds <= 90, `retry in ${seconds} s: ${text}`);
			assert.ok(run.results[0].durationMs < 15_000, `the call took ${run.results[0].durationMs} ms`);
		}],
		['sandbox: one create, answered 429; not retried', () => assert.deepEqual(callsOf(run.requests), ['POST /v1/invoices 429'])],
	],
};

const minuteWait: AssistantCase = {
	label: 'per-minute 429, waited out',
	title: 'create an invoice while the write window is full for another 4 s (within Max Wait)',
	copy: 'minuteWait',
	sandbox: 'shortWindow',
	message: `Create a draft invoice for customer ${SEED_IDS.initech}: one training day at 800 USD, due in 30 days.`,
	prepare: ({ shortWindow, keys }) => void shortWindow.limiter.take(keys.shortWindow, 'write'),
	script: sequence(
		() => call(TOOL.create, createArgs(SEED_IDS.initech, 30, [{ name: 'Training day', quantity: 1, price: 800 }])),
		() => say('The draft invoice is created.'),
	),
	checks: (run) => [
		['the node waits the window out and the model gets the draft, after about 4 s', () => {
			assert.equal(recordIn(run.results[0].content).status, 'DRAFT', run.results[0].content);
			const seconds = run.results[0].durationMs / 1000;
			assert.ok(seconds >= 2 && seconds < 15, `the call took ${seconds} s`);
		}],
		['sandbox: the create answered 429, then 200', () => assert.deepEqual(callsOf(run.requests), ['POST /v1/invoices 429', 'POST /v1/invoices 200'])],
	],
};

const dayUsedUp: AssistantCase = {
	label: 'day used up',
	title: "create an invoice when the day's writes are used up, then list (reads still work)",
	copy: 'dayUsedUp',
	sandbox: 'limits',
	message: `Create a draft invoice for customer ${SEED_IDS.acme}: one workshop at 500 USD, due in 30 days.`,
	prepare: ({ limits, keys }) => {
		for (const status of ['SENT', 'PAID'] as const) limits.addInvoice(status);
		limits.limiter.exhaustDay(keys.day, 'write');
	},
	script: sequence(
		() => call(TOOL.create, createArgs(SEED_IDS.acme, 30, [{ name: 'Workshop', quantity: 1, price: 500 }])),
		([refused]) => {
			if (!/\bReads\b.* still work/i.test(errorTextIn(refused.content))) throw new Error(`the message does not say reads still work: ${refused.content}`);
			return call(TOOL.list, { limit: 5 });
		},
		() => say('No more invoices can be created today; here are the latest ones.'),
	),
	checks: (run) => [
		["the model gets \"429 Too Many Requests: …\": the day's writes are used up, when that resets, and that reads still work", () => {
			const text = errorTextIn(run.results[0].content);
			assertSelfStandingFailure(text, '429 Too Many Requests', 'refused');
			assert.match(text, /day|daily/i);
			assert.match(text, /\bReads\b.* still work/i);
			assert.match(text, /reset/i);
			assert.doesNotMatch(text, /not know|unknown/i, 'Retry-After was sent, so the reset time is known');
		}],
		['the read that follows works: the two invoices', () => {
			assert.equal(run.results[1].name, TOOL.list);
			assert.deepEqual(recordsIn(run.results[1].content).map((record) => record.status).sort(), ['PAID', 'SENT']);
		}],
		['sandbox: one create, answered 429; the list, 200', () => assert.deepEqual(callsOf(run.requests), ['POST /v1/invoices 429', 'GET /v1/invoices 200'])],
	],
};

const largeList: AssistantCase = {
	label: 'Get Many, limit 300',
	title: `list invoices asking for 300 of ${LISTED_INVOICES}+`,
	copy: 'main',
	sandbox: 'main',
	message: 'List all invoices.',
	script: sequence(
		() => call(TOOL.list, { limit: 300 }),
		() => say('Here are the latest 25 invoices.'),
	),
	checks: (run) => [
		['the model gets 25 compact invoices and a last item { note: "…N more… narrow…" }', () => {
			const records = recordsIn(run.results[0].content);
			assert.equal(records.length, 26, run.results[0].content.slice(0, 300));
			const note = records[25];
			assert.deepEqual(Object.keys(note), ['note']);
			assert.match(String(note.note), /\d+ more/);
			assert.match(String(note.note), /narrow/i);
			for (const record of records.slice(0, 25)) assert.equal(typeof record.counterParty, 'undefined');
		}],
		['the result stays under 10,000 characters', () => assert.ok(run.results[0].content.length < 10_000, `${run.results[0].content.length} characters`)],
	],
};

const filteredList: AssistantCase = {
	label: 'Get Many with filters',
	title: 'which invoices of Globex are overdue (status and customer filters)',
	copy: 'main',
	sandbox: 'main',
	message: 'Which invoices of Globex are overdue?',
	script: sequence(
		() => call(TOOL.find, { name: 'Globex' }),
		([found]) => call(TOOL.list, { status: 'OVERDUE', customerId: String(recordsIn(found.content)[0]?._id), limit: 25 }),
		([, listed]) => say(`Globex has ${recordsIn(listed.content).length} overdue invoices.`),
	),
	checks: (run, { main }) => [
		["the model gets Globex's overdue invoices, every one of them and nothing else", () => {
			const listed = recordsIn(run.results[1].content);
			const expected = [...main.invoices.values()].filter((invoice) => invoice.status === 'OVERDUE' && (invoice.counterParty as IDataObject | null)?._id === SEED_IDS.globex);
			assert.ok(expected.length > 0 && expected.length <= 25, `the sandbox holds ${expected.length} such invoices`);
			assert.deepEqual(listed.map((record) => record._id).sort(), expected.map((invoice) => invoice._id).sort());
			for (const record of listed) assert.equal(record.counterparty, 'Globex');
		}],
		['sandbox: the search, then reads of the invoice list only', () => {
			const calls = callsOf(run.requests);
			assert.equal(calls[0], 'GET /v1/counterparties 200');
			assert.ok(calls.length > 1 && calls.slice(1).every((entry) => entry === 'GET /v1/invoices 200'), calls.join(', '));
		}],
	],
};

export const ASSISTANT_CASES: AssistantCase[] = [success, conflictThenRecovery, invalidId, unknownId, unknownIdContinue, toolsAsShippedOn1x, streamedChat, minuteLimit, minuteWait, dayUsedUp, largeList, filteredList];
