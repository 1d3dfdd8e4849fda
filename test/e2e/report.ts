/** Records named checks, prints each as it is decided, and the closing count. */
export class Report {
	private passed = 0;

	/** @param label what is being tested, e.g. "n8n 2.41.1", for the closing count */
	constructor(private readonly label = '') {}

	private failed = 0;

	section(title: string): void {
		console.log(`\n${title}`);
	}

	/** Runs `assertion`; any throw fails the check with the thrown message. */
	check(name: string, assertion: () => void): boolean {
		try {
			assertion();
			this.pass(name);
			return true;
		} catch (error) {
			this.fail(name, error instanceof Error ? error.message : String(error));
			return false;
		}
	}

	/** Like check(), for assertions that wait on something (a request, a process). */
	async checkAsync(name: string, assertion: () => Promise<void>): Promise<boolean> {
		try {
			await assertion();
			this.pass(name);
			return true;
		} catch (error) {
			this.fail(name, error instanceof Error ? error.message : String(error));
			return false;
		}
	}

	pass(name: string): void {
		this.passed++;
		console.log(`  ✓ ${name}`);
	}

	fail(name: string, reason: string): void {
		this.failed++;
		console.log(`  ✗ ${name}`);
		console.log(reason.replace(/^/gm, '      '));
	}

	note(text: string): void {
		console.log(`    · ${text}`);
	}

	get ok(): boolean {
		return this.failed === 0;
	}

	summary(): string {
		return `e2e${this.label ? ` ${this.label}` : ''}: ${this.passed} passed, ${this.failed} failed`;
	}
}
