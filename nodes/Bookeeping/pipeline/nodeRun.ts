import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { BookeepingError } from './errors';

/**
 * What the items of one run of the node share. n8n starts every item's request at once, and
 * its Retry On Fail reruns the node with the same execution data; a run is told from the next
 * by an item index starting a second time.
 */
export class NodeRun {
	/** Max Wait counts from here. */
	readonly startedAt = Date.now();
	private readonly started = new Set<number>();
	private failure: { itemIndex: number; error: BookeepingError } | undefined;
	private credential: Promise<unknown> | undefined;

	/** Returns false when the item was already started: a new run (a retry) begins. */
	start(itemIndex: number): boolean {
		if (this.started.has(itemIndex)) return false;
		this.started.add(itemIndex);
		return true;
	}

	/**
	 * Under Stop Workflow, as if the items ran one after another: once an item failed, no item
	 * after it is sent, while items before it still are. The run then fails with that item's
	 * own error, whatever the rate-limit mode.
	 */
	recordFailure(itemIndex: number, error: BookeepingError): void {
		if (!this.failure || itemIndex < this.failure.itemIndex) this.failure = { itemIndex, error };
	}

	/** The failure that keeps this item from being sent, if any. */
	failureBefore(itemIndex: number): BookeepingError | undefined {
		return this.failure && this.failure.itemIndex < itemIndex ? this.failure.error : undefined;
	}

	/** The credential, read once for the whole run. */
	async credentialOf<T>(context: IExecuteSingleFunctions, type: string): Promise<T> {
		this.credential ??= context.getCredentials(type);
		return (await this.credential) as T;
	}
}

const runs = new WeakMap<object, NodeRun>();

/** The run an item belongs to; a new one when its index was already started (Retry On Fail). */
export function nodeRunOf(context: IExecuteSingleFunctions): NodeRun {
	const key = context.getExecuteData();
	let run = runs.get(key);
	if (!run || !run.start(context.getItemIndex())) {
		run = new NodeRun();
		run.start(context.getItemIndex());
		runs.set(key, run);
	}
	return run;
}
