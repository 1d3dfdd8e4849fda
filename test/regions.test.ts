import { REGION_BASE_URLS } from '../nodes/Bookeeping/pipeline/baseUrl';
import type { Sandbox } from '../sandbox/server';
import { testCredential } from './engine/credentialTest';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from './engine/fixtures';
import { runBookeeping } from './engine/runWorkflow';

const originOf = (url: string) => new URL(url).origin;

describe('regions', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => await sandbox.stop());

	it.each([
		['us', 'https://api.bookeeping.ai/public-api'],
		['eu', 'https://eu-api.bookeeping.ai/public-api'],
		['ca', 'https://ca-api.bookeeping.ai/public-api'],
	])('region %s sends the delete to %s', async (region, baseUrl) => {
		const id = sandbox.addInvoice('DRAFT');

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters(),
			credential: { apiKey: API_KEY, region },
			hostRoutes: { [originOf(baseUrl)]: sandbox.url },
		});

		expect(result.sent).toEqual([{ method: 'DELETE', url: `${baseUrl}/v1/invoices/${id}` }]);
		expect(result.success.map((item) => item.json)).toEqual([{ id, deleted: true }]);
	});

	it.each(['', '/', '//', '/ '])('a custom base URL ending in %j calls the same path', async (suffix) => {
		const id = sandbox.addInvoice('DRAFT');

		const result = await runBookeeping({
			items: [{ invoiceId: id }],
			parameters: deleteInvoiceParameters(),
			credential: { ...sandboxCredential(sandbox), baseUrl: sandbox.baseUrl + suffix },
		});

		expect(result.sent).toEqual([{ method: 'DELETE', url: `${sandbox.baseUrl}/v1/invoices/${id}` }]);
		expect(result.success).toHaveLength(1);
	});
});

describe('credential test', () => {
	let us: Sandbox;
	let eu: Sandbox;
	const routes = () => ({
		[originOf(REGION_BASE_URLS.us)]: us.url,
		[originOf(REGION_BASE_URLS.eu)]: eu.url,
	});
	beforeAll(async () => {
		us = await startSandbox({ apiKeys: ['sk_us_account'] });
		eu = await startSandbox({ apiKeys: ['sk_eu_account'] });
	});
	afterAll(async () => {
		await us.stop();
		await eu.stop();
	});

	it('passes for a good key in its region, with a cheap authenticated read', async () => {
		const result = await testCredential({ apiKey: 'sk_eu_account', region: 'eu' }, routes());

		expect(result).toMatchObject({ status: 'OK', message: 'Connection successful!' });
		expect(result.sent).toEqual([{ method: 'GET', url: `${REGION_BASE_URLS.eu}/v1/invoices` }]);
		expect(eu.requests.at(-1)).toMatchObject({ query: { page: '1', limit: '1' }, authorization: 'Bearer sk_eu_account' });
	});

	it('fails for a wrong key, saying to check the key and the region', async () => {
		const result = await testCredential({ apiKey: 'sk_wrong', region: 'us' }, routes());

		expect(result.status).toBe('Error');
		expect(result.message).toContain('The API key was refused');
		expect(result.message).toContain('Region');
	});

	it('fails for a good key tested in another region', async () => {
		const result = await testCredential({ apiKey: 'sk_eu_account', region: 'us' }, routes());

		expect(result.status).toBe('Error');
		expect(result.sent[0].url).toBe(`${REGION_BASE_URLS.us}/v1/invoices`);
	});

	it('tests a custom base URL against that URL', async () => {
		const ok = await testCredential({ apiKey: 'sk_us_account', region: 'custom', baseUrl: `${us.baseUrl}/` });
		const refused = await testCredential({ apiKey: 'sk_eu_account', region: 'custom', baseUrl: us.baseUrl });

		expect(ok.status).toBe('OK');
		expect(refused.status).toBe('Error');
	});
});
