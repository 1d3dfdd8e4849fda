export const REGION_BASE_URLS = {
	us: 'https://api.bookeeping.ai/public-api',
	eu: 'https://eu-api.bookeeping.ai/public-api',
	ca: 'https://ca-api.bookeeping.ai/public-api',
} as const;

/**
 * Resolved by n8n with `$credentials` in scope, both for the node's requests and for the
 * credential test, so "Test" checks the key in the same region the node will call.
 * An unknown region falls back to US, the default of the Region field.
 */
export const BASE_URL_EXPRESSION =
	'={{ $credentials.region === "custom"' +
	' ? String($credentials.baseUrl ?? "").trim().replace(/\\/+$/, "")' +
	` : $credentials.region === "eu" ? "${REGION_BASE_URLS.eu}"` +
	` : $credentials.region === "ca" ? "${REGION_BASE_URLS.ca}"` +
	` : "${REGION_BASE_URLS.us}" }}`;
