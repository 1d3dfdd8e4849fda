import type { INodePropertyOptions } from 'n8n-workflow';

/** The documented level-two codes of the chart of accounts, as readable options. */
export const PARENT_CATEGORY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Cost of Goods Sold', value: 'COST_OF_GOODS_SOLD' },
	{ name: 'Current Asset', value: 'CURRENT_ASSET' },
	{ name: 'Current Liability', value: 'CURRENT_LIABILITY' },
	{ name: 'Depreciation', value: 'DEPRECIATION' },
	{ name: 'Equity', value: 'EQUITY' },
	{ name: 'Expense', value: 'EXPENSE' },
	{ name: 'Fixed Asset', value: 'FIXED_ASSET' },
	{ name: 'Income', value: 'INCOME' },
	{ name: 'Inventory', value: 'INVENTORY' },
	{ name: 'Liability', value: 'LIABILITY' },
	{ name: 'Non-Current Asset', value: 'NON_CURRENT_ASSET' },
	{ name: 'Non-Current Liability', value: 'NON_CURRENT_LIABILITY' },
	{ name: 'Other Expense', value: 'OTHER_EXPENSE' },
	{ name: 'Other Income', value: 'OTHER_INCOME' },
	{ name: 'Overhead', value: 'OVERHEAD' },
	{ name: 'Prepayment', value: 'PREPAYMENT' },
	{ name: 'Sales', value: 'SALES' },
	{ name: 'Tax', value: 'TAX' },
	{ name: 'Tax Payable', value: 'TAX_PAYABLE' },
];

/** A multi-select of the codes, sent comma-separated (nothing when none is selected). */
export const CODE_LIST_VALUE = '={{ $value.length ? $value.join(",") : undefined }}';
