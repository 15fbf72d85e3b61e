/**
 * `npm run demo` (= `npm run build && tsx scripts/demo.ts`): the example workflows in examples/
 * run through n8n's execution engine against the bundled LACRM sandbox, printed readably.
 *
 *   npm run demo                                   sandbox on a free port, API-key credential
 *   LACRM_API_KEY=… npm run demo                   ONLY the read-only example, against your LACRM
 *   LACRM_API_KEY=… LACRM_API_URL=… npm run demo   … at another API base URL (a proxy)
 *
 * Exits non-zero when a workflow fails. The work is in demo-run.ts; this file only prepares the
 * environment n8n-core reads when it is first loaded (its user folder and log level).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

function prepareEnvironment(): void {
	// n8n-core's InstanceSettings writes a config file (with an encryption key) into the user folder.
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-lacrm-demo-'));
	}
	process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-lacrm-demo';
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
}

async function main(): Promise<number> {
	prepareEnvironment();
	const { runDemo } = await import('./demo-run');
	return await runDemo();
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(
			`\nDemo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
		);
		process.exit(1);
	},
);
