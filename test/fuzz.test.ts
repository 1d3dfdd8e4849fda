import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from './engine/fixtures';
import { runBookeeping } from './engine/runWorkflow';

/** FUZZ_RUNS=2000 npm test runs a longer search. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Rate limits are not under test here. */
const UNLIMITED = { writeLimits: { perWindow: 1_000_000, perDay: 1_000_000 } };
const isValidId = (value: unknown) => typeof value === 'string' && /^[0-9a-fA-F]{24}$/.test(value.trim());
const hexId = fc.stringMatching(/^[0-9a-fA-F]{24}$/);
const whitespace = fc.stringMatching(/^[ \t\r\n]{0,3}$/);

const hostileString = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom('..', '/', '%2F', '?', '#', '\r\n', '../x', '..%2F..%2Fadmin', '?id=1', '#top', '\u0000', 'null', 'undefined', '{{ $json.id }}'),
	fc.stringMatching(/^[0-9a-f]{0,23}$/),
	fc.stringMatching(/^[0-9a-f]{25,48}$/),
	fc.tuple(hexId, fc.nat(23), fc.constantFrom('/', '?', '#', '%', ' ', '\n', 'g', 'Z', '.', '\u00e9')).map(
		([id, at, char]) => id.slice(0, at) + char + id.slice(at + 1),
	),
	fc.tuple(hexId, fc.constantFrom('/', '/send', '?x=1', '#a', '%2F..', '..')).map(([id, suffix]) => id + suffix),
	fc.string({ minLength: 1000, maxLength: 4000 }),
);

const notAnId = fc
	.oneof(
		{ weight: 6, arbitrary: hostileString as fc.Arbitrary<unknown> },
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.constant(undefined),
		fc.array(fc.anything(), { maxLength: 3 }),
		fc.object({ maxDepth: 1 }),
	)
	.filter((value) => !isValidId(value));

describe('property-based: Invoice ID', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox(UNLIMITED);
	});
	afterAll(async () => await sandbox.stop());

	it('never sends a request for a value that is not a 24-hex id, and names the item and field', async () => {
		let cases = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(notAnId, { minLength: 10, maxLength: 60 }), async (values) => {
				const before = sandbox.requests.length;
				const items = values.map((value, index) => ({ index, ...(value === undefined ? {} : { invoiceId: value as IDataObject[string] }) }));

				const result = await runBookeeping({
					items,
					parameters: deleteInvoiceParameters(),
					credential: sandboxCredential(sandbox),
					onError: 'continueErrorOutput',
				});

				cases += values.length;
				expect(sandbox.requests.length).toBe(before);
				expect(result.success).toEqual([]);
				expect(result.errorOutput.map((item) => item.json.index)).toEqual(items.map((item) => item.index));
				for (const { json } of result.errorOutput) {
					expect(json.message).toMatch(new RegExp(`^Invalid Invoice ID in item ${json.index}: `));
					expect(json.error).toMatchObject({ field: 'invoiceId' });
				}
			}),
			{ numRuns: RUNS },
		);
				console.log(`invalid Invoice ID values tried: ${cases}`);
	});

	it('sends exactly one DELETE to /v1/invoices/<id> for each valid id, whatever its case and surrounding whitespace', async () => {
		let cases = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(fc.tuple(whitespace, hexId, whitespace), { minLength: 5, maxLength: 40, selector: ([, id]) => id.toLowerCase() }),
				async (entries) => {
					for (const [, id] of entries) sandbox.addInvoice('DRAFT', id);
					const before = sandbox.requests.length;

					const result = await runBookeeping({
						items: entries.map(([head, id, tail]) => ({ invoiceId: head + id + tail })),
						parameters: deleteInvoiceParameters(),
						credential: sandboxCredential(sandbox),
						onError: 'continueErrorOutput',
					});

					cases += entries.length;
					const paths = sandbox.requests.slice(before).map((request) => `${request.method} ${request.path}`);
					expect(paths.sort()).toEqual(entries.map(([, id]) => `DELETE /public-api/v1/invoices/${id}`).sort());
					expect(result.success.map((item) => item.json.id)).toEqual(entries.map(([, id]) => id));
				},
			),
			{ numRuns: RUNS },
		);
		console.log(`valid Invoice ID values tried: ${cases}`);
	});
});

describe('property-based: credential', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox(UNLIMITED);
	});
	afterAll(async () => await sandbox.stop());

	const unusableBaseUrl = (origin: string) =>
		fc.oneof(
			fc.constantFrom('ftp://', 'file://', 'ws://', 'javascript:', 'mailto:', 'data:').map((scheme) => `${scheme}${origin.replace(/^http:\/\//, '')}/public-api`),
			fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z0-9]{0,8}$/)).map(
				([user, password]) => origin.replace('http://', `http://${user}${password ? `:${password}` : ''}@`) + '/public-api',
			),
			fc.stringMatching(/^[a-z0-9=&]{0,10}$/).map((query) => `${origin}/public-api?${query}`),
			fc.stringMatching(/^[a-z0-9]{0,10}$/).map((fragment) => `${origin}/public-api#${fragment}`),
			fc.string({ maxLength: 30 }).filter((text) => !/^https?:\/\//i.test(text.trim())),
		);

	it('refuses a custom base URL that is not a plain http(s) URL, before any request', async () => {
		await fc.assert(
			fc.asyncProperty(unusableBaseUrl(sandbox.url), async (baseUrl) => {
				const before = sandbox.requests.length;

				const result = await runBookeeping({
					items: [{ invoiceId: 'a'.repeat(24) }],
					parameters: deleteInvoiceParameters(),
					credential: { apiKey: API_KEY, region: 'custom', baseUrl },
					onError: 'continueErrorOutput',
				});

				expect(sandbox.requests.length).toBe(before);
				expect(result.errorOutput).toHaveLength(1);
				expect(result.errorOutput[0].json.message).toMatch(/^The Bookeeping credential/);
				expect(JSON.stringify(result.run)).not.toContain(API_KEY);
			}),
			{ numRuns: RUNS * 2 },
		);
	});

	it('ignores trailing slashes on a good base URL', async () => {
		await fc.assert(
			fc.asyncProperty(fc.stringMatching(/^\/{0,4}$/), async (slashes) => {
				const id = sandbox.addInvoice('DRAFT');
				const result = await runBookeeping({
					items: [{ invoiceId: id }],
					parameters: deleteInvoiceParameters(),
					credential: { apiKey: API_KEY, region: 'custom', baseUrl: sandbox.baseUrl + slashes },
				});
				expect(result.sent).toEqual([{ method: 'DELETE', url: `${sandbox.baseUrl}/v1/invoices/${id}` }]);
			}),
			{ numRuns: 10 },
		);
	});

	it.each(['', '   ', undefined])('refuses an empty API key (%j) with a message that says so', async (apiKey) => {
		const before = sandbox.requests.length;

		const result = await runBookeeping({
			items: [{ invoiceId: 'a'.repeat(24) }],
			parameters: deleteInvoiceParameters(),
			credential: { ...(apiKey === undefined ? {} : { apiKey }), region: 'custom', baseUrl: sandbox.baseUrl },
		});

		expect(sandbox.requests.length).toBe(before);
		expect(result.error?.message).toMatch(/^The Bookeeping credential has no API key\. Open the Bookeeping credential/);
	});
});
