/**
 * A manual install, as a user does it: the packed tarball installed with plain `npm install` into
 * an empty folder outside the repository, then every file of the `n8n` block loaded from there and
 * each node and credential class instantiated — with `n8n-workflow` coming from outside the
 * package, the way n8n supplies it (NODE_PATH pointing at an n8n-workflow install).
 *
 * The package has no dependencies and its only peer (n8n-workflow) is optional, so npm needs
 * nothing from a registry: `--offline` proves it. Without `peerDependenciesMeta` npm would install
 * the newest n8n-workflow, whose isolated-vm does not build on Node 20, and exit 1.
 * Runs after `npm run build` (as `npm test` does); the tarball carries whatever dist/ holds.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { missingFromTarball, n8nBlockFiles, packPackage, ROOT } from '../../scripts/pack';

/** The environment of a user's shell: none of the npm_* variables `npm test` passes down. */
function plainEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

/** Run in a separate Node process: require each file, instantiate each exported class. */
const LOADER = `
const files = JSON.parse(process.argv[1]);
const loaded = files.map((file) => {
	const exported = require(require('path').resolve(file));
	return {
		file,
		classes: Object.entries(exported)
			.filter(([, value]) => typeof value === 'function')
			.map(([exportName, Class]) => {
				const instance = new Class();
				return {
					exportName,
					name: instance.description ? instance.description.name : instance.name,
					properties: (instance.description ? instance.description.properties : instance.properties).length,
				};
			}),
	};
});
process.stdout.write(JSON.stringify({ loaded, n8nWorkflow: require.resolve('n8n-workflow') }));
`;

interface LoadReport {
	loaded: Array<{
		file: string;
		classes: Array<{ exportName: string; name: string; properties: number }>;
	}>;
	n8nWorkflow: string;
}

describe('installing the packed tarball with plain npm', () => {
	let work: string;
	let installedAt: string;

	beforeAll(() => {
		work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-lacrm-install-'));
		const packed = packPackage(path.join(work, 'pack'));
		expect(missingFromTarball(packed)).toEqual([]);

		const userFolder = path.join(work, 'nodes');
		fs.mkdirSync(userFolder);
		execFileSync(
			'npm',
			['install', packed.tarball, '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
			{ cwd: userFolder, env: plainEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] },
		);
		installedAt = path.join(userFolder, 'node_modules', 'n8n-nodes-lacrm');
	}, 180_000);

	afterAll(() => {
		fs.rmSync(work, { recursive: true, force: true });
	});

	it('installs the package alone: no n8n-workflow, nothing else', () => {
		expect(fs.existsSync(path.join(installedAt, 'package.json'))).toBe(true);
		const installed = fs.readdirSync(path.dirname(installedAt)).filter((n) => !n.startsWith('.'));
		expect(installed).toEqual(['n8n-nodes-lacrm']);
	});

	// n8n-workflow 2.x (the repository's) and 1.x (what n8n 1.123 ships), each as its own install.
	it.each([
		['n8n-workflow 2.x', path.join(ROOT, 'node_modules', 'n8n-workflow')],
		['n8n-workflow 1.x', path.join(ROOT, 'node_modules', 'n8n-workflow-1')],
	])('every file of the n8n block loads with %s from NODE_PATH', (_label, n8nWorkflow) => {
		const nodePath = path.join(work, `node-path-${path.basename(n8nWorkflow)}`);
		fs.mkdirSync(nodePath, { recursive: true });
		fs.symlinkSync(n8nWorkflow, path.join(nodePath, 'n8n-workflow'), 'dir');

		const out = execFileSync(process.execPath, ['-e', LOADER, JSON.stringify(n8nBlockFiles())], {
			cwd: installedAt,
			env: plainEnvironment({ NODE_PATH: nodePath }),
			encoding: 'utf8',
		});
		const report = JSON.parse(out) as LoadReport;

		// Node reports the real path behind the NODE_PATH link: the install we supplied.
		expect(report.n8nWorkflow.startsWith(fs.realpathSync(n8nWorkflow) + path.sep)).toBe(true);
		expect(report.loaded.map((entry) => entry.file)).toEqual(n8nBlockFiles());
		const classes = report.loaded.flatMap((entry) => entry.classes);
		expect(classes.map((c) => c.name).sort()).toEqual([
			'lacrm',
			'lacrmApi',
			'lacrmOAuth2Api',
			'lacrmPollingTrigger',
			'lacrmTrigger',
		]);
		for (const c of classes) expect(c.properties).toBeGreaterThan(0);
	});
});
