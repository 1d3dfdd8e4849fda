import type { INodeProperties } from 'n8n-workflow';

import type { IdInput } from '../../pipeline/operationSpec';
import { idLocator } from '../shared/idLocator';
import type { DisplayOptions } from '../shared/operationDefinition';

/** The path of one invoice; the id is checked by the request executor before it is sent. */
export const INVOICE_PATH = '=/v1/invoices/{{ String($parameter.invoiceId ?? "").trim() }}';

export const invoiceIdInput: IdInput = { parameter: 'invoiceId', label: 'Invoice ID' };

export function invoiceIdField(displayOptions: DisplayOptions, description: string): INodeProperties {
	return idLocator({
		name: 'invoiceId',
		displayName: 'Invoice ID',
		searchMethod: 'searchInvoices',
		description,
		displayOptions,
	});
}

export const invoiceSubject = (ids: Record<string, string>) => `Invoice ${ids.invoiceId}`;
