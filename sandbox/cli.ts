import { Sandbox } from './server';

/** `npm run sandbox`: the local Bookeeping.ai API on its own, seeded with a few invoices. */
async function main(): Promise<void> {
	const apiKey = process.env.SANDBOX_API_KEY ?? 'sk_sandbox_demo';
	const sandbox = await new Sandbox({
		port: Number(process.env.SANDBOX_PORT ?? 4010),
		apiKeys: [apiKey],
		windowMs: Number(process.env.SANDBOX_WINDOW_MS ?? 60_000),
	}).start();
	const drafts = [1, 2, 3].map(() => sandbox.addInvoice('DRAFT'));
	const sent = [sandbox.addInvoice('SENT'), sandbox.addInvoice('PAID')];
	console.log(`Bookeeping.ai sandbox listening on ${sandbox.url}`);
	console.log(`  credential: Region "Custom Base URL", Base URL ${sandbox.baseUrl}, API key ${apiKey}`);
	console.log(`  draft invoices (deletable): ${drafts.join(', ')}`);
	console.log(`  sent/paid invoices (409):   ${sent.join(', ')}`);
	console.log('Press Ctrl-C to stop.');
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
