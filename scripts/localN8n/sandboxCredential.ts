import { writeFileSync } from 'node:fs';

/** The credential every example workflow refers to; importing it under this id wires them up. */
export const SANDBOX_CREDENTIAL = { id: 'BkSandboxCred0001', name: 'Bookeeping sandbox', type: 'bookeepingApi' } as const;

/** Writes the file `n8n import:credentials` reads; n8n encrypts the plain `data` on import. */
export function writeSandboxCredentialFile(path: string, apiKey: string, sandboxBaseUrl: string): void {
	const credential = { ...SANDBOX_CREDENTIAL, data: { apiKey, region: 'custom', baseUrl: sandboxBaseUrl } };
	writeFileSync(path, JSON.stringify([credential], null, 2));
}
