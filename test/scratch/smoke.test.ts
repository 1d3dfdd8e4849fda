import { Sandbox } from '../../sandbox/server';
import { runBookeeping } from '../engine/runWorkflow';

test('smoke', async () => {
	const sandbox = await new Sandbox({ apiKeys: ['k1'] }).start();
	const draft = sandbox.addInvoice('DRAFT');
	const sent = sandbox.addInvoice('SENT');
	for (const onError of ['continueErrorOutput', 'continueRegularOutput', 'stopWorkflow'] as const) {
	const result = await runBookeeping({
		items: [{ invoice: draft, n: 1 }, { invoice: sent, n: 2 }, { invoice: 'nope', n: 3 }, { invoice: 5, n: 4 }],
		parameters: { resource: 'invoice', operation: 'delete', invoiceId: '={{ $json.invoice }}' },
		credential: { apiKey: 'k1', region: 'custom', baseUrl: sandbox.baseUrl + '/' },
		onError,
	});
	console.log(onError, JSON.stringify({ s: result.success, e: result.errorOutput, err: result.error && { m: result.error.message, d: result.error.description, h: (result.error as any).httpCode }, sent: result.sent }, null, 1));
	}
	console.log(sandbox.requests);
	await sandbox.stop();
});
