import type { INodeExecutionData } from 'n8n-workflow';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { FAULTS, type Fault } from '../sandbox/faults';
import { newObjectId, type Sandbox } from '../sandbox/server';
import { API_KEY, deleteInvoiceParameters, sandboxCredential, startSandbox } from './engine/fixtures';
import { runBookeeping, type OnError } from './engine/runWorkflow';

const ITEMS = Number(process.env.LOAD_ITEMS ?? 1000);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

/** Ten outcomes, repeated: what an unattended clean-up meets on a bad day. */
const OUTCOMES: Array<(sandbox: Sandbox) => string> = [
	(sandbox) => sandbox.addInvoice('DRAFT'),
	(sandbox) => sandbox.addInvoice('SENT'),
	(sandbox) => withFault(sandbox, FAULTS.dailyLimitReached),
	(sandbox) => withFault(sandbox, { kind: 'status', status: 400, body: { error: 'BadRequestError', message: 'Bad' } }),
	() => newObjectId(),
	(sandbox) => withFault(sandbox, FAULTS.serverError),
	(sandbox) => withFault(sandbox, FAULTS.badGatewayHtml),
	(sandbox) => withFault(sandbox, FAULTS.reset),
	(sandbox) => withFault(sandbox, FAULTS.malformedJson200),
	() => 'INV-0042',
];

function withFault(sandbox: Sandbox, fault: Fault): string {
	const id = sandbox.addInvoice('DRAFT');
	sandbox.setFault(id, fault);
	return id;
}

function captureOutput(): { text: () => string; restore: () => void } {
	const chunks: string[] = [];
	const spies = [process.stdout, process.stderr].map((stream) => {
		const write = stream.write.bind(stream);
		return jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
			chunks.push(String(chunk));
			return write(chunk, ...(rest as []));
		});
	});
	return { text: () => chunks.join(''), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
	let peakRss = process.memoryUsage().rss;
	let sampling = true;
	const sample = async () => {
		while (sampling) {
			peakRss = Math.max(peakRss, process.memoryUsage().rss);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	};
	const sampler = sample();
	try {
		return { value: await work(), peakRss };
	} finally {
		sampling = false;
		await sampler;
	}
}

describe(`load: ${ITEMS} items mixing all outcomes`, () => {
	let sandbox: Sandbox;
	const peaks: number[] = [];
	const heaps: number[] = [];
	beforeEach(async () => {
		sandbox = await startSandbox({ writeLimits: { perWindow: 1_000_000, perDay: 1_000_000 } });
	});
	afterEach(async () => await sandbox.stop());
	const megabytes = (values: number[]) => values.map((bytes) => Math.round(bytes / 2 ** 20)).join(', ');
	afterAll(() => console.log(`peak RSS per run (MB): ${megabytes(peaks)}; heap after GC (MB): ${megabytes(heaps)}`));

	function inputs() {
		return Array.from({ length: ITEMS }, (_, index) => ({ index, invoiceId: OUTCOMES[index % OUTCOMES.length](sandbox) }));
	}
	const validIds = (items: ReturnType<typeof inputs>) => items.filter((item) => /^[0-9a-f]{24}$/.test(item.invoiceId));

	it.each<OnError>(['continueErrorOutput', 'continueRegularOutput', 'continueErrorOutput', 'continueRegularOutput'])(
		'On Error = %s: count in = count out, each item once, one request per valid id, nothing leaked',
		async (onError) => {
			const items = inputs();
			const output = captureOutput();

			const { value: result, peakRss } = await withPeakRss(() =>
				runBookeeping({ items, parameters: deleteInvoiceParameters(), credential: sandboxCredential(sandbox), onError }),
			);
			output.restore();
			peaks.push(peakRss);

			const out: INodeExecutionData[] = [...result.success, ...result.errorOutput];
			expect(out).toHaveLength(ITEMS);
			const indexes = out.map((item) => (item.json.index ?? (item.pairedItem as { item: number }).item) as number);
			expect(new Set(indexes).size).toBe(ITEMS);
			const deletes = sandbox.requestsTo('DELETE');
			expect(deletes).toHaveLength(validIds(items).length);
			expect(new Set(deletes.map((request) => request.path)).size).toBe(deletes.length);
			expect(deletes.some((request) => request.path.includes('INV-0042'))).toBe(false);
			expect(result.success.filter((item) => item.json.deleted === true)).toHaveLength(ITEMS / OUTCOMES.length);
			expect(JSON.stringify(result.run)).not.toContain(API_KEY);
			expect(output.text()).not.toContain(API_KEY);
			heaps.push(heapAfterGc());
		},
	);

	it('On Error = Stop Workflow: the run fails, and no valid id is requested twice', async () => {
		const items = inputs();

		const result = await runBookeeping({ items, parameters: deleteInvoiceParameters(), credential: sandboxCredential(sandbox) });

		expect(result.error?.message).toEqual(expect.any(String));
		const deletes = sandbox.requestsTo('DELETE');
		expect(deletes.length).toBeLessThanOrEqual(validIds(items).length);
		expect(new Set(deletes.map((request) => request.path)).size).toBe(deletes.length);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
	});

	it('memory stays flat across repeated runs: what a run leaves on the heap is collected', () => {
		expect(heaps).toHaveLength(4);
		expect(heaps[3] - heaps[1]).toBeLessThan(20 * 2 ** 20);
	});
});
