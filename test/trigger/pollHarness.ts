import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters, IWorkflowExecuteAdditionalData, WorkflowActivateMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { loadBuiltPackage } from '../engine/builtPackage';
import { TestCredentialsHelper } from '../engine/credentialsHelper';
import { additionalDataFor, nodeTypesOf } from '../engine/runWorkflow';

export const TRIGGER_TYPE = 'n8n-nodes-bookeeping.bookeepingTrigger';
const TRIGGER_NAME = 'Bookeeping Trigger';

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
	private workflow!: Workflow;
	private additionalData!: IWorkflowExecuteAdditionalData;
	private polls = 0;
	readonly node: INode;

	constructor(
		parameters: INodeParameters,
		private readonly credential: ICredentialDataDecryptedObject,
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
			id: 'trigger-test',
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf({ [TRIGGER_TYPE]: built.trigger }),
			staticData: JSON.parse(JSON.stringify(this.saved)),
			settings: {},
		});
		const hooks = new ExecutionLifecycleHooks('trigger', 'poll', {
			id: 'trigger-test',
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

	private async run(context: PollContext): Promise<PollOutcome> {
		const built = await loadBuiltPackage();
		try {
			const result = await built.trigger.poll!.call(context);
			return { items: result ? result[0].map((item) => item.json) : null };
		} catch (error) {
			return { items: null, error: error as PollOutcome['error'] };
		}
	}
}
