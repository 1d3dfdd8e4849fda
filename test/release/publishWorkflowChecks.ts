/**
 * What .github/workflows/publish.yml must do for n8n's verification and npm's trusted publishing:
 * publish from a version tag, only after the checks, with GitHub's OIDC token instead of an npm
 * token, with provenance, on a Node and npm that can exchange that token.
 */
import { parse } from 'yaml';

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}

interface Job {
	needs?: string | string[];
	permissions?: string | Record<string, string>;
	steps?: Step[];
}

interface Workflow {
	on?: unknown;
	permissions?: string | Record<string, string>;
	jobs?: Record<string, Job>;
}

// npm's trusted publishing needs npm 11.5.1 or newer, on Node 22.14.0 or newer.
export const TRUSTED_PUBLISHING_NODE = [22, 14, 0];
export const TRUSTED_PUBLISHING_NPM = [11, 5, 1];

// The verifying jobs run these before anything is published: install from the lock file, lint,
// build, the tests with n8n's scanner (`npm test`), and these release checks.
const REQUIRED_BEFORE_PUBLISH = ['npm ci', 'npm run lint', 'npm run build', 'npm test', 'npm run check:release'];

function versionOf(text: string): number[] | undefined {
	const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
	return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

function atLeast(version: number[] | undefined, minimum: number[]): boolean {
	if (!version) return false;
	for (let index = 0; index < minimum.length; index++) {
		if (version[index] !== minimum[index]) return version[index] > minimum[index];
	}
	return true;
}

function grantsIdToken(permissions: Job['permissions']): boolean {
	return permissions === 'write-all' || (typeof permissions === 'object' && permissions['id-token'] === 'write');
}

function runsOnVersionTagOnly(on: unknown): boolean {
	if (!on || typeof on !== 'object') return false;
	const triggers = on as Record<string, { tags?: string[]; branches?: string[] } | null>;
	const tags = triggers.push?.tags ?? [];
	return Object.keys(triggers).join() === 'push' && !triggers.push?.branches && tags.length > 0 && tags.every((tag) => tag.startsWith('v'));
}

/** The jobs a job waits for, and the jobs those wait for. */
function jobsBefore(jobs: Record<string, Job>, name: string, seen = new Set<string>()): Set<string> {
	for (const needed of [jobs[name]?.needs ?? []].flat()) {
		if (!seen.has(needed)) {
			seen.add(needed);
			jobsBefore(jobs, needed, seen);
		}
	}
	return seen;
}

export function publishWorkflowProblems(text: string): string[] {
	const workflow = parse(text) as Workflow;
	const problems: string[] = [];
	if (!runsOnVersionTagOnly(workflow.on)) problems.push('must run only when a version tag is pushed (on: push: tags: [v*])');
	if (/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/.test(text)) problems.push('must not use an npm token: trusted publishing authenticates with the OIDC token');
	if (grantsIdToken(workflow.permissions)) problems.push('must grant id-token: write to the publishing job only, not the whole workflow');

	const jobs = workflow.jobs ?? {};
	const publishing = Object.keys(jobs).filter((name) => jobs[name].steps?.some((step) => /\bnpm publish\b/.test(step.run ?? '')));
	if (publishing.length !== 1) return [...problems, `must have exactly one job that runs npm publish, has ${publishing.length}`];
	const [name] = publishing;
	const steps = jobs[name].steps ?? [];
	const publishAt = steps.findIndex((step) => /\bnpm publish\b/.test(step.run ?? ''));
	const before = steps.slice(0, publishAt);
	const command = steps[publishAt].run ?? '';

	if (!grantsIdToken(jobs[name].permissions)) problems.push(`job ${name} must have permissions id-token: write (OIDC for trusted publishing and provenance)`);
	if (!/--provenance\b/.test(command)) problems.push('npm publish must pass --provenance');
	if (!/--access[ =]public\b/.test(command)) problems.push('npm publish must pass --access public');
	if (/--dry-run\b/.test(command)) problems.push('npm publish must not be a dry run');

	const nodeVersion = before.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'];
	if (!atLeast(versionOf(String(nodeVersion ?? '')), TRUSTED_PUBLISHING_NODE)) {
		problems.push(`job ${name} must set up Node ${TRUSTED_PUBLISHING_NODE.join('.')} or newer with actions/setup-node, sets ${nodeVersion}`);
	}
	const npmInstall = before.map((step) => /npm (?:install|i) (?:--global|-g) npm@(\S+)/.exec(step.run ?? '')?.[1]).find(Boolean);
	if (!npmInstall || !(npmInstall === 'latest' || atLeast(versionOf(npmInstall), TRUSTED_PUBLISHING_NPM))) {
		problems.push(`job ${name} must install npm ${TRUSTED_PUBLISHING_NPM.join('.')} or newer before publishing (npm install --global npm@^${TRUSTED_PUBLISHING_NPM.join('.')})`);
	}

	const earlier = [...jobsBefore(jobs, name)];
	const commandsBefore = earlier.flatMap((job) => (jobs[job]?.steps ?? []).map((step) => step.run ?? '')).join('\n');
	for (const required of REQUIRED_BEFORE_PUBLISH) {
		if (!new RegExp(`(^|\\n|&& )${required.replace(/ /g, '\\s+')}(\\s|$)`).test(commandsBefore)) {
			problems.push(`"${required}" must run in a job that ${name} needs`);
		}
	}
	if (!/GITHUB_REF_NAME/.test(commandsBefore) || !/package\.json/.test(commandsBefore)) {
		problems.push(`a job that ${name} needs must check that the tag is package.json's version`);
	}
	return problems;
}
