import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { cacheDir } from '../../scripts/localN8n/paths';
import type { EditorCheck } from './checks/editorCheck';

/** Kept by CI with the run's output: the page as it was when a check failed. */
export const failureShotsDir = join(cacheDir, 'editor-failures');

function slug(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** Prints each check as it is decided; a failed check leaves a screenshot of the page. */
export class EditorReport {
	passed = 0;
	failed = 0;
	private page: Page | undefined;

	/** `name` begins the summary line; a failed check's screenshot goes to `shotsDir`. */
	constructor(
		private readonly name = 'editor',
		private readonly shotsDir = failureShotsDir,
	) {
		rmSync(shotsDir, { recursive: true, force: true });
	}

	watch(page: Page): void {
		this.page = page;
	}

	section(title: string): void {
		console.log(`\n${title}`);
	}

	note(text: string): void {
		console.log(`    · ${text}`);
	}

	readonly check: EditorCheck = async (name, assertion) => {
		try {
			await assertion();
			this.passed++;
			console.log(`  ✓ ${name}`);
			return true;
		} catch (error) {
			await this.fail(name, error instanceof Error ? error.message : String(error));
			return false;
		}
	};

	async fail(name: string, reason: string): Promise<void> {
		this.failed++;
		console.log(`  ✗ ${name}`);
		console.log(reason.replace(/^/gm, '      '));
		if (!this.page || this.page.isClosed()) return;
		mkdirSync(this.shotsDir, { recursive: true });
		const path = join(this.shotsDir, `${String(this.failed).padStart(2, '0')}-${slug(name)}.png`);
		try {
			await this.page.screenshot({ path, timeout: 10_000 });
			console.log(`      screenshot: ${path}`);
		} catch {
			console.log('      (no screenshot: the page did not answer)');
		}
	}

	get ok(): boolean {
		return this.failed === 0 && this.passed > 0;
	}

	summary(): string {
		return `${this.name}: ${this.passed} passed, ${this.failed} failed`;
	}
}
