/**
 * What n8n sees when it installs the package: the built files the `n8n` block lists, loaded by
 * n8n-core's own community-package loader, with their icons — and nothing the package may not have.
 * Runs after `npm run build` (as `npm test` does).
 */
import { existsSync, readFileSync } from 'fs';
import { PackageDirectoryLoader } from 'n8n-core';
import { join } from 'path';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	files: string[];
	dependencies?: Record<string, string>;
	peerDependencies: Record<string, string>;
	peerDependenciesMeta: Record<string, { optional?: boolean }>;
	repository: { type: string; url: string };
	homepage: string;
	bugs: { url: string };
	keywords: string[];
	license: string;
	engines: { node: string };
	n8n: { n8nNodesApiVersion: number; credentials: string[]; nodes: string[] };
};

describe('the published package', () => {
	it('lists only built files that exist (run `npm run build` first)', () => {
		const listed = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		expect(listed).toHaveLength(5);
		for (const path of listed) {
			expect(path.startsWith('dist/')).toBe(true);
			expect(existsSync(join(root, path))).toBe(true);
		}
	});

	it('is a community node package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-lacrm');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		// Optional, so plain `npm install` does not pull the newest n8n-workflow (see install.test.ts).
		expect(pkg.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		expect(pkg.engines.node).toBe('>=20.15');
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('names one public GitHub repository as repository, homepage and issue tracker', () => {
		const repo = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)\.git$/.exec(pkg.repository.url)?.[1];
		expect(pkg.repository.type).toBe('git');
		expect(repo).toBeDefined();
		expect(pkg.homepage).toBe(`https://github.com/${repo}#readme`);
		expect(pkg.bugs.url).toBe(`https://github.com/${repo}/issues`);
	});

	it("loads in n8n's own package loader: three nodes, two credentials, every icon on disk", async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		expect(Object.keys(loader.nodeTypes).sort()).toEqual([
			'lacrm',
			'lacrmPollingTrigger',
			'lacrmTrigger',
		]);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['lacrmApi', 'lacrmOAuth2Api']);
		const icons = [...loader.types.nodes, ...loader.types.credentials].flatMap((type) => {
			const url = (type as { iconUrl?: { light: string; dark: string } }).iconUrl;
			return url ? [url.light, url.dark] : [];
		});
		expect(icons).toHaveLength(10);
		for (const icon of icons) {
			expect(existsSync(join(root, icon.replace(`icons/${pkg.name}/`, '')))).toBe(true);
		}
	});
});

describe('nodes panel (codex)', () => {
	const codex = (file: string) =>
		JSON.parse(readFileSync(join(__dirname, '..', '..', 'nodes', file), 'utf8')) as {
			node: string;
			categories: string[];
			subcategories?: unknown;
			alias: string[];
		};
	const app = codex('Lacrm/Lacrm.node.json');
	const webhook = codex('LacrmTrigger/LacrmTrigger.node.json');
	const polling = codex('LacrmPollingTrigger/LacrmPollingTrigger.node.json');

	it("puts the webhook trigger under the app's entry: n8n merges <app>Trigger into <app>", () => {
		// n8n's node creator (useActionsGeneration) merges a trigger whose type name minus "Trigger"
		// is an app's type name; the app entry then lists the trigger's events as trigger actions.
		expect(webhook.node.replace('Trigger', '')).toBe(app.node);
	});

	it('gives all three nodes the same category and the app name as an alias, as n8n-nodes-base pairs do', () => {
		for (const entry of [app, webhook, polling]) {
			expect(entry.categories).toEqual(['Sales']);
			expect(entry.subcategories).toBeUndefined();
			expect(entry.alias).toEqual(expect.arrayContaining(['LACRM', 'Less Annoying CRM']));
		}
		expect(polling.alias).toEqual(expect.arrayContaining(['Trigger', 'Polling']));
		expect(webhook.alias).toEqual(expect.arrayContaining(['Trigger', 'Webhook']));
	});
});
