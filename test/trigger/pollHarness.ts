import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters, IWorkflowExecuteAdditionalData, WorkflowActivateMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { loadBuiltPackage } from '../engine/builtPackage';
import { TestCredentialsHelper } from '../engine/credentialsHelper';
import { additionalDataFor, nodeTypesOf } from '../engine/runWorkflow';

export const TRIGGER_TYPE = 'n8n-nodes-bookeeping.bookeepingTrigger';
const TRIGGER_NAME = 'Bookeeping Trigger';

export interface LogEntry {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
}

export interface PollOutcome {
	/** The items the poll returned (n8n starts one execution with them), or null for none. */
	items: IDataObject[] | null;
	/** What the poll threw: n8n records it as a failed execution (or refuses activation). */
	error?: Error & { failure?: { cause: string }; description?: string };
}

/**
 * An active workflow with the Bookeeping Trigger, polled as n8n does it: through n8n-core's
 * PollContext, on one Workflow object whose static data persists in memory between polls.
 * Like n8n, it saves the static data after activation and after each poll that returned items;
 * `restart()` reloads the workflow from what was saved, round-tripped through JSON.
 */
export class ActiveTrigger {
	/** The static data as n8n last saved it to the database. */
	saved: IDataObject = {};
	/** What the trigger wrote to n8n's log. */
	readonly logs: LogEntry[] = [];
	private workflow!: Workflow;
	private additionalData!: IWorkflowExecuteAdditionalData;
	private polls = 0;
	readonly node: INode;

	constructor(
		parameters: INodeParameters,
		private readonly credential: ICredentialDataDecryptedObject,
		/** n8n makes ids of 16 characters. */
		private readonly workflowId = 'BkTriggerTest001',
	) {
		this.node = {
			id: 'trigger',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { bookeepingApi: { id: '1', name: 'Bookeeping test' } },
		};
	}

	/** Activates (publishes) the workflow: n8n polls at once, and a throw refuses activation. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollOutcome> {
		const built = await loadBuiltPackage();
		this.workflow = new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf({ [TRIGGER_TYPE]: built.trigger }),
			staticData: JSON.parse(JSON.stringify(this.saved)),
			settings: {},
		});
		const hooks = new ExecutionLifecycleHooks('trigger', 'poll', {
			id: this.workflowId,
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		});
		this.additionalData = additionalDataFor(new TestCredentialsHelper(built.credential, this.credential), hooks);
		this.activation = activation;
		const outcome = await this.poll();
		if (!outcome.error) this.save();
		return outcome;
	}

	private activation: WorkflowActivateMode = 'activate';

	/** One scheduled poll. */
	async poll(): Promise<PollOutcome> {
		this.polls++;
		const context = new PollContext(this.workflow, this.node, this.additionalData, 'trigger', this.activation);
		const outcome = await this.run(context);
		if (outcome.items) this.save();
		return outcome;
	}

	/** "Fetch Test Event" in the editor: a manual poll of the workflow as saved. */
	async fetchTestEvent(): Promise<PollOutcome> {
		const context = new PollContext(this.workflow, this.node, this.additionalData, 'manual', 'manual');
		return await this.run(context);
	}

	/** n8n restarts: the workflow is loaded again with the static data it last saved. */
	async restart(): Promise<PollOutcome> {
		return await this.activate('init');
	}

	/** The trigger's static data as it is in memory now. */
	get state(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.node))) as IDataObject;
	}

	private save(): void {
		this.saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	/** Keeps what the trigger logs through this context (n8n's logger otherwise). */
	private recordLogs(context: PollContext): void {
		const entry = (level: LogEntry['level']) => (message: string) => void this.logs.push({ level, message });
		const logger = { error: entry('error'), warn: entry('warn'), info: entry('info'), debug: entry('debug') };
		Object.defineProperty(context, 'logger', { value: logger });
	}

	private async run(context: PollContext): Promise<PollOutcome> {
		const built = await loadBuiltPackage();
		this.recordLogs(context);
		try {
			const result = await built.trigger.poll!.call(context);
			return { items: result ? result[0].map((item) => item.json) : null };
		} catch (error) {
			return { items: null, error: error as PollOutcome['error'] };
		}
	}
}
