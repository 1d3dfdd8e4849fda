import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { BookeepingInputError } from './errors';
import { describeRejectedValue, rejectedValueForDetails } from './objectId';
import type { PageLimits } from './pageThrough';

/**
 * Return All and Limit of a Get Many operation (resources/shared/listFields.ts), checked, and
 * never more than `cap` records (an AI tool's per-call maximum).
 */
export function listLimitsOf(context: IExecuteSingleFunctions, cap = Infinity): PageLimits {
	const returnAll = context.getNodeParameter('returnAll', false) as unknown;
	if (returnAll === true || returnAll === 'true') {
		return Number.isFinite(cap) ? { returnAll: false, limit: cap } : { returnAll: true, limit: Infinity };
	}
	const raw = context.getNodeParameter('limit', 50) as unknown;
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		const itemIndex = context.getItemIndex();
		throw new BookeepingInputError(
			context.getNode(),
			`Invalid Limit in item ${itemIndex}: ${describeRejectedValue(raw)}. Limit must be a whole number, 1 or more.`,
			{
				itemIndex,
				description: 'Set Limit to how many records to return, or turn on Return All. No request was sent for this item.',
				forModel: {
					what: `Refused before sending: Limit is ${describeRejectedValue(raw)}, not a whole number of 1 or more.`,
					next: 'give Limit as a whole number, 1 or more, and call again.',
				},
			},
			{ field: 'limit', rejectedValue: rejectedValueForDetails(raw) },
		);
	}
	return { returnAll: false, limit: Math.min(limit, cap) };
}
