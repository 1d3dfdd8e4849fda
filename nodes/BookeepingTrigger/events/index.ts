import { counterpartyCreated } from './counterpartyCreated.event';
import { invoiceCreated } from './invoiceCreated.event';
import { invoiceStatusChanged } from './invoiceStatusChanged.event';
import { transactionCreated } from './transactionCreated.event';
import { transactionUpdated } from './transactionUpdated.event';
import type { TriggerEvent } from './triggerEvent';

export const triggerEvents: TriggerEvent[] = [
	invoiceCreated,
	invoiceStatusChanged,
	transactionCreated,
	transactionUpdated,
	counterpartyCreated,
];
