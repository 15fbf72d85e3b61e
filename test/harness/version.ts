/**
 * Which n8n-core / n8n-workflow pair is running.
 *
 * jest's moduleNameMapper swaps the bare specifiers `n8n-core` / `n8n-workflow` per engine
 * project, but `require('n8n-core/package.json')` is not mapped (it would always read the
 * top-level 2.x package). `require.resolve('n8n-core')` IS mapped, so the version is read from
 * the package.json found above the resolved entry point.
 */
import * as fs from 'fs';
import * as path from 'path';

function readPackageVersion(specifier: string): string {
	let dir = path.dirname(require.resolve(specifier));
	for (;;) {
		const candidate = path.join(dir, 'package.json');
		if (fs.existsSync(candidate)) {
			const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as {
				name?: string;
				version?: string;
			};
			if (pkg.name === specifier && pkg.version) return pkg.version;
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`Cannot find the package.json of ${specifier}`);
		dir = parent;
	}
}

/** Version of the n8n-core this test process runs against, e.g. "1.122.48" or "2.41.1". */
export const N8N_CORE_VERSION = readPackageVersion('n8n-core');
/** Version of the n8n-workflow paired with it, e.g. "1.120.31" or "2.41.0". */
export const N8N_WORKFLOW_VERSION = readPackageVersion('n8n-workflow');
/** Major version of n8n-core (1 or 2). */
export const N8N_CORE_MAJOR = Number(N8N_CORE_VERSION.split('.')[0]);

function atLeast(version: string, min: string): boolean {
	const a = version.split('.').map(Number);
	const b = min.split('.').map(Number);
	for (let i = 0; i < 3; i++) {
		if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
	}
	return true;
}

/**
 * n8n-core >= 2.30 refreshes OAuth2 tokens single-flight per credential id (PR n8n-io/n8n#33092);
 * older versions (all of n8n 1.x) have no lock.
 */
export const HAS_OAUTH2_REFRESH_LOCK = atLeast(N8N_CORE_VERSION, '2.30.0');

/** Short label for test names: "n8n-core 1.122.48". */
export const ENGINE_LABEL = `n8n-core ${N8N_CORE_VERSION}`;
