/** Ways the sandbox can misbehave for one invoice id, to test how the node copes. */
export type Fault =
	| { kind: 'status'; status: number; body?: unknown; contentType?: string; headers?: Record<string, string> }
	| { kind: 'reset' }
	| { kind: 'hang' }
	| { kind: 'slow'; delayMs: number };

export const FAULTS = {
	serverError: { kind: 'status', status: 500, body: { error: 'InternalServerError', message: 'Something went wrong' } },
	badGatewayHtml: { kind: 'status', status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' },
	unavailableHtml: { kind: 'status', status: 503, body: '<html><body>Service Unavailable</body></html>', contentType: 'text/html' },
	unavailableRetryAfter: { kind: 'status', status: 503, body: { error: 'ServiceUnavailable', message: 'Try later' }, headers: { 'retry-after': '7' } },
	reset: { kind: 'reset' },
	hang: { kind: 'hang' },
	malformedJson200: { kind: 'status', status: 200, body: '{"message": "Invoice deleted", "data": {', contentType: 'application/json' },
	empty200: { kind: 'status', status: 200, body: '', contentType: 'application/json' },
	html200: { kind: 'status', status: 200, body: '<html><body>Welcome to the proxy</body></html>', contentType: 'text/html' },
	unexpectedShape200: { kind: 'status', status: 200, body: [1, 2, 3] },
	bare429: { kind: 'status', status: 429, body: '' },
	bare409: { kind: 'status', status: 409, body: '' },
	notFound: { kind: 'status', status: 404, body: { error: 'NotFoundError', message: 'Invoice not found' } },
	/** What the limiter answers once a key's daily quota is used up, for one id whatever the request order. */
	dailyLimitReached: {
		kind: 'status',
		status: 429,
		body: { error: 'TooManyRequestsError', message: 'Rate limit exceeded: daily limit reached' },
		headers: {
			'x-rate-limiter-daily-limit': '1500',
			'x-rate-limiter-daily-usage': '1500',
			'x-rate-limiter-minutely-limit': '25',
			'x-rate-limiter-minutely-usage': '3',
			'x-rate-limiter-operation-type': 'write',
			'retry-after': '3600',
		},
	},
} satisfies Record<string, Fault>;
