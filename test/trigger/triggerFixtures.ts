import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox, SandboxOptions } from '../../sandbox/server';
import type { ApiRecord } from '../../sandbox/store';
import { sandboxCredential, startSandbox } from '../engine/fixtures';
import { ActiveTrigger } from './pollHarness';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** The sandbox's clock: createdAt and updatedAt are stamped from it; tests move it. */
export class ApiClock {
	constructor(public now = Date.parse('2026-03-02T09:00:00.000Z')) {}

	advance(ms: number): void {
		this.now += ms;
	}
}

export interface TriggerSetup {
	sandbox: Sandbox;
	clock: ApiClock;
	trigger: ActiveTrigger;
	/** Requests the sandbox has answered so far on this path (e.g. `/v1/invoices`). */
	readsOf(path: string): number;
}

export async function setUpTrigger(parameters: INodeParameters, options: SandboxOptions = {}): Promise<TriggerSetup> {
	const clock = new ApiClock();
	const sandbox = await startSandbox({ now: () => clock.now, ...options });
	return {
		sandbox,
		clock,
		trigger: new ActiveTrigger(parameters, sandboxCredential(sandbox)),
		readsOf: (path) => sandbox.requestsTo('GET', path).length,
	};
}

/** Adds `count` invoices, one clock step apart (0: all stamped with the same time). */
export function addInvoices(setup: TriggerSetup, count: number, stepMs = 1_000, status: 'DRAFT' | 'SENT' = 'DRAFT'): string[] {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		setup.clock.advance(stepMs);
		ids.push(setup.sandbox.addInvoice(status));
	}
	return ids;
}

export function invoice(setup: TriggerSetup, id: string): ApiRecord {
	const record = setup.sandbox.invoices.get(id.toLowerCase());
	if (!record) throw new Error(`no invoice ${id}`);
	return record;
}

/** Changes an invoice as the API does (its updatedAt moves to the clock's time). */
export function changeInvoice(setup: TriggerSetup, id: string, changes: Record<string, unknown>, afterMs = MINUTE): void {
	setup.clock.advance(afterMs);
	setup.sandbox.store.touch(invoice(setup, id), changes);
}

export function idsOf(items: Array<Record<string, unknown>> | null): string[] {
	return (items ?? []).map((item) => String(item._id));
}
