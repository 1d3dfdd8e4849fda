import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { BookeepingInputError } from './errors';
import { describeRejectedValue, rejectedValueForDetails } from './objectId';
import type { PageLimits } from './pageThrough';

/** Return All and Limit of a Get Many operation (resources/shared/listFields.ts), checked. */
export function listLimitsOf(context: IExecuteSingleFunctions): PageLimits {
	const returnAll = context.getNodeParameter('returnAll', false) as unknown;
	if (returnAll === true || returnAll === 'true') return { returnAll: true, limit: Infinity };
	const raw = context.getNodeParameter('limit', 50) as unknown;
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		const itemIndex = context.getItemIndex();
		throw new BookeepingInputError(
			context.getNode(),
			`Invalid Limit in item ${itemIndex}: ${describeRejectedValue(raw)}. Limit must be a whole number, 1 or more.`,
			{ itemIndex, description: 'Set Limit to how many records to return, or turn on Return All. No request was sent for this item.' },
			{ field: 'limit', rejectedValue: rejectedValueForDetails(raw) },
		);
	}
	return { returnAll: false, limit };
}
