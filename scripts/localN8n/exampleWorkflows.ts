import { readFileSync, readdirSync } from 'node:fs';
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

/** Every workflow of examples/, so a new example is imported by the e2e and `npm run dev` without more code. */
export function readAllExampleWorkflows<T = Record<string, unknown>>(): T[] {
	return readdirSync(examplesDir)
		.filter((fileName) => fileName.endsWith('.json'))
		.sort()
		.map((fileName) => readExampleWorkflow<T>(fileName));
}
