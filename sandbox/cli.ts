import { readFileSync } from 'node:fs';

import type { Limits } from './rateLimiter';
import { API_GUESSES } from '../nodes/Bookeeping/apiGuesses';
import { addInvoiceBook } from './invoiceBook';
import { Sandbox, type InvoiceStatus } from './server';

const STATUSES: readonly InvoiceStatus[] = API_GUESSES.invoiceStatuses;

interface SeedInvoice {
	id: string;
	status: InvoiceStatus;
}

/** SANDBOX_SEED_FILE: a JSON array of `{ "id": "<24 hex>", "status": "DRAFT" | "SENT" | ... }`. */
function readSeedFile(path: string): SeedInvoice[] {
	let seed: unknown;
	try {
		seed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new Error(`SANDBOX_SEED_FILE ${path}: ${(error as Error).message}`);
	}
	if (!Array.isArray(seed)) throw new Error(`${path}: expected a JSON array of { id, status }`);
	return seed.map((entry: Partial<SeedInvoice>, index) => {
		if (typeof entry.id !== 'string' || !/^[0-9A-Fa-f]{24}$/.test(entry.id)) {
			throw new Error(`${path}: entry ${index} needs an "id" of 24 hexadecimal characters`);
		}
		if (!STATUSES.includes(entry.status as InvoiceStatus)) {
			throw new Error(`${path}: entry ${index} needs a "status", one of ${STATUSES.join(', ')}`);
		}
		return { id: entry.id, status: entry.status as InvoiceStatus };
	});
}

function numberFromEnv(name: string): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
	return value;
}

/** SANDBOX_WRITE_LIMIT_PER_WINDOW / SANDBOX_WRITE_LIMIT_PER_DAY override the documented 25 and 1500. */
function writeLimitsFromEnv(): Limits | undefined {
	const perWindow = numberFromEnv('SANDBOX_WRITE_LIMIT_PER_WINDOW');
	const perDay = numberFromEnv('SANDBOX_WRITE_LIMIT_PER_DAY');
	if (perWindow === undefined && perDay === undefined) return undefined;
	return { perWindow: perWindow ?? 25, perDay: perDay ?? 1500 };
}

function seedDefaultInvoices(sandbox: Sandbox): SeedInvoice[] {
	return [
		...[1, 2, 3].map(() => ({ id: sandbox.addInvoice('DRAFT'), status: 'DRAFT' as const })),
		{ id: sandbox.addInvoice('SENT'), status: 'SENT' },
		{ id: sandbox.addInvoice('PAID'), status: 'PAID' },
	];
}

/**
 * `npm run sandbox`: the local Bookeeping.ai API on its own, seeded with a few invoices
 * (or with the invoices of SANDBOX_SEED_FILE) and a book of older ones (SANDBOX_INVOICE_BOOK, default 120).
 */
async function main(): Promise<void> {
	const apiKey = process.env.SANDBOX_API_KEY ?? 'sk_sandbox_demo';
	const seedFile = process.env.SANDBOX_SEED_FILE;
	const seed = seedFile ? readSeedFile(seedFile) : undefined;
	const writeLimits = writeLimitsFromEnv();
	const sandbox = await new Sandbox({
		port: Number(process.env.SANDBOX_PORT ?? 4010),
		apiKeys: [apiKey],
		windowMs: Number(process.env.SANDBOX_WINDOW_MS ?? 60_000),
		writeLimits,
		overdueLagMs: numberFromEnv('SANDBOX_OVERDUE_LAG_MS'),
	}).start();
	const invoices = seed
		? seed.map(({ id, status }) => ({ id: sandbox.addInvoice(status, id), status }))
		: seedDefaultInvoices(sandbox);
	const book = numberFromEnv('SANDBOX_INVOICE_BOOK') ?? 120;
	addInvoiceBook(sandbox.store, book);
	const drafts = invoices.filter((invoice) => invoice.status === 'DRAFT').map((invoice) => invoice.id);
	const others = invoices.filter((invoice) => invoice.status !== 'DRAFT');
	console.log(`Bookeeping.ai sandbox listening on ${sandbox.url}`);
	console.log(`  credential: Region "Custom Base URL", Base URL ${sandbox.baseUrl}, API key ${apiKey}`);
	console.log(`  draft invoices (deletable): ${drafts.join(', ')}`);
	console.log(`  sent/paid invoices (409):   ${others.map((invoice) => (seed ? `${invoice.id} (${invoice.status})` : invoice.id)).join(', ')}`);
	console.log(`  and ${book} more invoices of three customers over six months, in every status (SANDBOX_INVOICE_BOOK)`);
	if (sandbox.store.overdueLagMs) console.log(`  sent invoices read as overdue ${sandbox.store.overdueLagMs} ms after their due date`);
	if (writeLimits) console.log(`  write limits: ${writeLimits.perWindow} a window, ${writeLimits.perDay} a day`);
	console.log('Press Ctrl-C to stop.');
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`Sandbox failed to start: ${error.message}`);
	process.exit(1);
});
