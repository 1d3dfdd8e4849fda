import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	INode,
	INodeType,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { loadBuiltPackage } from './builtPackage';
import { TestCredentialsHelper } from './credentialsHelper';
import { additionalDataFor, nodeTypesOf } from './runWorkflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The "Test" button: the same steps as n8n's CredentialsTester for a credential whose test
 * is a request. The node that declares the credential lends its description (so its
 * requestDefaults apply), its properties are replaced by one carrying the test request, and
 * n8n-core's RoutingNode sends it; its rules turn the answer into an error, as n8n's tester does.
 */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
	hostRoutes?: Record<string, string>,
): Promise<CredentialTestResult & { sent: TestCredentialsHelper['sent'] }> {
	const { node: bookeepingNode, credential } = await loadBuiltPackage();
	const test = credential.test as ICredentialTestRequest;
	const type = credential.name;
	const nodeType: INodeType = {
		description: {
			...bookeepingNode.description,
			credentials: [{ name: type, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } },
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: '1', name: 'Bookeeping test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf({ [node.type]: nodeType }),
	});
	const credentialsHelper = new TestCredentialsHelper(credential, data, hostRoutes);
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', {
		id: 'credential-test',
		name: 'credential test',
		nodes: [node],
		connections: {},
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentialsHelper, hooks),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: '1', name: 'Bookeeping test', type, data });
	const sent = credentialsHelper.sent;
	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const status = error.cause?.response?.status as number | undefined;
		if (status !== undefined) {
			const rule = test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
			return { status: 'Error', message: rule ? String(rule.properties.message) : `Received HTTP status code: ${status}`, sent };
		}
		return { status: 'Error', message: String(error.cause?.code ?? error.message), sent };
	}
	// As n8n's tester does: the first `responseSuccessBody` rule whose key holds its value fails the test.
	const body = (response?.[0]?.[0]?.json ?? {}) as Record<string, unknown>;
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], body);
		if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message, sent };
	}
	return { status: 'OK', message: 'Connection successful!', sent };
}
