import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, Sandbox, SandboxOptions } from '../../sandbox/server';
import { sandboxCredential } from './fixtures';
import { runBookeeping, type OnError, type RunResult } from './runWorkflow';

/** Runs one Bookeeping operation against the sandbox and returns the run with the requests it sent. */
export async function runOperation(
	sandbox: Sandbox,
	parameters: Record<string, unknown>,
	options: { items?: IDataObject[]; onError?: OnError } = {},
): Promise<RunResult & { requests: RecordedRequest[] }> {
	const before = sandbox.requests.length;
	const result = await runBookeeping({
		items: options.items ?? [{}],
		parameters: parameters as INodeParameters,
		credential: sandboxCredential(sandbox),
		onError: options.onError,
	});
	return { ...result, requests: sandbox.requests.slice(before) };
}

/** What a request looked like on the wire, without what differs from run to run. */
export function wire(request: RecordedRequest) {
	return { method: request.method, path: request.path, query: request.query, body: request.body };
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** A sandbox that allows one request of the kind a minute, so the second item of a run meets a 429. */
export function oneRequestAMinute(kind: 'read' | 'write'): SandboxOptions {
	const limits = { perWindow: 1, perDay: 1000 };
	return kind === 'read' ? { readLimits: limits } : { writeLimits: limits };
}

/** The Options that let a 429 take the error path at once instead of being waited out. */
export const FAIL_ON_429 = { rateLimitHandling: 'failImmediately' };

/** The message of an id refused before sending. */
export function invalidIdMessage(label: string, itemIndex: number, shown: string, problem = 'not an id'): string {
	return `Invalid ${label} in item ${itemIndex}: ${shown} (${problem}). ${label} must be a 24-character hexadecimal id, e.g. 65f1c0ffee0123456789abcd.`;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The per-minute 429 message for a request the API refused (the seconds depend on the clock). */
export function perMinuteMessage(kind: 'read' | 'write', action: string): RegExp {
	return new RegExp(
		`^${escaped(`Bookeeping.ai's per-minute rate limit was hit (1 ${kind} requests a minute), so the node could not ${action}. Retry in `)}\\d+${escaped(' seconds, or let the node wait: Options > Rate Limit Handling > Wait and Retry, with a longer Max Wait.')}$`,
	);
}

/** A resource locator value in By ID mode, as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
