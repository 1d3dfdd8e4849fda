/** Why a credential cannot be used, or undefined when it can. Never quotes the key or a password. */
export function credentialProblem(credentials: { apiKey?: unknown; region?: unknown; baseUrl?: unknown }): string | undefined {
	if (typeof credentials.apiKey !== 'string' || credentials.apiKey.trim() === '') {
		return 'The Bookeeping credential has no API key';
	}
	if (credentials.region !== 'custom') return undefined;
	const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (raw === '') return 'The Bookeeping credential uses a custom Base URL but none is set';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return "The Bookeeping credential's Base URL is not a URL";
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return "The Bookeeping credential's Base URL must start with http:// or https://";
	}
	if (url.username || url.password) {
		return "The Bookeeping credential's Base URL must not contain a user name or password";
	}
	if (url.search || raw.includes('?')) return "The Bookeeping credential's Base URL must not contain a query (?…)";
	if (url.hash || raw.includes('#')) return "The Bookeeping credential's Base URL must not contain a fragment (#…)";
	return undefined;
}

export interface BookeepingCredential {
	apiKey?: unknown;
	region?: unknown;
	baseUrl?: unknown;
}
