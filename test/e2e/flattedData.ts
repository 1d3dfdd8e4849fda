/**
 * n8n's REST API returns an execution's data in the `flatted` format: a JSON array whose first
 * entry is the root value; inside objects and arrays every string is the index of the entry
 * that holds the actual value (a string, or another object), so shared and circular
 * references survive. Numbers, booleans and null stay inline.
 */
export function unflatten(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const resolved = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (resolved.has(index)) return resolved.get(index);
		const entry = entries[index];
		if (entry === null || typeof entry !== 'object') {
			resolved.set(index, entry);
			return entry;
		}
		const value: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		resolved.set(index, value);
		for (const [key, inner] of Object.entries(entry)) {
			(value as Record<string, unknown>)[key] = typeof inner === 'string' ? resolve(Number(inner)) : inner;
		}
		return value;
	};
	return resolve(0);
}
