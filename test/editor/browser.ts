import { chromium, type Browser, type Page } from 'playwright-core';

import { CHROMIUM_PATH } from '../../scripts/localN8n/chromium';

/** Without the background-networking flags Chromium keeps dialling out of a closed network. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

export interface EditorBrowser {
	browser: Browser;
	page: Page;
	close(): Promise<void>;
}

/**
 * Debian's Chromium with one page at the editor's size. Requests that leave the machine (the
 * editor asks n8n's servers for templates, telemetry and fonts) are aborted.
 */
export async function openBrowser(): Promise<EditorBrowser> {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
		else await route.abort();
	});
	context.setDefaultTimeout(30_000);
	const page = await context.newPage();
	return { browser, page, close: async () => await browser.close() };
}

/** n8n's sign-in form, as a user fills it in. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
	await page.goto(`${url}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(email);
	await page.locator('input[type="password"]').first().fill(password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((target) => !target.pathname.startsWith('/signin'), { timeout: 60_000 });
}

/** The page as a PNG, animations off, so it shows the settled page. */
export async function screenshot(page: Page): Promise<Buffer> {
	// The pointer off to a corner, so no tooltip or hover state is in the picture.
	const viewport = page.viewportSize();
	if (viewport) await page.mouse.move(viewport.width - 2, viewport.height - 2);
	await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }' });
	return await page.screenshot({ animations: 'disabled' });
}
