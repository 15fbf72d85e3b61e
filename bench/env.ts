/**
 * Imported FIRST by every bench entry point.
 *
 * - n8n-core's InstanceSettings writes a config file (with an encryption key) into the user folder
 *   the first time it is loaded, so the folder must be set before `n8n-core` is imported — and must
 *   not be a developer's real ~/.n8n.
 * - `--engine 1` (or BENCH_ENGINE=1, inherited by the forked child) runs on the engine n8n 1.123
 *   ships: the bare specifiers `n8n-core` / `n8n-workflow` are resolved to the devDependency alias
 *   n8n-core-1 (1.122.48) and its n8n-workflow (1.120.31) — what jest's moduleNameMapper does for
 *   the engine-n8n-core-1.122 project. Default: n8n-core 2.41.1 / n8n-workflow 2.41.0.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	const dir = path.join(os.tmpdir(), `n8n-nodes-lacrm-bench-${process.pid}`);
	fs.mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-lacrm-bench';
// n8n-core 1.x warns on stdout about the config file's mode unless told to fix it.
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'true';

const engineFlag = process.argv.indexOf('--engine');
const engine = engineFlag >= 0 ? process.argv[engineFlag + 1] : process.env.BENCH_ENGINE;
if (engine !== undefined && engine !== '1' && engine !== '2') {
	process.stderr.write(
		`--engine must be 1 (n8n-core 1.122, n8n 1.123) or 2 (n8n-core 2.41, default), got ${engine}\n`,
	);
	process.exit(2);
}
if (engine === '1') {
	process.env.BENCH_ENGINE = '1';
	const root = path.resolve(__dirname, '..');
	const core1 = path.join(root, 'node_modules', 'n8n-core-1');
	const targets: Record<string, string> = {
		'n8n-core': core1,
		'n8n-workflow': path.join(core1, 'node_modules', 'n8n-workflow'),
	};
	type Resolve = (request: string, ...rest: unknown[]) => string;
	const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
	const original = moduleWithResolver._resolveFilename;
	moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
		return original.call(this, targets[request] ?? request, ...rest);
	};
}
