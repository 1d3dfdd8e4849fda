import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { loadBuiltPackage } from './builtPackage';
import { TestCredentialsHelper, type SentRequest } from './credentialsHelper';
import { FixedItems } from './testNodes';
import { TOOL_NODE_TYPE, toolNodeOf } from './toolNode';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export const NODE_TYPE = 'n8n-nodes-bookeeping.bookeeping';
const FIXED_ITEMS_TYPE = 'test.fixedItems';
const NODE_NAME = 'Bookeeping';
const AFTER_NAME = 'After';

export function nodeTypesOf(types: Record<string, INodeType>): INodeTypes {
	return {
		getByName: (name) => types[name],
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(types[name], version),
		getKnownTypes: () => Object.fromEntries(Object.keys(types).map((name) => [name, { className: name, sourcePath: '' }])),
	};
}


export interface RunOptions {
	items: IDataObject[];
	parameters: INodeParameters;
	credential: ICredentialDataDecryptedObject;
	onError?: OnError;
	/** Node settings such as Retry On Fail (`retryOnFail`, `maxTries`, `waitBetweenTries`). */
	nodeSettings?: Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>>;
	/** Another node to run in Bookeeping's place, for a side-by-side measure (e.g. n8n's HTTP Request node). */
	nodeInstead?: { type: INodeType; typeName: string; typeVersion: number };
	/** Origins of real regions to send to the sandbox instead (the URL asked for is recorded). */
	hostRoutes?: Record<string, string>;
	/** Run the node as n8n registers it for AI agents (`bookeepingTool`). */
	asTool?: boolean;
	/** A node after Bookeeping (e.g. n8n's Filter node), for a side-by-side measure; its output is then `success`. */
	nodeAfter?: { type: INodeType; typeName: string; typeVersion: number; parameters: INodeParameters };
}

export interface RunResult {
	/** Items on the node's main output. */
	success: INodeExecutionData[];
	/** Items on the Error output (only with continueErrorOutput). */
	errorOutput: INodeExecutionData[];
	/** The execution error, when the run failed. */
	error: IRun['data']['resultData']['error'];
	/** Requests the node asked n8n to send, with the URL before any host re-routing. */
	sent: SentRequest[];
	/** How often the credential was read during the run. */
	credentialReads: number;
	run: IRun;
}

export function additionalDataFor(credentialsHelper: TestCredentialsHelper, hooks: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	const url = 'http://127.0.0.1:5678';
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used by these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${url}/rest`,
		instanceBaseUrl: url,
		formBaseUrl: `${url}/form`,
		formWaitingBaseUrl: `${url}/form-waiting`,
		formTestBaseUrl: `${url}/form-test`,
		webhookBaseUrl: `${url}/webhook`,
		webhookWaitingBaseUrl: `${url}/webhook-waiting`,
		webhookTestBaseUrl: `${url}/webhook-test`,
		mcpBaseUrl: `${url}/mcp`,
		mcpTestBaseUrl: `${url}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used by these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs Fixed Items → Bookeeping through n8n-core's WorkflowExecute and collects each output. */
export async function runBookeeping(options: RunOptions): Promise<RunResult> {
	const mode: WorkflowExecuteMode = 'manual';
	const nodes: INode[] = [
		{
			id: 'input',
			name: 'Input',
			type: FIXED_ITEMS_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items) },
		},
		{
			id: 'bookeeping',
			name: NODE_NAME,
			type: options.nodeInstead?.typeName ?? (options.asTool ? TOOL_NODE_TYPE : NODE_TYPE),
			typeVersion: options.nodeInstead?.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { bookeepingApi: { id: '1', name: 'Bookeeping test' } },
			onError: options.onError ?? 'stopWorkflow',
			...options.nodeSettings,
		},
	];
	const connections: IConnections = {
		Input: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
	};
	if (options.nodeAfter) {
		const { typeName, typeVersion, parameters } = options.nodeAfter;
		nodes.push({ id: 'after', name: AFTER_NAME, type: typeName, typeVersion, position: [400, 0], parameters });
		connections[NODE_NAME] = { main: [[{ node: AFTER_NAME, type: 'main', index: 0 }]] };
	}
	const workflowData = { id: 'test', name: 'test', nodes, connections, active: false, settings: {} };
	const built = await loadBuiltPackage();
	const nodeTypes = nodeTypesOf({
		[NODE_TYPE]: built.node,
		[TOOL_NODE_TYPE]: toolNodeOf(built.node),
		[FIXED_ITEMS_TYPE]: new FixedItems(),
		...(options.nodeInstead ? { [options.nodeInstead.typeName]: options.nodeInstead.type } : {}),
		...(options.nodeAfter ? { [options.nodeAfter.typeName]: options.nodeAfter.type } : {}),
	});
	const workflow = new Workflow({ ...workflowData, nodeTypes });

	const credentialsHelper = new TestCredentialsHelper(built.credential, options.credential, options.hostRoutes);
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		...workflowData,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalDataFor(credentialsHelper, hooks), mode, runExecutionData);
	const run = (await execution.processRunExecutionData(workflow)) ?? finished;
	const outputs = run.data.resultData.runData[options.nodeAfter ? AFTER_NAME : NODE_NAME]?.[0]?.data?.main ?? [];
	return {
		success: outputs[0] ?? [],
		errorOutput: outputs[1] ?? [],
		error: run.data.resultData.error,
		sent: credentialsHelper.sent,
		credentialReads: credentialsHelper.reads,
		run,
	};
}
