import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { loadBuiltPackage } from './builtPackage';
import { TestCredentialsHelper } from './credentialsHelper';
import { NODE_TYPE, additionalDataFor, nodeTypesOf } from './runWorkflow';

/** Calls one of the node's `methods.listSearch` as the editor's From List mode does, through n8n-core's LoadOptionsContext. */
export async function runListSearch(
	method: string,
	credential: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const built = await loadBuiltPackage();
	const node = {
		id: 'bookeeping',
		name: 'Bookeeping',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { resource: 'invoice', operation: 'delete' },
		credentials: { bookeepingApi: { id: '1', name: 'Bookeeping test' } },
	};
	const workflow = new Workflow({ id: 'search', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf({ [NODE_TYPE]: built.node }) });
	const helper = new TestCredentialsHelper(built.credential, credential);
	const hooks = new ExecutionLifecycleHooks('internal', 'search', { id: 'search', name: 'search', nodes: [], connections: {}, active: false, isArchived: false, createdAt: new Date(), updatedAt: new Date(), activeVersionId: null });
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(helper, hooks), 'parameters.invoiceId');
	const search = built.node.methods?.listSearch?.[method];
	if (!search) throw new Error(`The node has no list search ${method}`);
	return await search.call(context as unknown as ILoadOptionsFunctions, filter, paginationToken);
}
