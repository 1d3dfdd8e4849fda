import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { examplesDir } from './paths';

export const EXAMPLE_FILES = {
	crmDealLost: 'delete-draft-invoice-when-crm-deal-lost.json',
	batchDelete: 'delete-a-batch-of-draft-invoices.json',
} as const;

/** An example workflow file from examples/, parsed. */
export function readExampleWorkflow<T = Record<string, unknown>>(fileName: string): T {
	return JSON.parse(readFileSync(join(examplesDir, fileName), 'utf8')) as T;
}

export function readAllExampleWorkflows<T = Record<string, unknown>>(): T[] {
	return Object.values(EXAMPLE_FILES).map((fileName) => readExampleWorkflow<T>(fileName));
}
