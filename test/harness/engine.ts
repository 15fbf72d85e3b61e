/**
 * Process-level housekeeping for n8n-core inside jest.
 *
 * n8n-core 1.x starts a ref'd 60 s cleanup interval in SSHClientsManager the first time a
 * TriggerContext / LoadOptionsContext is built (2.x unrefs it); n8n stops it at shutdown. Without
 * stopping it a single-file jest run never exits. `shutdownEngine()` does what n8n's shutdown
 * does for it. The class is not exported from n8n-core's index, so it is loaded from the dist
 * folder of whichever n8n-core the bare specifier resolves to (moduleNameMapper only maps the
 * bare specifier, never a deep import) — same path, same module instance, same DI container.
 */
import * as path from 'path';

type ShutdownTarget = { onShutdown?: () => void };

export function shutdownEngine(): void {
	try {
		const coreDist = path.dirname(require.resolve('n8n-core'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const ssh = require(path.join(coreDist, 'execution-engine', 'ssh-clients-manager')) as {
			SSHClientsManager?: new (...args: unknown[]) => ShutdownTarget;
		};
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const di = require(require.resolve('@n8n/di', { paths: [coreDist] })) as {
			Container: { get<T>(type: new (...args: unknown[]) => T): T };
		};
		if (ssh.SSHClientsManager) di.Container.get(ssh.SSHClientsManager).onShutdown?.();
	} catch {
		// Nothing to stop in this version.
	}
}

let registered = false;

/** Register `shutdownEngine` as a jest afterAll hook once per test file (module registry). */
export function registerEngineShutdown(): void {
	if (registered) return;
	const hook = (globalThis as { afterAll?: (fn: () => void) => void }).afterAll;
	if (typeof hook !== 'function') return;
	try {
		hook(() => shutdownEngine());
		registered = true;
	} catch {
		// Called from inside a test: the caller must call shutdownEngine() itself.
	}
}
