import { defineResource } from '../shared/resourceDefinition';
import { invoiceCancel } from './cancel.operation';
import { invoiceCreate } from './create.operation';
import { invoiceDelete } from './delete.operation';
import { invoiceGetAll } from './getAll.operation';
import { invoiceMarkAsPaid } from './markAsPaid.operation';
import { invoiceSend } from './send.operation';
import { invoiceUpdate } from './update.operation';

export const invoiceResource = defineResource(
	'invoice',
	'Invoice',
	[invoiceCancel, invoiceCreate, invoiceDelete, invoiceGetAll, invoiceMarkAsPaid, invoiceSend, invoiceUpdate],
	'delete',
);
