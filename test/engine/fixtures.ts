import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { Sandbox, type SandboxOptions } from '../../sandbox/server';

/** Distinctive, so a leak anywhere in a serialized run is easy to find. */
export const API_KEY = 'sk_test_4f1d8c2a9b7e6d5c3b2a1f0e_DO_NOT_LEAK';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await new Sandbox({ apiKeys: [API_KEY], ...options }).start();
}

export function sandboxCredential(sandbox: Sandbox, apiKey = API_KEY): ICredentialDataDecryptedObject {
	return { apiKey, region: 'custom', baseUrl: sandbox.baseUrl };
}

/** Invoice → Delete with the id taken from each input item's `invoiceId` field. */
export function deleteInvoiceParameters(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'invoice', operation: 'delete', invoiceId: '={{ $json.invoiceId }}', ...extra };
}
