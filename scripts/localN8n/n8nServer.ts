import { startN8n, stopProcess, type RunningProcess } from './n8nProcess';

export interface N8nServer {
	url: string;
	process: RunningProcess;
	stop(): Promise<void>;
}

/** n8n 1.x answers readiness before the editor's REST API is mounted: wait for both. */
async function isReady(url: string): Promise<boolean> {
	try {
		for (const path of ['/healthz/readiness', '/rest/settings']) {
			if (!(await fetch(`${url}${path}`)).ok) return false;
		}
		return true;
	} catch {
		return false;
	}
}

/** `n8n start`, resolved once n8n reports itself ready (database migrated, nodes loaded). */
export async function startN8nServer(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<N8nServer> {
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const running = startN8n(env, ['start']);
	const server = { url, process: running, stop: async () => await stopProcess(running) };
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void running.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) {
			throw new Error(`n8n stopped while starting (exit code ${exitCode}). Its output:\n${running.output().slice(-4000)}`);
		}
		if (await isReady(url)) return server;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await server.stop();
	throw new Error(`n8n did not become ready on ${url} within ${timeoutMs / 1000} s. Its output:\n${running.output().slice(-4000)}`);
}
