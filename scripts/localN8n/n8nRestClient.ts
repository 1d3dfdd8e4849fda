/** The few calls of n8n's internal REST API (the editor's) that the local tools need. */
export class N8nRestClient {
	private cookie = '';

	constructor(readonly url: string) {}

	async login(email: string, password: string): Promise<void> {
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		if (!response.ok) throw new Error(`Signing in to n8n as ${email} failed: HTTP ${response.status} ${await response.text()}`);
		const authCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (!authCookie) throw new Error('n8n answered the sign-in without an n8n-auth cookie');
		this.cookie = authCookie.split(';')[0];
	}

	/** n8n 1.x's owner setup screen; an n8n whose owner is already set up answers 400, which is fine. */
	async setUpOwner(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<void> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		const text = await response.text();
		if (!response.ok && !(response.status === 400 && /already setup/i.test(text))) {
			throw new Error(`Setting up the n8n owner ${owner.email} failed: HTTP ${response.status} ${text.slice(0, 300)}`);
		}
	}

	async get<T>(path: string): Promise<T> {
		return await this.send<T>('GET', path);
	}

	async post<T>(path: string, body: unknown): Promise<T> {
		return await this.send<T>('POST', path, body);
	}

	/** The raw text of an answer, for checks that look at everything n8n sent. */
	async getText(path: string): Promise<string> {
		const response = await fetch(`${this.url}${path}`, { headers: { cookie: this.cookie } });
		if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
		return await response.text();
	}

	private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return JSON.parse(text) as T;
	}
}
