import type { INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox/server';
import { SEED_IDS } from '../../sandbox/seed';
import type { ApiRecord } from '../../sandbox/store';
import { idsOf, MINUTE, setUpTrigger, type TriggerSetup } from './triggerFixtures';

describe('Bookeeping Trigger: transactions and counterparties', () => {
	let setup: TriggerSetup;
	let sandbox: Sandbox;
	afterEach(async () => await sandbox.stop());

	async function start(parameters: INodeParameters) {
		setup = await setUpTrigger(parameters);
		sandbox = setup.sandbox;
		return setup;
	}

	function addTransaction(refNo: string): ApiRecord {
		setup.clock.advance(MINUTE);
		const store = sandbox.store;
		return store.insert(store.transactions, {
			transactionDate: store.stamp(),
			currency: 'USD',
			totalAmount: 250,
			paymentMethod: 'CASH',
			isReconciled: false,
			refNo,
			entries: [{ amount: 250, type: 'DEBIT', category: { _id: SEED_IDS.salesCategory }, isMain: true, note: '' }],
			counterParty: store.counterparties.get(SEED_IDS.acme) ?? null,
			account: { _id: SEED_IDS.operatingAccount, accountName: 'Business Checking' },
		});
	}

	it('Transaction Created: each new transaction once, simplified', async () => {
		const { trigger, readsOf } = await start({ event: 'transactionCreated' });
		addTransaction('OLD-1');
		expect(await trigger.activate()).toEqual({ items: null });
		const created = addTransaction('T-1001');
		const { items } = await trigger.poll();
		expect(items).toEqual([
			{
				_id: created._id,
				transactionDate: created.transactionDate,
				refNo: 'T-1001',
				totalAmount: 250,
				currency: 'USD',
				counterparty: 'Acme Corp',
				account: 'Business Checking',
				isReconciled: false,
			},
		]);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(readsOf('/v1/transactions')).toBe(3);
		expect(sandbox.requestsTo('GET', '/v1/transactions').at(-1)?.query).toMatchObject({ sortKey: 'createdAt' });
	});

	it('Transaction Updated: a changed transaction, once per change; a new one is not an update', async () => {
		const { trigger, clock } = await start({ event: 'transactionUpdated', simplify: false });
		const existing = addTransaction('T-1');
		await trigger.activate();
		addTransaction('T-2');
		expect(await trigger.poll()).toEqual({ items: null });

		clock.advance(MINUTE);
		sandbox.store.touch(existing, { isReconciled: true });
		const first = await trigger.poll();
		expect(first.items).toEqual([expect.objectContaining({ _id: existing._id, isReconciled: true, entries: expect.any(Array) })]);
		expect(await trigger.poll()).toEqual({ items: null });

		clock.advance(MINUTE);
		sandbox.store.touch(existing, { refNo: 'T-1-corrected' });
		expect(idsOf((await trigger.poll()).items)).toEqual([existing._id]);
		expect(sandbox.requestsTo('GET', '/v1/transactions').at(-1)?.query).toMatchObject({ sortKey: 'updatedAt' });
	});

	it('Counterparty Created: reads data.counterparts; the seeded customers are the baseline', async () => {
		const { trigger, clock } = await start({ event: 'counterpartyCreated' });
		await trigger.activate();
		clock.advance(MINUTE);
		const added = sandbox.store.insert(sandbox.store.counterparties, {
			accountName: 'Umbrella Corp',
			accountNumber: 'AC-9001',
			type: 'customer',
			email: 'ap@umbrella.example',
		});
		expect((await trigger.poll()).items).toEqual([
			{ _id: added._id, accountName: 'Umbrella Corp', accountNumber: 'AC-9001', type: 'customer', email: 'ap@umbrella.example' },
		]);
		expect(await trigger.poll()).toEqual({ items: null });
	});
});
