import { createHash } from 'node:crypto';

/** The credential and workflow of one queue scenario (one sandbox, one API root). */
export interface ScenarioWiring {
	slug: string;
	credentialId: string;
	credentialName: string;
	workflowId: string;
	webhookPath: string;
}

export const DELETE_NODE = 'Delete draft invoice';

export function wiringFor(slug: string, index: number): ScenarioWiring {
	const number = String(index + 1).padStart(4, '0');
	return {
		slug,
		credentialId: `BkQueueCred${number}`,
		credentialName: `Bookeeping queue ${slug}`,
		workflowId: `BkQueueWorkflow${number}`,
		webhookPath: `bookeeping-queue-${slug}`,
	};
}

/** A stable UUID-shaped id from a name. */
function uuidOf(name: string): string {
	const hex = createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Webhook (`POST { invoices: [{ invoiceId }] }`, answered at once) → Split Out → Bookeeping
 * Invoice → Delete with On Error = Continue (using error output): what a clean-up job fired
 * by another system looks like. No Code node, so no task runner is needed.
 */
export function deleteWorkflow(wiring: ScenarioWiring) {
	const node = (name: string) => uuidOf(`${wiring.slug}:${name}`);
	return {
		id: wiring.workflowId,
		name: `Bookeeping queue test: ${wiring.slug}`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [
			{
				id: node('webhook'),
				name: 'Deletes requested',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: node('webhookId'),
				parameters: { httpMethod: 'POST', path: wiring.webhookPath, options: {} },
			},
			{
				id: node('split'),
				name: 'One item per invoice',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.invoices', options: {} },
			},
			{
				id: node('delete'),
				name: DELETE_NODE,
				type: 'n8n-nodes-bookeeping.bookeeping',
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueErrorOutput',
				parameters: { resource: 'invoice', operation: 'delete', invoiceId: '={{ $json.invoiceId }}' },
				credentials: { bookeepingApi: { id: wiring.credentialId, name: wiring.credentialName } },
			},
		],
		connections: {
			'Deletes requested': { main: [[{ node: 'One item per invoice', type: 'main', index: 0 }]] },
			'One item per invoice': { main: [[{ node: DELETE_NODE, type: 'main', index: 0 }]] },
		},
	};
}

export function credentialFor(wiring: ScenarioWiring, apiKey: string, baseUrl: string) {
	return { id: wiring.credentialId, name: wiring.credentialName, type: 'bookeepingApi', data: { apiKey, region: 'custom', baseUrl } };
}
