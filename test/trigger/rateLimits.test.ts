import type { Sandbox } from '../../sandbox/server';
import { API_KEY } from '../engine/fixtures';
import { ActiveTrigger } from './pollHarness';
import { addInvoices, DAY, idsOf, MINUTE, setUpTrigger, type TriggerSetup } from './triggerFixtures';

const INVOICES = '/v1/invoices';
const realNow = Date.now.bind(Date);

describe('Bookeeping Trigger: rate limits and credentials', () => {
	let setup: TriggerSetup;
	let sandbox: Sandbox;
	/** Moves n8n's (and the limiter's) wall clock forward. */
	let wallOffset = 0;
	beforeEach(() => {
		// Noon UTC, whatever the real time: the API's day ends at UTC midnight, and the checks below
		// move the clock by up to an hour before the day may end.
		const real = realNow();
		wallOffset = Math.floor(real / DAY) * DAY + DAY / 2 - real;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + wallOffset);
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await sandbox.stop();
	});

	async function start(options: Parameters<typeof setUpTrigger>[1] = {}, apiKey?: string) {
		setup = await setUpTrigger({ event: 'invoiceCreated' }, options);
		sandbox = setup.sandbox;
		if (apiKey) {
			setup.trigger = new ActiveTrigger({ event: 'invoiceCreated' }, { apiKey, region: 'custom', baseUrl: sandbox.baseUrl });
		}
		return setup;
	}

	it('a per-minute 429 fails one poll with the reason (failure rate-limited), then the trigger waits without a request and carries on', async () => {
		const { trigger, readsOf } = await start({ readLimits: { perWindow: 2, perDay: 6000 }, windowMode: 'firstRequest' });
		await trigger.activate();
		const [first] = addInvoices(setup, 1, MINUTE);
		expect(idsOf((await trigger.poll()).items)).toEqual([first]);
		const [second] = addInvoices(setup, 1, MINUTE);

		const refused = await trigger.poll();
		expect(refused.items).toBeNull();
		expect(refused.error?.message).toMatch(/per-minute read limit was hit\. The trigger sends no request until .+, then carries on where it left off/);
		expect(refused.error?.failure).toEqual({ cause: 'rate-limited', retryAfterMs: expect.any(Number) });

		const reads = readsOf(INVOICES);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(readsOf(INVOICES)).toBe(reads);

		wallOffset += 61_000;
		expect(idsOf((await trigger.poll()).items)).toEqual([second]);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('a used-up day at a poll is said once (failure quota-exhausted); no request until the quota resets, then nothing is missed', async () => {
		const { trigger, readsOf } = await start();
		await trigger.activate();
		const created = addInvoices(setup, 2, MINUTE);
		sandbox.limiter.exhaustDay(API_KEY, 'read');

		const refused = await trigger.poll();
		expect(refused.error?.message).toMatch(/daily read limit is used up \(6000 of 6000 reads today\)\. The trigger sends no request until /);
		expect(refused.error?.failure).toEqual({ cause: 'quota-exhausted', resetsAtEpochMs: expect.any(Number) });
		const reads = readsOf(INVOICES);
		for (let tick = 0; tick < 3; tick++) {
			wallOffset += 15 * MINUTE;
			expect(await trigger.poll()).toEqual({ items: null });
		}
		expect(readsOf(INVOICES)).toBe(reads);

		wallOffset += DAY;
		expect(idsOf((await trigger.poll()).items)).toEqual(created);
	});

	it('a used-up day at activation does not refuse activation; the baseline waits for the quota', async () => {
		const { trigger } = await start();
		addInvoices(setup, 3);
		sandbox.limiter.exhaustDay(API_KEY, 'read');
		expect(await trigger.activate()).toEqual({ items: null });
		expect(trigger.state).toMatchObject({ baselined: false, waitReason: 'day' });

		wallOffset += DAY;
		expect(await trigger.poll()).toEqual({ items: null });
		expect(trigger.state).toMatchObject({ baselined: true, notBefore: 0 });
		const [later] = addInvoices(setup, 1, MINUTE);
		expect(idsOf((await trigger.poll()).items)).toEqual([later]);
	});

	it('a key Bookeeping.ai refuses fails activation (failure credential-invalid) without quoting the key', async () => {
		const wrongKey = 'sk_wrong_9a8b7c6d5e4f_NEVER_PRINT';
		const { trigger } = await start({}, wrongKey);
		const refused = await trigger.activate();
		expect(refused.error?.message).toMatch(/did not accept the API key/);
		expect(refused.error?.failure).toEqual({ cause: 'credential-invalid' });
		expect(JSON.stringify({ ...refused.error, message: refused.error?.message, state: trigger.state })).not.toContain(wrongKey);
	});
});
