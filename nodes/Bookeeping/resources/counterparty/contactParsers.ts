import type { InputParser } from '../../pipeline/operationSpec';
import { commaSeparatedList } from '../../pipeline/inputParsers';

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export const emailAddress: InputParser = (raw) => {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') return { problem: 'an empty value' };
	return EMAIL.test(text) ? { value: text } : { problem: 'not an email address' };
};

/** Comma-separated email addresses as an array. */
export const emailList: InputParser = (raw, context) => {
	const parsed = commaSeparatedList(raw, context);
	if ('problem' in parsed) return parsed;
	const emails = parsed.value as string[];
	const wrong = emails.find((email) => !EMAIL.test(email));
	return wrong === undefined ? { value: emails } : { problem: `"${wrong}" is not an email address` };
};

const ADDRESS_PARTS = ['city', 'state', 'country'] as const;

/** The Address fixed collection as the API's `{ city, state, country }`, without the empty parts. */
export const addressValue: InputParser = (raw) => {
	const values = (raw as { values?: Record<string, unknown> } | undefined)?.values ?? {};
	const address: Record<string, string> = {};
	for (const part of ADDRESS_PARTS) {
		const value = values[part];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value !== 'string') return { problem: `a ${part} that is not text` };
		if (value.trim() !== '') address[part] = value.trim();
	}
	return Object.keys(address).length ? { value: address } : { problem: 'an empty value' };
};
